package org.tessera.cli;

import org.tessera.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every annotation file against the format, each other, the corpus texts and the SHACL shapes; report all problems.",
        footer = {"", "Example:", "  ./tessera validate", "  ./tessera validate --project path/to/project"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Pipeline.Outcome outcome = new Pipeline(options.project()).run(null);
        if (!outcome.valid()) {
            ProblemReport.print(err, outcome);
            return ExitCodes.INVALID_INPUT;
        }
        var a = outcome.checked().annotations();
        out.printf("OK: %d sources, %d actors, %d places, %d events; every quote found in its text; 0 SHACL violations.%n",
                a.sources().size(), a.actors().size(), a.places().size(),
                a.sources().stream().mapToInt(s -> s.events().size()).sum());
        return ExitCodes.OK;
    }
}
