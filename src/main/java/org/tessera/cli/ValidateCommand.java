package org.tessera.cli;

import org.tessera.pipeline.StreamingConversion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every annotation file against the format, each other, the corpus texts and the SHACL shapes; report all problems.",
        footer = {"", "Example:", "  ./tessera validate", "  ./tessera validate --project path/to/project"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var project = options.project();
        StreamingConversion.Result result = new StreamingConversion(project).run(null, null);
        if (!result.valid()) {
            ProblemReport.print(err, result);
            return ExitCodes.INVALID_INPUT;
        }
        out.printf("OK: %d sources, %d actors, %d places, %d events; every quote found in its text; 0 SHACL violations.%n",
                result.sources(), result.actors(), result.places(), result.events());
        return ExitCodes.OK;
    }
}
