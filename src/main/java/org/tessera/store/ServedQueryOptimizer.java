package org.tessera.store;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.optimize.OptimizerStd;
import org.apache.jena.sparql.util.Context;

/**
 * Jena's standard optimizer, with two changes to the plan of an ORDER BY with a LIMIT,
 * which Jena runs as a top-N (a heap of the best rows) when the LIMIT is under its
 * threshold. The server raises that threshold past its 10,000 rows
 * ({@code QueryLimits.keepOnlyTheRowsAnswered}), and so meets both cases:
 * <ul>
 *   <li>{@link DistinctBeforeTopN}: a DISTINCT under the top-N drops its duplicates by
 *   hashing, not by searching the heap for each;</li>
 *   <li>{@link TopNBeforeOptionals}: the OPTIONALs that the order does not read are
 *   looked up for the rows kept, not for every row.</li>
 * </ul>
 * The rows are the same as Jena's plan gives.
 */
public final class ServedQueryOptimizer extends OptimizerStd {
    public ServedQueryOptimizer(Context context) {
        super(context);
    }

    @Override
    public Op rewrite(Op op) {
        // Last: by then filters sit where their variables are bound, and OPTIONALs have their final form.
        return apply("Top-N before OPTIONALs", new TopNBeforeOptionals(), super.rewrite(op));
    }

    @Override
    protected Op transformTopNSorting(Op op) {
        return apply("DISTINCT before top-N", new DistinctBeforeTopN(), super.transformTopNSorting(op));
    }
}
