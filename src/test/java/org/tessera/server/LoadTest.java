package org.tessera.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.query.CuratedQuery;
import org.tessera.query.ParameterBinder;
import org.tessera.query.QueryLibrary;
import org.tessera.store.Store;
import org.tessera.store.StoreLoader;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded load test on loopback: 8 clients for 20 seconds run the curated
 * queries, heavy queries that the deadline must stop, and a consistency probe,
 * while the data is reloaded twice. No read fails, no answer mixes two
 * generations, heap comes back to where it was, and further reloads add no
 * threads. The figures go to target/load-test.txt (and BENCHMARKS.md).
 */
class LoadTest {
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final int CLIENTS = 8;
    private static final int QUIET_RELOADS = 4;
    private static final String HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final String PAIR = "SELECT ?all ?shared WHERE { "
            + "{ SELECT (COUNT(*) AS ?all) WHERE { GRAPH ?g { ?s ?p ?o } } } "
            + "{ SELECT (COUNT(*) AS ?shared) WHERE { GRAPH <https://w3id.org/tessera/is/graph/shared> { ?s ?p ?o } } } }";

    @TempDir Path dir;

    @Test
    void concurrentClientsThroughReloadsNeverFailNorMixGenerations() throws Exception {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        Path full = CorpusStore.CORPUS_NQUADS;
        Path oneSource = TestProjects.REPO.resolve("rdf/graphs/graph-source-telegraph-2016-10-18.nq");
        loader.load(List.of(full));
        List<String> curated = new ArrayList<>();
        for (CuratedQuery q : new QueryLibrary(TestProjects.REPO.resolve("queries")).all()) {
            curated.add(ParameterBinder.bind(q, Map.of()).toString());
        }
        QueryLimits limits = new QueryLimits(Duration.ofSeconds(10), 10_000, 1 << 20, Duration.ofMillis(100));
        try (TesseraServer server = TesseraServer.start(new ServerSettings(store,
                new QueryLibrary(TestProjects.REPO.resolve("queries")), true, 0, "tessera", limits))) {
            String endpoint = server.sparqlEndpoint();
            Set<String> pairs = ConcurrentHashMap.newKeySet();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failed = new AtomicInteger();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger stopped = new AtomicInteger();
            String full1 = pair(endpoint);
            settle();
            long heapBefore = usedHeap();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

            long end = System.nanoTime() + RUN.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        String query = client == 0 && i % 5 == 4 ? HEAVY : i % 3 == 0 ? PAIR : curated.get((client + i) % curated.size());
                        long start = System.nanoTime();
                        try {
                            var response = Http.get(endpoint + "?query=" + Http.encode(query), "text/csv");
                            long ms = (System.nanoTime() - start) / 1_000_000;
                            if (query.equals(HEAVY)) {
                                if (response.statusCode() != 200) stopped.incrementAndGet();
                            } else if (response.statusCode() == 200) {
                                latencies.add(ms);
                                if (query.equals(PAIR)) pairs.add(response.body().strip());
                            } else {
                                failed.incrementAndGet();
                                failures.add(response.statusCode() + " after " + ms + " ms: " + query.lines().findFirst().orElse("")
                                        + " -> " + response.body().lines().findFirst().orElse(""));
                            }
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            failures.add(e.toString());
                        }
                    }
                });
            }
            Thread.sleep(RUN.toMillis() / 3);
            loader.load(List.of(oneSource));
            Thread.sleep(RUN.toMillis() / 3);
            loader.load(List.of(full));
            clients.shutdown();
            assertTrue(clients.awaitTermination(RUN.toSeconds() + 60, TimeUnit.SECONDS));
            String partial = pairOf(dir, oneSource);
            settle();
            long heapAfter = usedHeap();
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            // Pools (Jetty's, the JDK client's) keep threads grown under load idle for a minute: bounded, not a leak.
            // A leak grows with each generation, so reload quietly a few more times and count again.
            Map<String, Integer> poolsBefore = threadsByPool();
            for (int reload = 0; reload < QUIET_RELOADS; reload++) {
                loader.load(List.of(reload % 2 == 0 ? oneSource : full));
                pair(endpoint);
            }
            settle();
            Map<String, Integer> poolsAfter = threadsByPool();

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            String figures = String.format("load_test_duration_s=%d%nload_test_clients=%d%nload_test_reads=%d%nload_test_failed_reads=%d%n"
                            + "load_test_heavy_stopped=%d%nload_test_p50_ms=%d%nload_test_p95_ms=%d%nload_test_p99_ms=%d%n"
                            + "load_test_reads_per_s=%.1f%nload_test_heap_delta_mb=%d%nload_test_thread_delta=%d%n"
                            + "load_test_thread_delta_over_quiet_reloads=%d%n",
                    RUN.toSeconds(), CLIENTS, sorted.size(), failed.get(), stopped.get(), percentile(sorted, 50), percentile(sorted, 95),
                    percentile(sorted, 99), sorted.size() / (double) RUN.toSeconds(), (heapAfter - heapBefore) >> 20, threadsAfter - threadsBefore,
                    total(poolsAfter) - total(poolsBefore));
            Files.writeString(TestProjects.REPO.resolve("target/load-test.txt"), figures);
            System.out.print(figures);

            assertEquals(0, failed.get(), "failed reads\n" + figures + String.join("\n", failures));
            assertTrue(stopped.get() > 0, "the heavy queries were stopped by the deadline\n" + figures);
            assertTrue(Set.of(full1, partial).containsAll(pairs), "answers from one generation only: " + pairs);
            assertTrue(pairs.size() == 2, "both generations were seen: " + pairs);
            assertTrue(heapAfter - heapBefore < (200L << 20), "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MB");
            assertTrue(total(poolsAfter) - total(poolsBefore) <= 2, QUIET_RELOADS + " quiet reloads grew the threads: "
                    + grown(poolsBefore, poolsAfter));
        }
    }

    /** The pair a generation loaded from one file answers, computed on a store of its own. */
    private static String pairOf(Path dir, Path file) throws Exception {
        Store store = new Store(dir.resolve("reference-" + file.getFileName()));
        new StoreLoader(store, line -> { }).load(List.of(file));
        try (TesseraServer server = TesseraServer.start(new ServerSettings(store,
                new QueryLibrary(TestProjects.REPO.resolve("queries")), true, 0, "reference"))) {
            return pair(server.sparqlEndpoint());
        }
    }

    private static String pair(String endpoint) {
        return Http.get(endpoint + "?query=" + Http.encode(PAIR), "text/csv").body().strip();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Live threads by name with the numbers taken out, so that a pool counts as one name. */
    private static Map<String, Integer> threadsByPool() {
        Map<String, Integer> pools = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive()) pools.merge(thread.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return pools;
    }

    private static Map<String, Integer> grown(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> grown = new TreeMap<>();
        after.forEach((pool, count) -> {
            int delta = count - before.getOrDefault(pool, 0);
            if (delta != 0) grown.put(pool, delta);
        });
        return grown;
    }

    private static int total(Map<String, Integer> pools) {
        return pools.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Lets the old generation close and the collector run, so that the heap figure means something. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1500);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }
}
