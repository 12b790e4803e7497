package org.tessera.cli;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.tessera.export.graph.GraphExport;
import org.tessera.linkeddata.DatasetBase;
import org.tessera.output.AtomicFile;
import org.tessera.output.DumpFormat;
import org.tessera.output.DumpWriter;
import org.tessera.output.SortedQuads;
import org.tessera.pipeline.Project;
import org.tessera.vocabulary.Namespaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        DatasetGraph dataset = RDFDataMgr.loadDatasetGraph(input.toString());
        if (graphFormat) return exportView(dataset, project);
        DumpFormat dump = DumpFormat.of(format);
        String base = DatasetBase.of(dataset).orElse(null);
        Path target = out != null ? out : project.root().resolve("exports").resolve("tessera." + dump.extension() + (gzip ? ".gz" : ""));
        writeAtomically(target, stream -> new DumpWriter(Namespaces.prefixes(base), base).write(SortedQuads.of(dataset), dump, stream));
        spec.commandLine().getOut().printf("Wrote %s (%s)%n", target, dump.cliName() + (gzip ? ", gzip" : ""));
        return ExitCodes.OK;
    }

    /** A view for graph and map tools; GraphExport checks that the view takes the format. */
    private int exportView(DatasetGraph dataset, Project project) throws IOException {
        Path target;
        try {
            target = out != null ? out : project.root().resolve("exports").resolve(GraphExport.defaultFileName(format, view));
            GraphExport.write(dataset, format, view, target);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        spec.commandLine().getOut().printf("Wrote %s (%s, view %s)%n", target, format, view);
        return ExitCodes.OK;
    }

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** Writes beside the target and renames, so that a failed export leaves no half-written file. */
    private void writeAtomically(Path target, Content content) throws IOException {
        AtomicFile.replace(target, temporary -> {
            try (OutputStream file = Files.newOutputStream(temporary);
                 OutputStream stream = gzip ? new GZIPOutputStream(file) : file) {
                content.write(stream);
            }
        });
    }
}
