package org.tessera.server;

import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many queries that run for ever, sent on several threads at once to a server that stops them at a short deadline. */
final class DeadlineStops {
    private static final String ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final int CLIENTS = 8;
    static final int REQUESTS = 64;

    private DeadlineStops() {}

    /** Sends them to {@code endpoint}, and checks that each was stopped and that its read transaction in {@code transactions} ended. */
    static void assertEachStoppedAndNoTransactionLeftOpen(String endpoint, TransactionCoordinator transactions) throws Exception {
        long begunBefore = transactions.countBegin();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                statuses.add(clients.submit(() -> Http.getQuery(endpoint, ENDLESS, "text/csv").statusCode()));
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
