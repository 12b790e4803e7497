package org.tessera;

import org.tessera.cli.TesseraCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and keeps its exit code and both streams. */
public record CliRunner(int exitCode, String out, String err) {

    public static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TesseraCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }
}
