package org.tessera.server;

import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.query.QueryLibrary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries stopped at their deadline on several threads at once. Served through
 * jena-text's {@code DatasetGraphText}, such stops left TDB2's read transactions
 * open (the full benchmark: 48 of 167 at 100k events and 16 clients), and TDB2 then
 * refused to close the database, so that a retired generation stayed open.
 */
class ConcurrentDeadlineStopsTest {
    private static final Duration DEADLINE = Duration.ofMillis(100);
    private static final String ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final int CLIENTS = 8;
    private static final int REQUESTS = 64;

    @Test
    void queriesStoppedOnSeveralThreadsAtOnceLeaveNoTransactionOpen() throws Exception {
        try (TesseraServer server = TesseraServer.start(new ServerSettings(CorpusStore.get(),
                new QueryLibrary(TestProjects.REPO.resolve("queries")), true, 0, "tessera",
                new QueryLimits(DEADLINE, 10_000, 1 << 20, Duration.ofMillis(100))))) {
            TransactionCoordinator transactions = TDBInternal.getTransactionCoordinator(
                    DatabaseMgr.connectDatasetGraph(server.generation().tdb().toString()));
            long begunBefore = transactions.countBegin();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    statuses.add(clients.submit(() -> Http.getQuery(server.sparqlEndpoint(), ENDLESS, "text/csv").statusCode()));
                }
                for (Future<Integer> status : statuses) assertEquals(503, status.get(), "stopped at the deadline");
            } finally {
                clients.shutdown();
            }
            assertTrue(transactions.countBegin() - begunBefore >= REQUESTS, "each query read in a transaction");
            // Fuseki ends a transaction just after the answer is sent; one left open stays open.
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (transactions.countActive() > 0 && System.nanoTime() < until) Thread.sleep(20);
            assertEquals(0, transactions.countActive(), "read transactions left open after " + REQUESTS + " stopped queries");
        }
    }
}
