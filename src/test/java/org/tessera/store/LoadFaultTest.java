package org.tessera.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.Tools;
import org.tessera.cli.TesseraCommand;
import org.tessera.query.QueryLibrary;
import org.tessera.server.ServerSettings;
import org.tessera.server.TesseraServer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads that die: killed with SIGKILL half-way, or out of disk space. Each
 * runs in its own process, as a real load does, beside a server that keeps
 * answering from the previous generation, complete.
 */
class LoadFaultTest {
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @TempDir Path dir;
    private Path log;

    @org.junit.jupiter.api.BeforeEach
    void logFile() {
        log = dir.resolve("load.log");
    }

    /** A synthetic N-Quads file large enough that loading it takes seconds. */
    private Path bigNQuads(int quads) throws IOException {
        Path file = dir.resolve("big.nq");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < quads; i++) {
                out.write("<https://example.org/s" + i + "> <https://example.org/p" + (i % 50) + "> \"value " + i
                        + " with some text to take space\" <https://example.org/g" + (i % 7) + "> .\n");
            }
        }
        return file;
    }

    private Process startLoad(Path db, Path input, String... jvmOptions) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TesseraCommand.class.getName(),
                "load", "--project", TestProjects.REPO.toString(), "--db", db.toString(), input.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Jena must initialise before our vocabulary touches its own: initialised from
     * inside {@code RDF}'s class initialiser, its query optimiser read a null rdf:type
     * and logged "broken item", first in a fresh load.
     */
    @Test
    void aLoadInAFreshJvmLogsNoError() throws Exception {
        Process load = startLoad(dir.resolve("db"), CorpusStore.CORPUS_NQUADS);
        assertTrue(load.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the load finished");
        String output = Files.readString(log);
        assertEquals(0, load.exitValue(), output);
        assertTrue(output.contains("Loaded "), output);
        assertFalse(output.contains("ERROR"), output);
    }

    private static long servedCount(TesseraServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.sparqlEndpoint() + "?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Long.parseLong(response.body().strip().lines().reduce((a, b) -> b).orElseThrow().strip());
    }

    private static void waitFor(Path path, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!Files.exists(path) && Instant.now().isBefore(deadline)) Thread.sleep(20);
        assertTrue(Files.exists(path), "never appeared: " + path);
    }

    @Test
    void aLoadKilledHalfWayLeavesThePreviousDataServedComplete() throws Exception {
        Store store = new Store(dir.resolve("db"));
        Manifest first = new StoreLoader(store, line -> { }).load(List.of(CorpusStore.CORPUS_NQUADS)).manifest();
        Path big = bigNQuads(600_000);
        try (TesseraServer server = TesseraServer.start(new ServerSettings(store,
                new QueryLibrary(TestProjects.REPO.resolve("queries")), true, 0, "tessera"))) {
            long before = servedCount(server);
            Process load = startLoad(store.dir(), big);
            waitFor(store.dir().resolve("gen-0002").resolve("tdb2"), Duration.ofSeconds(60));
            Thread.sleep(700);
            // While the other process loads: a prune here leaves its generation, and a second load is refused.
            assertEquals(List.of(), store.prune());
            IOException refused = assertThrows(IOException.class, () -> new StoreLoader(store, line -> { }).load(List.of(big)));
            assertTrue(refused.getMessage().contains("is already running in process " + load.pid()), refused.getMessage());
            assertTrue(load.isAlive(), "the load should still be running when killed");
            load.destroyForcibly();  // SIGKILL on Linux: no shutdown hook runs
            load.waitFor(30, TimeUnit.SECONDS);

            assertEquals("gen-0001", store.current().orElseThrow().name());
            server.refresh();
            assertEquals(before, servedCount(server), "the previous data, complete");
            assertEquals(first.quads(), Manifest.read(store.current().orElseThrow().manifest()).quads());
        }
        List<String> pruned = store.prune();
        assertEquals(List.of("gen-0002"), pruned, "the next load or prune removes what the killed load left");
    }

    /**
     * With the space check, the load refuses at once; without it (factor 0), the disk
     * fills half-way, a TDB2 loader thread dies, and the process ends instead of hanging:
     * by the exception of a thread that writes an index, or, where the thread that writes
     * the node table died, which keeps its failure to itself, by {@code FullDiskWatch}.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "space check factor {0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"2.0, Not enough disk space", "0, Internal error in thread|is full"})
    void aLoadThatRunsOutOfDiskLeavesThePreviousDataServedComplete(String factor, String message) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("small-disk"));
        Tools.run(dir, List.of("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", disk.toString()));
        try {
            Store store = new Store(disk.resolve("db"));
            new StoreLoader(store, line -> { }).load(List.of(CorpusStore.CORPUS_NQUADS));
            Path big = bigNQuads(600_000);
            try (TesseraServer server = TesseraServer.start(new ServerSettings(store,
                    new QueryLibrary(TestProjects.REPO.resolve("queries")), true, 0, "tessera"))) {
                long before = servedCount(server);
                Process load = startLoad(store.dir(), big, "-Dtessera.load.spaceFactor=" + factor);
                assertTrue(load.waitFor(3, TimeUnit.MINUTES), "the load ends: " + Files.readString(log));
                assertNotEquals(0, load.exitValue(), "a load without disk space fails");
                assertTrue(java.util.regex.Pattern.compile(message).matcher(Files.readString(log)).find(), Files.readString(log));

                assertEquals("gen-0001", store.current().orElseThrow().name());
                server.refresh();
                assertEquals(before, servedCount(server), "the previous data, complete");
            }
        } finally {
            Tools.run(dir, List.of("umount", "-l", disk.toString()));
        }
    }
}
