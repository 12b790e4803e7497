package org.tessera.store;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.optimize.OptimizerStd;
import org.apache.jena.sparql.util.Context;

/**
 * Jena's standard optimizer, with one change to the plan of an ORDER BY with a LIMIT
 * over a DISTINCT. Jena keeps the best rows of such a query in a heap (a top-N), and
 * drops a duplicate by searching the whole heap for it: with 10,000 rows kept out of
 * 300,000, that took six to thirteen times as long as sorting every row. Here the DISTINCT runs first, as it
 * does without a LIMIT (hashing, and spilling to disk past the spill threshold), and
 * the top-N keeps the best of rows that are distinct already. The rows are the same.
 */
public final class DistinctBeforeTopN extends OptimizerStd {
    public DistinctBeforeTopN(Context context) {
        super(context);
    }

    @Override
    protected Op transformTopNSorting(Op op) {
        return Transformer.transform(new TransformCopy() {
            @Override
            public Op transform(OpTopN top, Op sub) {
                // Jena's executor looks for a DISTINCT right under the top-N to take it over;
                // a REDUCED between them, a no-op over distinct rows, keeps it where it is.
                if (sub instanceof OpDistinct) return new OpTopN(OpReduced.create(sub), top.getLimit(), top.getConditions());
                return super.transform(top, sub);
            }
        }, super.transformTopNSorting(op));
    }
}
