package org.tessera.server;

import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;
import org.tessera.store.ServedPlans;
import org.tessera.store.ServedQueryOptimizer;

import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module that gives a stock Fuseki server Tessera's query plans. */
class ServedPlansModuleTest {
    @Test
    void fusekiFindsTheModuleOnTheClassPath() {
        assertTrue(ServiceLoader.load(org.apache.jena.fuseki.main.sys.FusekiAutoModule.class).stream()
                .anyMatch(provider -> provider.type() == ServedPlansModule.class), "META-INF/services names it");
    }

    @Test
    void everyConfiguredDatasetGetsTheServedPlans() {
        DatasetGraph first = DatasetGraphFactory.createTxnMem();
        DatasetGraph second = DatasetGraphFactory.createTxnMem();
        DataAccessPointRegistry registry = new DataAccessPointRegistry();
        registry.register(new DataAccessPoint("/first", DataService.newBuilder(first).build()));
        registry.register(new DataAccessPoint("/second", DataService.newBuilder(second).build()));
        assertNull(first.getContext().get(ARQConstants.sysOptimizerFactory), "Jena's plans before");

        new ServedPlansModule().configured(null, registry, null);

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
}
