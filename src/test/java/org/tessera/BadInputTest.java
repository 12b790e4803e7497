package org.tessera;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per folder of src/test/resources/bad: its files are laid over a copy
 * of the minimal project, and convert must fail with exit code 3, print every
 * line of expected.txt, and write nothing.
 */
class BadInputTest {
    private static final Path CASES = TestProjects.REPO.resolve("src/test/resources/bad");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyBadInputIsReportedAndNothingIsWritten() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(CASES)) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 20, "expected at least 20 bad-input cases, found " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private void check(Path caseDir) throws IOException {
        Path project = TestProjects.copy("minimal", temp.resolve(caseDir.getFileName().toString()));
        TestProjects.copyTree(caseDir, project);
        Files.delete(project.resolve("expected.txt"));
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), () -> "exit code; stderr was:\n" + run.err());
        for (String expected : Files.readAllLines(caseDir.resolve("expected.txt"))) {
            if (expected.isBlank()) continue;
            assertTrue(run.err().contains(expected), () -> "stderr lacks «" + expected + "»; it was:\n" + run.err());
        }
        assertFalse(Files.exists(project.resolve("rdf")), "rdf/ must not be written for invalid input");
        assertTrue(run.err().lines().filter(l -> l.matches("annotations/\\S+:\\d+:\\d+: .*")).count() >= 1,
                () -> "every problem names file:line:column; stderr was:\n" + run.err());
    }
}
