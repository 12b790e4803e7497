package org.tessera.store;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.QC;

/**
 * How the server plans and runs the queries on a dataset, set in the dataset's context:
 * a spill threshold, {@link ServedQueryOptimizer}, and TDB2's executor with a sort and a
 * top-N that work each row's sort keys out once, and a subject read once for all the
 * patterns on it ({@link ServedOpExecutor}). It needs Jena alone, so that a stock Fuseki
 * server can take it from {@code tessera.jar} ({@code org.tessera.server.StockFusekiModule}).
 */
public final class ServedPlans {
    /**
     * Rows an ORDER BY or DISTINCT keeps in memory before it spills them to disk. A TDB2
     * row holds the chain of bindings that built it, about 3.5 KB for a row of ten
     * columns: sorting a million of them filled a 4 GB heap, and the collector's thrashing
     * delayed the stop at the deadline by a minute (bench/HISTORY.md, round sixteen).
     */
    public static final long SPILL_THRESHOLD = Long.getLong("tessera.spillRows", 50_000L);

    private ServedPlans() {}

    public static void apply(DatasetGraph dataset) {
        dataset.getContext().set(ARQ.spillToDiskThreshold, SPILL_THRESHOLD);
        dataset.getContext().set(ARQConstants.sysOptimizerFactory, (RewriteFactory) ServedQueryOptimizer::new);
        QC.setFactory(dataset.getContext(), ServedOpExecutor.FACTORY);
    }
}
