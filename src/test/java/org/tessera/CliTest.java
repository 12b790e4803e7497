package org.tessera;

import org.junit.jupiter.api.Test;
import org.tessera.cli.ExitCodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @Test
    void helpListsEveryCommand() {
        CliRunner run = CliRunner.run("--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String command : new String[] {"validate", "convert", "stats"}) {
            assertTrue(run.out().contains(command), () -> "help lacks " + command + ":\n" + run.out());
        }
    }

    @Test
    void eachCommandHelpGivesAnExample() {
        for (String command : new String[] {"validate", "convert", "stats"}) {
            CliRunner run = CliRunner.run(command, "--help");
            assertEquals(ExitCodes.OK, run.exitCode());
            assertTrue(run.out().contains("Example:") && run.out().contains("./tessera " + command), run.out());
        }
    }

    @Test
    void bareCommandPrintsUsageAndExitsWithUsageCode() {
        CliRunner run = CliRunner.run();
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.out().contains("Usage: tessera"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner run = CliRunner.run("convert", "--no-such-option");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("no-such-option"), run.err());
    }

    @Test
    void validateAcceptsAValidProjectAndSaysWhatItChecked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) {
        var project = TestProjects.copy("minimal", temp);
        CliRunner run = CliRunner.run("validate", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 sources, 5 actors, 2 places, 2 events"), run.out());
        assertTrue(run.out().contains("0 SHACL violations"), run.out());
    }

    @Test
    void statsCountsPerSource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) {
        var project = TestProjects.copy("minimal", temp);
        CliRunner run = CliRunner.run("stats", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String row = run.out().lines().filter(l -> l.startsWith("article")).findFirst().orElseThrow();
        assertEquals("article 2 5 1 1 2 1 6 100% 100%", row.replaceAll("\\s+", " ").trim(), run.out());
    }
}
