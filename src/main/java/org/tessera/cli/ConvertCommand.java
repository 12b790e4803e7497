package org.tessera.cli;

import org.tessera.pipeline.InputFingerprint;
import org.tessera.pipeline.Project;
import org.tessera.pipeline.StreamingConversion;
import org.tessera.support.FileStamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Validate the annotations and write the knowledge graph (TriG, N-Quads, one N-Quads file per graph) to rdf/.",
        footer = {"", "Example:", "  ./tessera convert", "  ./tessera convert --base https://example.org/kg/ --out /tmp/rdf"})
public final class ConvertCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;

    @Option(names = "--base", paramLabel = "IRI", description = "Base IRI for minted resources (default: the dataset's base).")
    String base;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: rdf/ of the project).")
    Path out;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (base != null && !base.matches("https?://[^\\s<>\"{}|\\\\^`]+[/#]")) {
            err.println("--base must be an http(s) IRI ending in / or #: " + base);
            return ExitCodes.USAGE;
        }
        Project project = options.project();
        // Only a convert into rdf/ with the default base lets 'serve' skip converting again while nothing
        // changes; it alone reads the inputs for their stamp and fingerprint (1.2 GB at 1M events), before
        // the conversion reads them.
        boolean recorded = out == null && base == null;
        List<Path> inputs = recorded ? InputFingerprint.inputs(project) : List.of();
        Optional<FileStamp> stamp = recorded ? InputFingerprint.stamp(inputs) : Optional.empty();
        String fingerprint = recorded ? InputFingerprint.of(project, inputs) : null;
        Path target = out != null ? out : project.rdf();
        StreamingConversion.Result result = new StreamingConversion(project).run(base, target);
        if (!result.valid()) {
            ProblemReport.print(err, result);
            return ExitCodes.INVALID_INPUT;
        }
        if (recorded) InputFingerprint.record(project, fingerprint, stamp);
        spec.commandLine().getOut().printf("Wrote %d quads in %d graphs to %s%n", result.quads(), result.graphs(), target);
        return ExitCodes.OK;
    }
}
