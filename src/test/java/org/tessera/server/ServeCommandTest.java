package org.tessera.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CliRunner;
import org.tessera.TestProjects;
import org.tessera.Tools;
import org.tessera.cli.TesseraCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tessera serve} as a user runs it: its own process, from annotations to answers. */
class ServeCommandTest {
    @TempDir Path dir;

    @Test
    void serveConvertsLoadsAndAnswersThenSkipsWorkWhenNothingChanged() throws Exception {
        Path project = TestProjects.copy("minimal", dir);
        int port = Tools.freePort();

        String[] queried = new String[1];
        CliRunner[] pairs = new CliRunner[2];
        String[] exported = new String[1];
        String first = runUntilAnswered(project, port, () -> {
            Path file = dir.resolve("count.rq");
            try {
                java.nio.file.Files.writeString(file, "# title: Events\n# description: how many events the project has\n"
                        + "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <https://w3id.org/tessera/ontology#Event> }\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            var run = CliRunner.run("query", file.toString(), "--format", "csv", "--project", project.toString());
            queried[0] = run.exitCode() + " " + run.err() + run.out();
            // More pairs of triples than the server's cap: the answer is cut, and the command says so.
            Path pairsQuery = dir.resolve("pairs.rq");
            try {
                Files.writeString(pairsQuery, "# title: Pairs\n# description: every pair of triples\nSELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f }\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pairs[0] = CliRunner.run("query", pairsQuery.toString(), "--format", "csv", "--project", project.toString());
            pairs[1] = CliRunner.run("query", pairsQuery.toString(), "--format", "csv", "--limit", "10", "--project", project.toString());
            // The server has the database open, which no other process may: the export reads rdf/ into memory.
            var export = org.tessera.CliRunner.run("export", "--format", "csv", "--view", "actors", "--project", project.toString(),
                    "--out", dir.resolve("actors-csv").toString());
            exported[0] = export.exitCode() + " " + export.err();
        });
        assertTrue(exported[0].startsWith("0 The server at http://127.0.0.1:" + port), exported[0]);
        assertTrue(Files.isRegularFile(dir.resolve("actors-csv/nodes.csv")));
        assertTrue(queried[0].startsWith("0 Asking the running server at http://127.0.0.1:" + port), queried[0]);
        assertTrue(queried[0].matches("(?s).*n\\r?\\n[1-9]\\d*\\s*"), "the count, through the server: " + queried[0]);
        assertFalse(queried[0].contains("at most"), "one row is not cut: " + queried[0]);
        assertEquals(0, pairs[0].exitCode(), pairs[0].err());
        assertEquals(1 + QueryLimits.DEFAULT.maxRows(), pairs[0].out().strip().lines().count(), "header and the cap's rows");
        assertTrue(pairs[0].err().contains("The running server sends at most 10000 rows an answer, and this one has 10000: "
                + "there may be more."), pairs[0].err());
        assertEquals(1 + 10, pairs[1].out().strip().lines().count(), pairs[1].out());
        assertFalse(pairs[1].err().contains("at most"), "asked for 10: " + pairs[1].err());
        assertTrue(first.contains("Validating and converting"), first);
        assertTrue(first.contains("Loaded "), first);
        assertTrue(first.contains("SPARQL endpoint: http://127.0.0.1:" + port + "/tessera/sparql"), first);
        assertTrue(Files.isRegularFile(project.resolve("rdf/tessera.nq")));

        String second = runUntilAnswered(project, port, () -> { });
        assertFalse(second.contains("Validating and converting"), "nothing changed: " + second);
        assertFalse(second.contains("Loaded "), "nothing changed: " + second);

        Path annotations = project.resolve("annotations");
        try (var files = Files.walk(annotations)) {
            Path any = files.filter(f -> f.toString().endsWith(".yaml")).findFirst().orElseThrow();
            Files.writeString(any, Files.readString(any) + "\n# touched\n");
        }
        String third = runUntilAnswered(project, port, () -> { });
        assertTrue(third.contains("Validating and converting"), "an annotation changed: " + third);
        assertFalse(third.contains("Loaded "), "a comment does not change the graph, so no load: " + third);
    }

    /** Starts serve, waits for an answer to a query, stops it, and returns what it printed. */
    private String runUntilAnswered(Path project, int port, Runnable whileServing) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("serve-" + System.nanoTime() + ".log");
        Process serve = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                TesseraCommand.class.getName(), "serve", "--project", project.toString(), "--port", String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (Instant.now().isBefore(deadline)) {
                if (!serve.isAlive()) throw new AssertionError("serve exited: " + Files.readString(log));
                try {
                    var response = Http.getQuery("http://127.0.0.1:" + port + "/tessera/sparql",
                            "ASK { ?s a <https://w3id.org/tessera/ontology#Event> }", "text/csv");
                    if (response.statusCode() == 200) {
                        assertEquals("true", response.body().strip().lines().skip(1).findFirst().orElse("").strip());
                        whileServing.run();
                        return Files.readString(log);
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("serve did not answer: " + Files.readString(log));
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

}
