package org.tessera.cli;

import org.apache.jena.atlas.web.HttpException;
import org.tessera.support.ProcessTempFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The root command: lists the subcommands, and prints usage when called bare. */
@Command(name = "tessera", mixinStandardHelpOptions = true, version = "tessera 0.1.0",
        description = "Turn curated annotations of texts into an evidence-grounded knowledge graph.",
        subcommands = {NewCommand.class, ValidateCommand.class, ConvertCommand.class, StatsCommand.class, LoadCommand.class,
                ServeCommand.class, QueryCommand.class, PushCommand.class, ExportCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 another server failed a request.",
                "Run './tessera COMMAND --help' for a command's options and an example."})
public final class TesseraCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TesseraCommand());
        // Enum options are written in lower case on the command line: --loader sorted.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof HttpException remote) {
                cmd.getErr().println(RemoteFailure.describe("request", remote));
                return ExitCodes.REMOTE_FAILURE;
            }
            cmd.getErr().println("Internal error: " + e);
            e.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL_ERROR;
        });
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        return cli;
    }

    public static void main(String[] args) {
        // A worker thread that dies (TDB2's loader threads on a full disk, say) would leave the
        // others waiting for ever; the process ends instead, and a load's generation stays unpublished.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            System.err.println("Internal error in thread " + thread.getName() + ": " + error);
            System.err.flush();
            Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
        });
        // Before anything spills: Jena's spill files then go where the next run can find them if this one is killed.
        ProcessTempFolder.useForThisProcess();
        System.exit(commandLine().execute(args));
    }
}
