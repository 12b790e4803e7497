package org.tessera.server;

import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.query.QueryLibrary;

import java.time.Duration;

/**
 * Queries stopped at their deadline on several threads at once. Served through
 * jena-text's {@code DatasetGraphText}, such stops left TDB2's read transactions
 * open (the full benchmark: 48 of 167 at 100k events and 16 clients), and TDB2 then
 * refused to close the database, so that a retired generation stayed open.
 */
class ConcurrentDeadlineStopsTest {
    private static final Duration DEADLINE = Duration.ofMillis(100);

    @Test
    void queriesStoppedOnSeveralThreadsAtOnceLeaveNoTransactionOpen() throws Exception {
        try (TesseraServer server = TesseraServer.start(new ServerSettings(CorpusStore.get(),
                new QueryLibrary(TestProjects.REPO.resolve("queries")), true, 0, "tessera",
                new QueryLimits(DEADLINE, 10_000, 1 << 20, Duration.ofMillis(100))))) {
            TransactionCoordinator transactions = TDBInternal.getTransactionCoordinator(
                    DatabaseMgr.connectDatasetGraph(server.generation().tdb().toString()));
            DeadlineStops.assertEachStoppedAndNoTransactionLeftOpen(server.sparqlEndpoint(), transactions);
        }
    }
}
