package org.tessera.cli;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.GSP;
import org.tessera.pipeline.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Send the converted graph to a store that speaks the SPARQL 1.1 Graph Store Protocol, graph by graph:",
                "each named graph replaces the graph of the same name there (HTTP PUT)."},
        footer = {"", "Example:", "  ./tessera push --endpoint http://localhost:3030/kg/data"})
public final class PushCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;

    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "The store's Graph Store Protocol endpoint, such as http://host:3030/DATASET/data.")
    String endpoint;

    @Option(names = "--from", paramLabel = "FILE", description = "N-Quads or TriG file to send (default: rdf/tessera.nq).")
    Path from;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project project = options.project();
        Path input = from != null ? from : project.rdf().resolve("tessera.nq");
        if (!Files.isRegularFile(input)) {
            spec.commandLine().getErr().println("No file " + input + (from == null ? ": run './tessera convert' first" : ""));
            return ExitCodes.USAGE;
        }
        DatasetGraph dataset = RDFDataMgr.loadDatasetGraph(input.toString());
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        names.sort(Comparator.comparing(Node::getURI));
        for (Node name : names) {
            Graph graph = dataset.getGraph(name);
            GSP.service(endpoint).graphName(name).PUT(graph);
            out.printf("PUT %s (%d triples)%n", name.getURI(), graph.size());
            out.flush();
        }
        out.printf("Sent %d graphs to %s%n", names.size(), endpoint);
        return ExitCodes.OK;
    }
}
