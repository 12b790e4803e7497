package org.tessera;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per folder of src/test/resources/bad: its files are laid over a copy
 * of the minimal project, and convert must fail with exit code 3, print every
 * line of expected.txt, and write nothing. The inputs too big to keep in the
 * repository (100,000-deep nesting, a 30 MB string, 64 KB ids) are made here at
 * run time, by {@link GeneratedBadInputs}, and checked the same way.
 */
class BadInputTest {
    private static final Path CASES = TestProjects.REPO.resolve("src/test/resources/bad");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyBadInputIsReportedAndNothingIsWritten() throws IOException {
        List<Path> cases = folderCases();
        assertTrue(cases.size() + GeneratedBadInputs.all().size() >= 40,
                "expected at least 40 bad-input cases, found " + cases.size() + " + " + GeneratedBadInputs.all().size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedBadInputIsReportedAndNothingIsWritten() {
        return GeneratedBadInputs.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path project = TestProjects.copy("minimal", temp.resolve(c.name()));
            for (var file : c.files().entrySet()) {
                Path target = project.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            expectRejected(project, c.expected());
        }));
    }

    private static List<Path> folderCases() throws IOException {
        try (Stream<Path> list = Files.list(CASES)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    private void check(Path caseDir) throws IOException {
        Path project = TestProjects.copy("minimal", temp.resolve(caseDir.getFileName().toString()));
        TestProjects.copyTree(caseDir, project);
        Files.delete(project.resolve("expected.txt"));
        expectRejected(project, Files.readAllLines(caseDir.resolve("expected.txt")));
    }

    /** Convert must exit 3, print every expected line, name file:line:column, and leave rdf/ unwritten. */
    static void expectRejected(Path project, List<String> expectedLines) {
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), () -> "exit code; stderr was:\n" + brief(run.err()));
        for (String expected : expectedLines) {
            if (expected.isBlank()) continue;
            assertTrue(run.err().contains(expected), () -> "stderr lacks «" + expected + "»; it was:\n" + brief(run.err()));
        }
        assertFalse(Files.exists(project.resolve("rdf")), "rdf/ must not be written for invalid input");
        assertTrue(run.err().lines().filter(l -> l.matches("annotations/\\S+:\\d+:\\d+: .*")).count() >= 1,
                () -> "every problem names file:line:column; stderr was:\n" + brief(run.err()));
        assertTrue(run.err().length() < 20_000, () -> "the report stays short; it was " + run.err().length() + " chars");
    }

    private static String brief(String err) {
        return err.length() > 4000 ? err.substring(0, 4000) + "..." : err;
    }

    /** Bad inputs made at run time, each a few files laid over the minimal project. */
    static final class GeneratedBadInputs {
        record Case(String name, Map<String, byte[]> files, List<String> expected) {}

        private GeneratedBadInputs() {}

        static List<Case> all() {
            String deepJson = "[".repeat(100_000) + "]".repeat(100_000);
            String deepYaml = "actors: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
            String deepBlockYaml = blockNesting(1_000);
            String bigString = "x".repeat(30 * 1024 * 1024);
            String longString = "y".repeat(150_000);
            String longId = "a".repeat(64 * 1024);
            String digits = "9".repeat(5_000);
            return List.of(
                    new Case("json-nested-100000-deep", files("annotations/deep.json", deepJson),
                            List.of("annotations/deep.json:1:", "nested too deeply (more than 64 levels)")),
                    new Case("yaml-nested-100000-deep", files("annotations/deep.yaml", deepYaml),
                            List.of("annotations/deep.yaml:1:", "nested too deeply (more than 64 levels)")),
                    new Case("yaml-block-nested-1000-deep", files("annotations/deep.yaml", deepBlockYaml),
                            List.of("annotations/deep.yaml:", "nested too deeply (more than 64 levels)")),
                    new Case("string-30mb", files("annotations/big.yaml",
                            "actors:\n  - id: big\n    name: \"" + bigString + "\"\n    kind: person\n"),
                            List.of("annotations/big.yaml:1:1: the file is larger than 20 MB (", "nothing written")),
                    new Case("string-150k-json", files("annotations/long.json",
                            "{\"actors\": [{\"id\": \"long\", \"kind\": \"person\", \"name\": \"" + longString + "\"}]}"),
                            List.of("annotations/long.json:1:", "a text longer than 100000 characters")),
                    new Case("string-150k-yaml", files("annotations/long.yaml",
                            "actors:\n  - id: long\n    kind: person\n    name: " + longString + "\n"),
                            List.of("annotations/long.yaml:", "a text longer than 100000 characters")),
                    new Case("number-5000-digits-json", files("annotations/number.json",
                            "{\"places\": [{\"id\": \"n\", \"name\": \"N\", \"kind\": \"town\", \"lat\": " + digits + ", \"long\": 1}]}"),
                            List.of("annotations/number.json:1:", "a number longer than 40 digits")),
                    new Case("number-5000-digits-yaml", files("annotations/number.yaml",
                            "places:\n  - id: n\n    name: N\n    kind: town\n    lat: " + digits + "\n    long: 1\n"),
                            List.of("annotations/number.yaml:5:10: places[0].lat: a number longer than 40 digits")),
                    new Case("id-64kb", files("annotations/long-id.yaml",
                            "actors:\n  - id: " + longId + "\n    name: Long\n    kind: person\n"),
                            List.of("annotations/long-id.yaml:2:9: actors[0].id: 'aaaaaaaaaa", "...' (65536 characters) is not a valid id")),
                    new Case("reference-64kb", files("annotations/long-ref.yaml",
                            "places:\n  - id: p\n    name: P\n    kind: town\n    parent: " + longId + "\n"),
                            List.of("annotations/long-ref.yaml:5:13: places[0].parent: 'aaaaaaaaaa", "(65536 characters) is not a valid id")),
                    new Case("json-9-million-values", files("annotations/many.json",
                            "{\"actors\": [" + "1,".repeat(9_000_000) + "1]}"),
                            List.of("annotations/many.json:1:", "the file holds more than 100000 values")),
                    new Case("yaml-3-million-values", files("annotations/many.yaml",
                            "places:\n" + "- x\n".repeat(3_000_000)),
                            List.of("annotations/many.yaml:", "the file holds more than 100000 values")),
                    new Case("key-64kb", files("annotations/long-key.json", "{\"" + longId + "\": 1}"),
                            List.of("annotations/long-key.json:1:", "a key longer than 1000 characters")));
        }

        private static String blockNesting(int depth) {
            StringBuilder sb = new StringBuilder("actors:\n");
            for (int i = 0; i < depth; i++) sb.append("  ".repeat(i + 1)).append("- \n");
            return sb.toString();
        }

        private static Map<String, byte[]> files(String path, String content) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(path, content.getBytes(StandardCharsets.UTF_8));
            return files;
        }
    }
}
