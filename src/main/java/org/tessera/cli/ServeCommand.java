package org.tessera.cli;

import org.tessera.pipeline.InputFingerprint;
import org.tessera.pipeline.Project;
import org.tessera.pipeline.StreamingConversion;
import org.tessera.query.QueryLibrary;
import org.tessera.server.ServerSettings;
import org.tessera.server.TesseraServer;
import org.tessera.store.MemoryFit;
import org.tessera.store.ServerRecord;
import org.tessera.store.StoreLoader;
import org.tessera.support.FileStamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Validate and convert the annotations if they changed, load them if the graph changed, and serve "
                + "them with an embedded Fuseki: SPARQL over HTTP, read-only, a query page at the root."},
        footer = {"", "Example:", "  ./tessera serve", "  ./tessera serve --port 8080 --db /srv/tessera/db"})
public final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;
    @Mixin StoreOptions storeOptions;

    @Option(names = "--port", defaultValue = "3030", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--all-interfaces", description = "Listen on every network interface, not only 127.0.0.1.")
    boolean allInterfaces;

    @Option(names = "--name", defaultValue = ServerSettings.DEFAULT_DATASET,
            description = "Dataset path on the server (default: /${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            err.println("--name must be letters, digits, '-' or '_': " + name);
            return ExitCodes.USAGE;
        }
        Project project = options.project();
        // Inputs untouched since they were last read are not read again (1.2 GB at 1M events).
        List<Path> inputs = InputFingerprint.inputs(project);
        Optional<FileStamp> stamp = InputFingerprint.stamp(inputs);
        if (!InputFingerprint.stampIsCurrent(project, stamp)) {
            String fingerprint = InputFingerprint.of(project, inputs);
            if (!InputFingerprint.isCurrent(project, fingerprint)) {
                out.println("Validating and converting the annotations...");
                out.flush();
                StreamingConversion.Result result = new StreamingConversion(project).run(null, project.rdf());
                if (!result.valid()) {
                    ProblemReport.print(err, result);
                    return ExitCodes.INVALID_INPUT;
                }
            }
            InputFingerprint.record(project, fingerprint, stamp);
        }
        var store = storeOptions.store(project);
        var loaded = new StoreLoader(store, out::println).loadIfChanged(List.of(project.rdf().resolve("tessera.nq")));
        MemoryFit.note(loaded.generation()).ifPresent(out::println);
        TesseraServer server = TesseraServer.start(
                new ServerSettings(store, new QueryLibrary(project.queries()), !allInterfaces, port, name));
        new ServerRecord(ProcessHandle.current().pid(), server.sparqlEndpoint()).write(store);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerRecord.remove(store);
            server.close();
        }, "tessera-shutdown"));
        out.printf("Serving %s (%s) at %s/%n", project.root().getFileName(), server.generation().name(), server.baseUrl());
        out.printf("SPARQL endpoint: %s%n", server.sparqlEndpoint());
        out.printf("Try: curl -s %s --data-urlencode 'query=SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } "
                + "GROUP BY ?type ORDER BY DESC(?n) LIMIT 10' -H 'Accept: text/csv'%n", server.sparqlEndpoint());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        server.join();
        return ExitCodes.OK;
    }
}
