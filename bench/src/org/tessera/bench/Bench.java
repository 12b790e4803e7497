package org.tessera.bench;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutputs;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tessera.output.TrigStream;
import org.tessera.pipeline.Project;
import org.tessera.pipeline.StreamingConversion;
import org.tessera.query.CuratedQuery;
import org.tessera.query.ParameterBinder;
import org.tessera.query.QueryDeadline;
import org.tessera.query.QueryLibrary;
import org.tessera.server.QueryLimits;
import org.tessera.server.ServerSettings;
import org.tessera.server.TesseraServer;
import org.tessera.store.BulkLoader;
import org.tessera.store.MemoryFit;
import org.tessera.store.QueryWork;
import org.tessera.store.ServedDataset;
import org.tessera.store.Store;
import org.tessera.store.StoreLoader;
import org.tessera.store.TextIndexing;
import org.tessera.vocabulary.Namespaces;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The measurements, one per sub-command, each meant for a fresh JVM (bench/run
 * starts one per measure, so that heap and JIT state never leak between them).
 * Every result is printed on stdout as a {@code name=value} line.
 *
 * <pre>
 * convert PROJECT OUT PREFIX            validate + build + SHACL + write, as ./tessera convert; heap
 * rawnt NQ OUT PREFIX                   Jena writing the same triples as N-Triples via StreamRDF
 * load NQ DB PREFIX [LOADER]            ./tessera load (StoreLoader: phased or sorted loader + text index); database size
 * tdbloader NQ DIR PREFIX               tdb2.tdbloader's phased loader, as a library call
 * query DB QUERIES PREFIX RUNS          each .rq in-process, p50/p95; with -Dbench.pick=true, parameters {@link Picks} chose
 * http DB QUERIES PREFIX SECONDS        the server's start to a first answer, then the curated queries over HTTP
 *                                       on loopback, 1/4/16 clients
 * dumps DB PREFIX                       the server's full dumps (N-Quads, TriG, JSON-LD) over HTTP, one after the other: time, bytes, heap
 * each DB QUERIES NAME PARAM FORMAT N P [STEP]
 *                                       one query once for each value String.format(FORMAT, i), i &lt; N, every STEP-th: rows, p50/p95/max
 * restart DB NQ PREFIX N                the N-Quads' time set to now, as a convert that just wrote them, then a start's
 *                                       decision to load or not, N times: each reads them, or knows them by their stamp
 * trig NQ PREFIX RUNS                   the quads of NQ written as TriG in memory, by Jena's stream writer and by TrigStream
 * work DB QUERIES LABEL RUNS [NAME...]  each .rq (or those named) RUNS times, parameters {@link Picks} chose: one line a run,
 *                                       its time, rows, subjects read and index lookups ({@link QueryWork}); for A/B turns
 * </pre>
 */
