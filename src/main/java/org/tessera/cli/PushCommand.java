package org.tessera.cli;

import org.apache.jena.riot.RiotException;
import org.tessera.output.GraphStorePush;
import org.tessera.pipeline.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Send the converted graph to a store that speaks the SPARQL 1.1 Graph Store Protocol, graph by graph:",
                "each named graph replaces the graph of the same name there (HTTP PUT).",
                "The file is read as it is sent, one graph at a time, in memory that does not grow with it."},
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
        GraphStorePush.Sent sent;
        try {
            sent = GraphStorePush.push(input, endpoint, line -> {
                out.println(line);
                out.flush();
            });
        } catch (GraphStorePush.Failed e) {
            spec.commandLine().getErr().println(RemoteFailure.describe(e.request(), e.http()));
            return ExitCodes.REMOTE_FAILURE;
        } catch (RiotException e) {
            // Jena's message gives the line and column; the file is checked before anything is sent.
            spec.commandLine().getErr().println(input + ": " + e.getMessage() + "; nothing was sent");
            return ExitCodes.INVALID_INPUT;
        }
        out.printf("Sent %d graphs (%d triples) to %s%n", sent.graphs(), sent.triples(), endpoint);
        if (sent.defaultGraphTriples() > 0) {
            out.printf("Not sent: %d triples of the default graph (push sends named graphs only)%n", sent.defaultGraphTriples());
        }
        return ExitCodes.OK;
    }
}
