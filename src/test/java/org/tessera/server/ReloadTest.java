package org.tessera.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.query.QueryLibrary;
import org.tessera.store.Store;
import org.tessera.store.StoreLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A load while the server answers: readers see the old data or the new, never a mix, and never fail. */
class ReloadTest {
    private static final Path SHARED_GRAPH = TestProjects.REPO.resolve("rdf/graphs/graph-source-telegraph-2016-10-18.nq");
    // Counts two graphs in one query: a reader that saw a mix of generations would get a pair seen in neither.
    private static final String PAIR = "SELECT ?all ?shared WHERE { "
            + "{ SELECT (COUNT(*) AS ?all) WHERE { GRAPH ?g { ?s ?p ?o } } } "
            + "{ SELECT (COUNT(*) AS ?shared) WHERE { GRAPH <https://w3id.org/tessera/is/graph/shared> { ?s ?p ?o } } } }";

    @TempDir Path dir;

    @Test
    void readersSeeTheOldOrTheNewGenerationAndNothingFails() throws Exception {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        loader.load(List.of(CorpusStore.CORPUS_NQUADS));
        try (TesseraServer server = TesseraServer.start(new ServerSettings(store,
                new QueryLibrary(TestProjects.REPO.resolve("queries")), true, 0, "tessera"))) {
            String before = pair(server);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger reads = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(readers.submit(() -> {
                    while (running.get()) {
                        try {
                            seen.add(pair(server));
                            reads.incrementAndGet();
                        } catch (RuntimeException | AssertionError e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(300);
            loader.load(List.of(SHARED_GRAPH));
            server.refresh();
            String after = pair(server);
            Thread.sleep(300);
            running.set(false);
            for (Future<?> f : futures) f.get(30, TimeUnit.SECONDS);
            readers.shutdown();

            assertNotEquals(before.replace("\n", " | "), after.replace("\n", " | "), "the new generation holds one source graph only");
            assertEquals("gen-0002", server.generation().name());
            assertEquals(0, failures.get(), "failed reads out of " + reads.get());
            assertTrue(reads.get() > 10, "reads during the reload: " + reads.get());
            assertEquals(Set.of(before, after), seen, "every answer is the old pair or the new one");
        }
    }

    private static String pair(TesseraServer server) {
        var response = Http.getQuery(server.sparqlEndpoint(), PAIR, "text/csv");
        if (response.statusCode() != 200) throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        return response.body().strip();
    }
}