public final class Bench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "convert" -> convert(Path.of(args[1]), Path.of(args[2]), args[3]);
            case "rawnt" -> rawNt(Path.of(args[1]), Path.of(args[2]), args[3]);
            case "load" -> load(Path.of(args[1]), Path.of(args[2]), args[3],
                    BulkLoader.valueOf((args.length > 4 ? args[4] : "phased").toUpperCase(Locale.ROOT)));
            case "tdbloader" -> tdbloader(Path.of(args[1]), Path.of(args[2]), args[3]);
            case "query" -> query(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]));
            case "http" -> http(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]));
            case "dumps" -> dumps(Path.of(args[1]), args[2]);
            case "each" -> each(Path.of(args[1]), Path.of(args[2]), args[3], args[4], args[5], Integer.parseInt(args[6]), args[7],
                    args.length > 8 ? Integer.parseInt(args[8]) : 1);
            case "work" -> work(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]),
                    List.of(args).subList(5, args.length));
            case "restart" -> restart(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]));
            case "trig" -> trig(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown measure " + args[0]);
        }
        System.out.flush();
        System.exit(0);
    }

    static void print(String name, Object value) {
        String v = value instanceof Double d ? String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 1 ? "%.2f" : "%.4f", d) : String.valueOf(value);
        System.out.println(name + "=" + v);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap the run needed ({@link HeapPeak} has the peak itself). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** CPU time of the whole process (every thread, GC included): steadier than wall time on a shared machine. */
    static double cpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    static long liveHeapBytes() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** As ./tessera convert: the streaming conversion, validation and SHACL included. */
    static void convert(Path project, Path out, String p) throws IOException {
        HeapPeak heapPeak = HeapPeak.start();
        double c0 = cpuSeconds();
        long serial0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long serialUser0 = ManagementFactory.getThreadMXBean().getCurrentThreadUserTime();
        long t0 = System.nanoTime();
        Project tessera = new Project(project.toAbsolutePath());
        StreamingConversion.Result result = new StreamingConversion(tessera).run(null, out);
        if (!result.valid()) {
            throw new IllegalStateException("invalid annotations: " + result.problems().subList(0, Math.min(5, result.problems().size()))
                    + result.shapeViolations().subList(0, Math.min(5, result.shapeViolations().size())));
        }
        long t1 = System.nanoTime();
        double c1 = cpuSeconds();
        long serial = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - serial0;
        long serialUser = ManagementFactory.getThreadMXBean().getCurrentThreadUserTime() - serialUser0;
        long peak = peakHeapBytes();
        long usedPeak = heapPeak.bytes();
        print(p + "quads", result.quads());
        print(p + "convert_s", seconds(t1 - t0));
        print(p + "convert_cpu_s", c1 - c0);
        // The thread that indexes and writes in order: the share more cores cannot divide.
        print(p + "convert_serial_cpu_s", serial / 1e9);
        // Of it, the time outside the kernel: the rest is the kernel taking the bytes written.
        print(p + "convert_serial_user_s", serialUser / 1e9);
        print(p + "convert_triples_per_s", result.quads() / seconds(t1 - t0));
        print(p + "convert_heap_used_peak_mb", usedPeak / 1048576.0);
        print(p + "convert_heap_after_full_gc_peak_mb", heapPeak.bytesAfterCollection() / 1048576.0);
        print(p + "convert_heap_peak_mb", peak / 1048576.0);
        print(p + "convert_live_heap_mb", liveHeapBytes() / 1048576.0);
        print(p + "convert_max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** The baseline: the same triples, already in memory, written as N-Triples by Jena's streaming writer. */
    static void rawNt(Path nquads, Path out, String p) throws IOException {
        List<Quad> quads = new ArrayList<>();
        RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
            @Override public void quad(Quad quad) { quads.add(quad); }
        });
        Files.createDirectories(out);
        Path file = out.resolve("raw.nt");
        long best = Long.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            double c0 = cpuSeconds();
            long t0 = System.nanoTime();
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                StreamRDF stream = StreamRDFWriter.getWriterStream(os, RDFFormat.NTRIPLES);
                stream.start();
                for (Quad q : quads) stream.triple(q.asTriple());
                stream.finish();
            }
            best = Math.min(best, System.nanoTime() - t0);
            bestCpu = Math.min(bestCpu, cpuSeconds() - c0);
        }
        print(p + "raw_nt_s", seconds(best));
        print(p + "raw_nt_cpu_s", bestCpu);
        print(p + "raw_nt_triples_per_s", quads.size() / seconds(best));
        Files.deleteIfExists(file);
    }

    static void load(Path nquads, Path db, String p, BulkLoader loader) throws IOException {
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        StoreLoader.Result result = new StoreLoader(new Store(db), loader, line -> {}).load(List.of(nquads));
        long t1 = System.nanoTime();
        print(p + "load_db_mb", MemoryFit.bytes(result.generation().tdb()) / 1e6);
        print(p + "load_s", seconds(t1 - t0));
        print(p + "load_cpu_s", cpuSeconds() - c0);
        print(p + "load_quads_per_s", result.manifest().quads() / seconds(t1 - t0));
        print(p + "load_text_entries", result.manifest().textEntities());
    }

    /** What tdb2.tdbloader does by default: the phased loader over a new database. */
    static void tdbloader(Path nquads, Path dir, String p) {
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        DataLoader loader = LoaderFactory.phasedLoader(dsg, MonitorOutputs.nullOutput());
        loader.startBulk();
        loader.load(nquads.toString());
        loader.finishBulk();
        long quads = loader.countQuads() + loader.countTriples();
        TDBInternal.expel(dsg);
        long t1 = System.nanoTime();
        print(p + "tdbloader_db_mb", MemoryFit.bytes(dir) / 1e6);
        print(p + "tdbloader_s", seconds(t1 - t0));
        print(p + "tdbloader_cpu_s", cpuSeconds() - c0);
        print(p + "tdbloader_quads_per_s", quads / seconds(t1 - t0));
    }

    /**
     * Parameter values for the queries that have them: those {@code picked} from the data
     * ({@link Picks}), then those of {@code -Dbench.bind=name=value;...} (for example an ordinary
     * actor instead of the default, the most frequent one), which win.
     */
    static Map<String, String> bindings(CuratedQuery curated, Map<String, String> picked) {
        Map<String, String> values = new java.util.HashMap<>();
        picked.forEach((name, value) -> {
            if (curated.parameters().stream().anyMatch(p -> p.name().equals(name))) values.put(name, value);
        });
        for (String pair : System.getProperty("bench.bind", "").split(";")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && curated.parameters().stream().anyMatch(p -> p.name().equals(nameValue[0]))) {
                values.put(nameValue[0], nameValue[1]);
            }
        }
        return values;
    }

    static List<CuratedQuery> queries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<CuratedQuery> list = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) list.add(QueryLibrary.read(f));
            return list;
        }
    }

    static double percentile(double[] sorted, double pct) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * What `./tessera serve` allows a query by default (beyond it the server answers 503),
     * or {@code -Dbench.deadline_ms=N}, to see how close to a short deadline queries stop.
     */
    private static final Duration QUERY_DEADLINE = Duration.ofMillis(
            Long.getLong("bench.deadline_ms", QueryLimits.DEFAULT.deadline().toMillis()));

    /**
     * Runs each query in-process (its default parameters, or those of {@link #bindings}, which
     * {@code -Dbench.pick=true} has {@link Picks} choose first), as {@link #time} says. With
     * {@code -Dbench.ordinary=true}, a query that takes an actor, a place or a group runs a second time,
     * as NAME@ordinary, with an ordinary one ({@link Picks#ordinary}): the defaults are the
     * most frequent, and time the heaviest case. The second pass does not count for the slowest.
     * With {@code -Dbench.served=true}, each query runs as {@code ./tessera serve} runs it: capped
     * at the server's 10,000 rows, an ORDER BY keeping only those ({@link QueryLimits#cap}).
     */
    static void query(Path db, Path dir, String p, int runs) throws IOException {
        var generation = new Store(db).current().orElseThrow(() -> new IllegalStateException("no loaded data in " + db));
        long o0 = System.nanoTime();
        double max = 0;
        String slowest = "";
        try (ServedDataset served = ServedDataset.open(generation)) {
            print(p + "query_open_s", seconds(System.nanoTime() - o0));
            DatasetGraph ds = served.dataset();
            Map<String, String> picked = Boolean.getBoolean("bench.pick") ? Picks.of(ds) : Map.of();
            if (!picked.isEmpty()) {
                print(p + "query_picked", String.join(";", picked.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            // An ordinary actor, place and group, for a second pass of the queries that take one.
            Map<String, String> ordinary = Boolean.getBoolean("bench.ordinary") ? Picks.ordinary(ds) : Map.of();
            if (!ordinary.isEmpty()) {
                print(p + "query_ordinary", String.join(";", ordinary.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            // -Dbench.fullSort=true leaves Jena's threshold as it is, to compare the capped sort with the top-N.
            if (SERVED && !Boolean.getBoolean("bench.fullSort")) QueryLimits.DEFAULT.keepOnlyTheRowsAnswered();
            for (CuratedQuery curated : queries(dir)) {
                double p95 = time(ds, p, curated.name(), asRun(curated, bindings(curated, picked)), runs);
                if (p95 > max) { max = p95; slowest = curated.name(); }
                Map<String, String> values = new java.util.HashMap<>(bindings(curated, picked));
                boolean takesOne = false;
                for (var e : ordinary.entrySet()) {
                    if (curated.parameters().stream().anyMatch(param -> param.name().equals(e.getKey()))) {
                        values.put(e.getKey(), e.getValue());
                        takesOne = true;
                    }
                }
                if (takesOne) time(ds, p, curated.name() + "@ordinary", asRun(curated, values), runs);
            }
        }
        print(p + "query_p95_ms_max", max);
        print(p + "query_slowest", slowest);
    }

    private static final boolean SERVED = Boolean.getBoolean("bench.served");

    /** The execution's reads and lookups; -1 each with a Tessera older than {@link QueryWork}, as the A of a turn may be. */
    private static long[] readsAndLookups(QueryExec exec) {
        try {
            QueryWork work = QueryWork.of(exec.getContext());
            return new long[] {work.reads(), work.lookups()};
        } catch (NoClassDefFoundError older) {
            return new long[] {-1, -1};
        }
    }

    /**
     * Runs each query (those named, or all) RUNS times in a row with the parameters {@link Picks}
     * chose and those of {@code -Dbench.bind}, and prints a line a run:
     * {@code LABEL NAME RUN MS rows=N reads=N lookups=N}. Two codes run in turns on one
     * database (bench/query-turns) differ in their counts exactly, in their times by the
     * machine's drift as well. The class runs on an older Tessera too, without the counts.
     */
    static void work(Path db, Path dir, String label, int runs, List<String> names) throws IOException {
        var generation = new Store(db).current().orElseThrow(() -> new IllegalStateException("no loaded data in " + db));
        try (ServedDataset served = ServedDataset.open(generation)) {
            DatasetGraph ds = served.dataset();
            Map<String, String> picked = Picks.of(ds);
            for (CuratedQuery curated : queries(dir)) {
                if (!names.isEmpty() && !names.contains(curated.name())) continue;
                Query query = ParameterBinder.bind(curated, bindings(curated, picked));
                for (int run = 0; run < runs; run++) {
                    long t0 = System.nanoTime();
                    long[] rowsAndWork = Txn.calculateRead(ds, () -> {
                        try (QueryExec exec = QueryExec.dataset(ds).query(query).build()) {
                            long rows = count(exec, query);
                            long[] work = readsAndLookups(exec);
                            return new long[] {rows, work[0], work[1]};
                        }
                    });
                    System.out.printf(Locale.ROOT, "%s %s %d %.1f rows=%d reads=%d lookups=%d%n", label, curated.name(), run,
                            (System.nanoTime() - t0) / 1e6, rowsAndWork[0], rowsAndWork[1], rowsAndWork[2]);
                }
            }
        }
    }

    /** The curated query with these values, and with the server's row cap under {@code -Dbench.served=true}. */
    private static Query asRun(CuratedQuery curated, Map<String, String> values) {
        Query query = ParameterBinder.bind(curated, values);
        return SERVED ? QueryLimits.DEFAULT.cap(query) : query;
    }

    /**
     * Times one query: 2 warm-ups, then up to RUNS timed runs within 30 s; a run past the
     * deadline ends its runs. Prints its p50, p95, rows and runs under NAME; returns the p95.
     */
    private static double time(DatasetGraph ds, String p, String name, Query query, int runs) {
        List<Double> times = new ArrayList<>();
        long rows = 0;
        long budget = System.nanoTime() + 30_000_000_000L;
        boolean timedOut = false;
        for (int i = 0; i < runs + 2 && (i < 3 || System.nanoTime() < budget) && !timedOut; i++) {
            long t0 = System.nanoTime();
            try {
                rows = Txn.calculateRead(ds, () -> {
                    try (QueryExec exec = QueryExec.dataset(ds).query(query).timeout(QUERY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).build();
                         QueryDeadline.Watch deadline = QueryDeadline.watch(exec, QUERY_DEADLINE).orElseThrow()) {
                        return count(exec, query);
                    }
                });
            } catch (QueryCancelledException e) {
                // A query that runs past the server's own deadline: one run says enough.
                timedOut = true;
                rows = -1;
            }
            if (i >= 2 || System.nanoTime() >= budget || timedOut) times.add((System.nanoTime() - t0) / 1e6);
        }
        if (timedOut) print(p + "query_timed_out." + name, "true");
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p95 = percentile(t, 95);
        print(p + "query_p50_ms." + name, percentile(t, 50));
        print(p + "query_p95_ms." + name, p95);
        print(p + "query_rows." + name, rows);
        print(p + "query_runs." + name, t.length);
        return p95;
    }

    /**
     * One query, once for each of N values of one parameter (every source of a synthetic
     * corpus, say; or every STEP-th, where all would take hours), cold for the first and
     * warm after: the rows of all runs together, and the spread of the times.
     */
    static void each(Path db, Path dir, String name, String parameter, String format, int n, String p, int step) throws IOException {
        var generation = new Store(db).current().orElseThrow(() -> new IllegalStateException("no loaded data in " + db));
        CuratedQuery curated = new QueryLibrary(dir).find(name).orElseThrow(() -> new IllegalArgumentException("no query " + name + " in " + dir));
        try (ServedDataset served = ServedDataset.open(generation)) {
            DatasetGraph ds = served.dataset();
            int values = (n + step - 1) / step;
            double[] times = new double[values];
            long rows = 0;
            int withRows = 0;
            for (int v = 0; v < values; v++) {
                Query query = ParameterBinder.bind(curated, Map.of(parameter, String.format(Locale.ROOT, format, v * step)));
                long t0 = System.nanoTime();
                long found = Txn.calculateRead(ds, () -> {
                    try (QueryExec exec = QueryExec.dataset(ds).query(query).build()) {
                        return count(exec, query);
                    }
                });
                times[v] = (System.nanoTime() - t0) / 1e6;
                rows += found;
                if (found > 0) withRows++;
            }
            Arrays.sort(times);
            print(p + "each_values", values);
            print(p + "each_values_with_rows", withRows);
            print(p + "each_rows", rows);
            print(p + "each_p50_ms", percentile(times, 50));
            print(p + "each_p95_ms", percentile(times, 95));
            print(p + "each_max_ms", times[values - 1]);
            print(p + "each_total_s", Arrays.stream(times).sum() / 1000);
        }
    }

    /**
     * The quads of an N-Quads file, held in memory in file order (sorted, as the convert
     * writes them), written as TriG to a stream that only counts bytes: Jena's TRIG_BLOCKS
     * stream writer and TrigStream, in turns, RUNS times each after a warm-up of each.
     */
    static void trig(Path nquads, String p, int runs) {
        List<Quad> quads = new ArrayList<>();
        RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
            @Override public void quad(Quad quad) { quads.add(quad); }
        });
        // The base of the corpus and of the generator's corpora: the prefixes a convert writes.
        Map<String, String> prefixes = Namespaces.prefixes("https://w3id.org/tessera/is/");
        List<Double> jena = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        long[] bytes = new long[2];
        byte[][] digests = new byte[2][];
        for (int i = 0; i <= runs; i++) {
            for (int which = 0; which < 2; which++) {
                CountingStream out = new CountingStream();
                long t0 = System.nanoTime();
                StreamRDF stream = which == 0 ? StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS) : TrigStream.open(out);
                stream.start();
                prefixes.forEach(stream::prefix);
                quads.forEach(stream::quad);
                stream.finish();
                double s = seconds(System.nanoTime() - t0);
                if (i > 0) (which == 0 ? jena : ours).add(s);
                bytes[which] = out.count;
                digests[which] = out.digest.digest();
            }
        }
        print(p + "trig_quads", quads.size());
        print(p + "trig_bytes", bytes[1]);
        print(p + "trig_same_bytes", bytes[0] == bytes[1] && Arrays.equals(digests[0], digests[1]));
        print(p + "trig_jena_s", jena.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        print(p + "trig_tessera_s", ours.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        print(p + "trig_jena_runs_s", jena);
        print(p + "trig_tessera_runs_s", ours);
    }

    /** An output stream that keeps nothing, and counts and digests the bytes. */
    private static final class CountingStream extends java.io.OutputStream {
        final java.security.MessageDigest digest = sha256();
        long count;

        @Override public void write(int b) { count++; digest.update((byte) b); }

        @Override public void write(byte[] b, int off, int len) { count += len; digest.update(b, off, len); }

        private static java.security.MessageDigest sha256() {
            try {
                return java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long count(QueryExec exec, Query query) {
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            long n = 0;
            while (rows.hasNext()) { rows.next(); n++; }
            return n;
        }
        if (query.isAskType()) return exec.ask() ? 1 : 0;
        if (query.isConstructType()) return exec.construct().size();
        if (query.isDescribeType()) return exec.describe().size();
        return 0;
    }

    /**
     * A start of {@code serve} just after a convert wrote the N-Quads the store was loaded
     * from: their time set to now, then the decision to load them or not, {@code starts}
     * times in one JVM. The first reads them (their time moved); the later ones should
     * know them by their stamp.
     */
    static void restart(Path db, Path nquads, String p, int starts) throws Exception {
        // Jena set up first, as in serve, whose convert has done so before it writes the N-Quads.
        StoreLoader loader = new StoreLoader(new Store(db), System.err::println);
        TextIndexing.layout();
        Files.setLastModifiedTime(nquads, FileTime.from(Instant.now()));
        for (int start = 1; start <= starts; start++) {
            long t0 = System.nanoTime();
            StoreLoader.Result result = loader.loadIfChanged(List.of(nquads));
            print(p + "restart_decision_s." + start, seconds(System.nanoTime() - t0));
            print(p + "restart_loaded." + start, result.loaded() ? 1 : 0);
        }
    }

    /**
     * The server's full dumps, as a linked-data client fetches them: each gzipped dump the VoID
     * lists, read to its end. The heap's peak is the server's, which runs in this JVM.
     */
    static void dumps(Path db, String p) throws Exception {
        HeapPeak heapPeak = HeapPeak.start();
        try (TesseraServer server = TesseraServer.start(new ServerSettings(new Store(db), new QueryLibrary(db), true, 0, "tessera"))) {
            String root = server.baseUrl();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String dump : List.of("tessera.nq.gz", "tessera.trig.gz", "tessera.jsonld.gz")) {
                String name = dump.replace(".gz", "").replace("tessera.", "");
                long t0 = System.nanoTime();
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(root + "/dumps/" + dump)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long bytes;
                try (InputStream in = response.body()) {
                    bytes = in.transferTo(OutputStream.nullOutputStream());
                }
                print(p + "dump_s." + name, seconds(System.nanoTime() - t0));
                print(p + "dump_status." + name, response.statusCode());
                print(p + "dump_gzip_mb." + name, bytes / 1048576.0);
            }
        }
        print(p + "dump_heap_peak_mb", heapPeak.bytes() / 1048576.0);
    }

    /**
     * The queries over HTTP, round robin, by 1, 4 and 16 clients for a fixed time
     * each: requests per second and the 99th percentile of the latency.
     */
    static void http(Path db, Path dir, String p, int seconds) throws Exception {
        List<String> names = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (CuratedQuery q : queries(dir)) {
            names.add(q.name());
            bodies.add("query=" + URLEncoder.encode(ParameterBinder.bind(q, Map.of()).serialize(), StandardCharsets.UTF_8));
        }
        long startup = System.nanoTime();
        try (TesseraServer server = TesseraServer.start(new ServerSettings(new Store(db), new QueryLibrary(dir), true, 0, "tessera"))) {
            URI endpoint = URI.create(server.sparqlEndpoint());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            // The server on a loaded database, from its start to a first answer: ./tessera serve when nothing
            // changed, without the JVM's start and the check of the annotations. A lookup, so that a large
            // database does not time a scan.
            HttpRequest ask = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(
                            "ASK { ?event a <https://w3id.org/tessera/ontology#Event> }", StandardCharsets.UTF_8))).build();
            int status = client.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode();
            print(p + "http_first_answer_s", seconds(System.nanoTime() - startup));
            print(p + "http_first_answer_status", status);
            for (int clients : new int[] {1, 4, 16}) {
                List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
                AtomicLong errors = new AtomicLong();
                AtomicLong stopped = new AtomicLong();
                AtomicLong timedOut = new AtomicLong();
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                CountDownLatch done = new CountDownLatch(clients);
                long start = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    final int offset = c;
                    Thread t = new Thread(() -> {
                        try {
                            for (int i = offset; System.nanoTime() < end; i++) {
                                String body = bodies.get(i % bodies.size());
                                HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(120))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .header("Accept", "application/sparql-results+json, application/n-triples;q=0.9")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                                long t0 = System.nanoTime();
                                try {
                                    HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
                                    try (InputStream in = resp.body()) { in.transferTo(OutputStream.nullOutputStream()); }
                                    // 503: the server stopped the query at its deadline, as it should; anything else is a failure.
                                    if (resp.statusCode() == 503) stopped.incrementAndGet();
                                    else if (resp.statusCode() != 200) {
                                        errors.incrementAndGet();
                                        System.err.println("HTTP " + resp.statusCode() + " for " + names.get(i % names.size()));
                                    }
                                } catch (java.net.http.HttpTimeoutException e) {
                                    timedOut.incrementAndGet();  // no answer in 120 s, twice the server's deadline
                                } catch (IOException e) {
                                    errors.incrementAndGet();
                                    System.err.println("No answer for " + names.get(i % names.size()) + ": " + e);
                                }
                                latencies.add((System.nanoTime() - t0) / 1e6);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    });
                    t.start();
                }
                done.await();
                double elapsed = seconds(System.nanoTime() - start);
                double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                print(p + "http_rps_c" + clients, l.length / elapsed);
                print(p + "http_p50_ms_c" + clients, percentile(l, 50));
                print(p + "http_p99_ms_c" + clients, percentile(l, 99));
                print(p + "http_errors_c" + clients, errors.get());
                print(p + "http_deadline_stops_c" + clients, stopped.get());
                print(p + "http_client_timeouts_c" + clients, timedOut.get());
            }
        }
    }

}
