package org.tessera.cli;

import org.tessera.pipeline.Project;
import org.tessera.store.BulkLoader;
import org.tessera.store.MemoryFit;
import org.tessera.store.StoreLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Bulk-load the converted graph into a TDB2 database, with its full-text index.",
                "The new data is loaded aside and then switched in at once: a failed or killed load leaves the "
                        + "previous data served, and a running server moves to the new data by itself."},
        footer = {"", "Example:", "  ./tessera load", "  ./tessera load --db /srv/tessera/db rdf/tessera.nq", "  ./tessera load --loader packed", "  ./tessera load --wait 3600"})
public final class LoadCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;
    @Mixin StoreOptions storeOptions;

    @Option(names = "--loader", paramLabel = "NAME", defaultValue = "auto",
            description = {"Jena's bulk loader to use: auto (the default: packed when the phased loader's database, "
                    + "about 1.8 times the N-Quads, would be larger than this machine's memory, phased otherwise), "
                    + "phased (the default of tdb2.tdbloader; the fastest while the "
                    + "database fits in memory), packed (the phased loader, then every index rewritten with full blocks: "
                    + "a database about 40%% smaller for about 6%% more time; for large corpora, see docs/scaling.md) "
                    + "or sorted (tdb2.xloader: sorts on disk with GNU sort, little memory, the same smaller database, "
                    + "in about three times the phased loader's time)."})
    BulkLoader loader;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = {"If another load into the same database is running, wait up to SECONDS for it to end, "
                    + "then load (default: 0, fail at once, naming the process that loads)."})
    long waitSeconds;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "N-Quads files to load (default: rdf/tessera.nq).")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        Project project = options.project();
        List<Path> inputs = files != null && !files.isEmpty() ? files : List.of(project.rdf().resolve("tessera.nq"));
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                spec.commandLine().getErr().println("No file " + input + (files == null ? ": run './tessera convert' first" : ""));
                return ExitCodes.USAGE;
            }
        }
        if (waitSeconds < 0) {
            spec.commandLine().getErr().println("--wait: a number of seconds, 0 or more, not " + waitSeconds);
            return ExitCodes.USAGE;
        }
        var out = spec.commandLine().getOut();
        try {
            var loaded = new StoreLoader(storeOptions.store(project), loader, out::println)
                    .waitingUpTo(Duration.ofSeconds(waitSeconds)).load(inputs);
            MemoryFit.note(loaded.generation()).ifPresent(out::println);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("Load failed: " + e.getMessage());
            return ExitCodes.INTERNAL_ERROR;
        }
        out.flush();
        return ExitCodes.OK;
    }
}
