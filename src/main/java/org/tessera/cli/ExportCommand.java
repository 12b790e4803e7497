package org.tessera.cli;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tessera.export.graph.GraphExport;
import org.tessera.linkeddata.DatasetBase;
import org.tessera.output.AtomicFile;
import org.tessera.output.DumpFormat;
import org.tessera.output.DumpWriter;
import org.tessera.pipeline.Project;
import org.tessera.store.ServerRecord;
import org.tessera.store.Store;
import org.tessera.store.StoreLoader;
import org.tessera.support.ProcessTempFolder;
import org.tessera.vocabulary.Namespaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the converted graph as a full dump in an RDF syntax, or a view of it for graph and map tools.",
                "RDF: turtle, trig, nquads, jsonld, rdfxml (Turtle and RDF/XML hold the union of all graphs).",
                "Graph tools: gexf, graphml, cytoscape, csv, geojson, dot, with --view full|actors|events-places|timeline."},
        footer = {"", "Examples:", "  ./tessera export --format nquads --gzip", "  ./tessera export --format jsonld --out tessera.jsonld",
                "  ./tessera export --format gexf --view timeline", "  ./tessera export --format geojson --view events-places"})
public final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;
    @Mixin StoreOptions storeOptions;

    /** The dumps the converter writes into {@code rdf/}, in the bytes this command would write. */
    private static final Set<DumpFormat> CONVERTERS_DUMPS = EnumSet.of(DumpFormat.NQUADS, DumpFormat.TRIG);

    @Option(names = "--format", required = true, description = "The syntax or file format.")
    String format;

    @Option(names = "--view", defaultValue = "full", description = "For graph-tool formats: which view (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--gzip", description = "Compress the file with gzip (RDF dumps).")
    boolean gzip;

    @Option(names = "--out", paramLabel = "PATH", description = "Output file (a folder for csv); default: exports/ in the project.")
    Path out;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        Project project = options.project();
        Path input = project.rdf().resolve("tessera.nq");
        if (!Files.isRegularFile(input)) {
            err.println("No file " + input + ": run './tessera convert' first");
            return ExitCodes.USAGE;
        }
        boolean graphFormat = GraphExport.FORMATS.contains(format);
        if (!DumpFormat.isDumpFormat(format) && !graphFormat) {
            err.println("Unknown format '" + format + "': use one of turtle, trig, nquads, jsonld, rdfxml, "
                    + String.join(", ", GraphExport.FORMATS));
            return ExitCodes.USAGE;
        }
        if (graphFormat) return exportView(project, input);
        DumpFormat dump = DumpFormat.of(format);
        Path target = out != null ? out : project.root().resolve("exports").resolve("tessera." + dump.extension() + (gzip ? ".gz" : ""));
        Path written = project.rdf().resolve("tessera." + dump.extension());
        if (CONVERTERS_DUMPS.contains(dump) && Files.isRegularFile(written)) {
            // The converter wrote this dump already, byte for byte: copied, it costs no memory at any size.
            writeAtomically(target, stream -> Files.copy(written, stream));
        } else {
            // From the sorted N-Quads as they are read, in bounded memory at any size: JSON-LD a part
            // of a graph at a time, as the server writes it; Turtle and RDF/XML, the union of the
            // graphs, sorted on disk beside the database.
            String base = DatasetBase.of(input).orElse(null);
            DumpWriter writer = new DumpWriter(Namespaces.prefixes(base), base);
            Path spillDir = Files.createDirectories(project.state());
            writeAtomically(target, stream -> {
                try (InputStream in = Files.newInputStream(input)) {
                    writer.streamAny(in, dump, spillDir, stream);
                }
            });
        }
        spec.commandLine().getOut().printf("Wrote %s (%s)%n", target, dump.cliName() + (gzip ? ", gzip" : ""));
        return ExitCodes.OK;
    }

    /**
     * A view for graph and map tools, read from the project's database: loaded from
     * {@code rdf/} first unless it holds those very bytes, as {@code serve} does. Read
     * into memory instead, the full view of 10k events took 15 s and 4.8 GB, and of 100k
     * did not finish in ten minutes. While a server has the database open, no other
     * process may, and the view is read into memory.
     */
    private int exportView(Project project, Path input) throws IOException {
        Path target;
        try {
            // Checks that the view exists and takes the format, before anything is loaded.
            String defaultName = GraphExport.defaultFileName(format, view);
            target = out != null ? out : project.root().resolve("exports").resolve(defaultName);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            return writeView(project, input, target);
        } catch (UncheckedIOException e) {
            // Most likely the view's temporary files: a full or unwritable folder.
            spec.commandLine().getErr().println("Exporting the " + view + " view failed: " + e.getCause().getMessage()
                    + ". Its temporary files go to " + ProcessTempFolder.base()
                    + "; TESSERA_JAVA_OPTS=-Djava.io.tmpdir=DIR puts them elsewhere.");
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    private int writeView(Project project, Path input, Path target) throws IOException {
        Store store = storeOptions.store(project);
        var running = ServerRecord.read(store);
        if (running.isPresent()) {
            String why = "The server at " + running.get().endpoint() + " has the database open, so " + input + " is read into memory";
            DatasetGraph dataset = readIntoMemory(input, why, "Stop the server and export again.");
            if (dataset == null) return ExitCodes.USAGE;
            spec.commandLine().getErr().println(why + " instead (stop the server for a large graph)");
            GraphExport.write(dataset, format, view, target);
        } else {
            StoreLoader.Result loaded;
            try {
                loaded = new StoreLoader(store, spec.commandLine().getOut()::println).loadIfChanged(List.of(input));
            } catch (IOException | RuntimeException e) {
                // As ./tessera load says it: another load holding the lock, a full disk.
                spec.commandLine().getErr().println("Loading " + input + " into " + store.dir() + " for the export failed: " + e.getMessage());
                return ExitCodes.INTERNAL_ERROR;
            }
            DatasetGraph database = DatabaseMgr.connectDatasetGraph(loaded.generation().tdb().toString());
            try {
                GraphExport.write(database, format, view, target);
            } finally {
                TDBInternal.expel(database);
            }
        }
        spec.commandLine().getOut().printf("Wrote %s (%s, view %s)%n", target, format, view);
        return ExitCodes.OK;
    }

    /**
     * Heap the graph read into memory takes per byte of its N-Quads: a Turtle dump of 10k
     * events (219 MB) ran in a 2 GB heap, and not in 1.2 GB (round twenty-one).
     */
    static final long HEAP_BYTES_PER_NQUADS_BYTE = 10;

    /** Whether N-Quads of {@code bytes}, read into memory, fit in a heap of {@code maxHeap} bytes. */
    static boolean fitsInMemory(long bytes, long maxHeap) {
        return bytes <= maxHeap / HEAP_BYTES_PER_NQUADS_BYTE;
    }

    /**
     * The graph read into memory; null, after saying why and what to do, when it would
     * not fit, rather than minutes of garbage collection and then an OutOfMemoryError.
     */
    private DatasetGraph readIntoMemory(Path input, String why, String remedy) throws IOException {
        long bytes = Files.size(input), heap = Runtime.getRuntime().maxMemory();
        if (fitsInMemory(bytes, heap)) return RDFDataMgr.loadDatasetGraph(input.toString());
        spec.commandLine().getErr().println(String.format(Locale.ROOT, "%s: about %,d MB of heap for its %,d MB, and this JVM has %,d MB. %s",
                why, bytes * HEAP_BYTES_PER_NQUADS_BYTE >> 20, bytes >> 20, heap >> 20, remedy));
        return null;
    }

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** Writes beside the target and renames, so that a failed export leaves no half-written file. */
    private void writeAtomically(Path target, Content content) throws IOException {
        AtomicFile.replace(target, temporary -> {
            // Buffered before gzip, which compresses each write it is given on its own.
            try (OutputStream file = Files.newOutputStream(temporary);
                 OutputStream stream = new BufferedOutputStream(gzip ? new GZIPOutputStream(file, 1 << 16) : file, 1 << 16)) {
                content.write(stream);
            }
        });
    }
}
