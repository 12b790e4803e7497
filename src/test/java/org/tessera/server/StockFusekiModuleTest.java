package org.tessera.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexDB;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.tessera.store.ServedPlans;
import org.tessera.store.ServedQueryOptimizer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module that gives a stock Fuseki server Tessera's query plans and limits. */
class StockFusekiModuleTest {
    @Test
    void fusekiFindsTheModuleOnTheClassPath() {
        assertTrue(ServiceLoader.load(org.apache.jena.fuseki.main.sys.FusekiAutoModule.class).stream()
                .anyMatch(provider -> provider.type() == StockFusekiModule.class), "META-INF/services names it");
    }

    @Test
    void everyConfiguredDatasetGetsTheServedPlans() {
        DatasetGraph first = DatasetGraphFactory.createTxnMem();
        DatasetGraph second = DatasetGraphFactory.createTxnMem();
        DataAccessPointRegistry registry = new DataAccessPointRegistry();
        registry.register(new DataAccessPoint("/first", DataService.newBuilder(first).build()));
        registry.register(new DataAccessPoint("/second", DataService.newBuilder(second).build()));
        assertNull(first.getContext().get(ARQConstants.sysOptimizerFactory), "Jena's plans before");

        new StockFusekiModule().configured(null, registry, null);

        for (DatasetGraph dataset : new DatasetGraph[] {first, second}) {
            Context context = dataset.getContext();
            RewriteFactory optimizer = context.get(ARQConstants.sysOptimizerFactory);
            assertInstanceOf(ServedQueryOptimizer.class, optimizer.create(context));
            assertNotNull(QC.getFactory(context));
            assertEquals(ServedPlans.SPILL_THRESHOLD, (long) context.get(ARQ.spillToDiskThreshold));
        }
        Object topN = ARQ.getContext().get(ARQ.topNSortingThreshold);
        assertTrue(topN instanceof Number n && n.longValue() > QueryLimits.DEFAULT.maxRows(),
                "an ORDER BY with a LIMIT up to the row cap keeps only its best rows: " + topN);
    }

    /**
     * A read-only service over a {@code text:TextDataset} serves the database, with the index in
     * its context and out of its transactions; one that can write keeps jena-text's wrapper,
     * which indexes what an update adds.
     */
    @Test
    void aReadOnlyTextDatasetIsServedWithItsIndexInTheContext() {
        DataAccessPointRegistry registry = new DataAccessPointRegistry();
        DatasetGraphText readOnly = textDataset();
        DatasetGraphText writable = textDataset();
        registry.register(new DataAccessPoint("/read", DataService.newBuilder(readOnly)
                .addEndpoint(Operation.Query).addEndpoint(Operation.GSP_R).build()));
        registry.register(new DataAccessPoint("/write", DataService.newBuilder(writable)
                .addEndpoint(Operation.Query).addEndpoint(Operation.Update).build()));

        new StockFusekiModule().configured(null, registry, null);

        DatasetGraph served = registry.get("/read").getDataService().getDataset();
        assertSame(readOnly.getWrapped(), served, "the database itself");
        assertSame(readOnly.getTextIndex(), served.getContext().get(TextQuery.textIndex));
        assertTrue(TDBInternal.getTransactionCoordinator(served).listExternals().stream().noneMatch(TextIndexDB.class::isInstance),
                "a read's abort no longer rolls the index back");
        assertEquals(registry.get("/read").getDataService().getOperations(), Set.of(Operation.Query, Operation.GSP_R));
        assertSame(writable, registry.get("/write").getDataService().getDataset(), "updates still indexed");
        assertTrue(TDBInternal.getTransactionCoordinator(writable.getWrapped()).listExternals().stream().anyMatch(TextIndexDB.class::isInstance));
    }

    private static DatasetGraphText textDataset() {
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(),
                new TextIndexConfig(new EntityDefinition("uri", "text", RDFS.label)));
        return (DatasetGraphText) TextDatasetFactory.create(DatabaseMgr.createDatasetGraph(), index, true);
    }

    /**
     * A Fuseki built as the stock server builds one, with the module among its modules
     * and the deadline in the dataset's context, as a configuration file puts it there.
     */
    @Test
    void aFusekiWithTheModuleHoldsEveryQueryToTheLimits() throws Exception {
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 200; i++) {
                dataset.getDefaultGraph().add(NodeFactory.createURI("urn:x:s" + i), NodeFactory.createURI("urn:x:p" + i % 7),
                        NodeFactory.createURI("urn:x:o" + i % 13));
            }
        });
        dataset.getContext().set(ARQ.queryTimeout, "2000");
        QueryLimits limits = new QueryLimits(Duration.ofSeconds(60), 25, 4096, Duration.ofMillis(50));
        FusekiServer server = FusekiServer.create().port(0).loopback(true)
                .fusekiModules(FusekiModules.create(new StockFusekiModule(limits)))
                .add("/ds", dataset).build().start();
        try {
            String sparql = "http://127.0.0.1:" + server.getHttpPort() + "/ds/sparql";
            HttpResponse<String> all = Http.getQuery(sparql, "SELECT * WHERE { ?s ?p ?o }", "text/csv");
            assertEquals(200, all.statusCode(), all.body());
            assertEquals(1 + 25, all.body().strip().lines().count(), "header and the row cap's 25 rows of 200");

            assertEquals(400, Http.getQuery(sparql, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                    "text/csv").statusCode(), "SERVICE refused");
            assertEquals(400, Http.getQuery(sparql, "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
                    "text/csv").statusCode(), "FROM a graph the dataset does not hold");
            assertEquals(413, Http.post(sparql, "application/sparql-query", "#" + "x".repeat(5000) + "\nASK {}", "*/*").statusCode());

            // A grouped sub-select joined with a pattern: TDB2 runs it while it plans the join,
            // where Jena 5.6.0's own timer cannot stop it (Jena issue #3535). 200^4 rows to group.
            long start = System.nanoTime();
            HttpResponse<String> grouped = Http.getQuery(sparql, "SELECT * WHERE { { SELECT ?a (COUNT(*) AS ?n) WHERE "
                    + "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } GROUP BY ?a } ?a ?p ?o }", "text/csv");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertNotEquals(200, grouped.statusCode(), grouped.body());
            assertTrue(millis < 2000 + 3000, "the configured 2 s; stopped after " + millis + " ms");
        } finally {
            server.stop();
        }
    }
}
