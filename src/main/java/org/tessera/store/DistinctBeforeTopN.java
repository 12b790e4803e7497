package org.tessera.store;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpTopN;

/**
 * Runs a DISTINCT under a top-N before it, as it runs without a LIMIT (hashing, and
 * spilling to disk past the spill threshold). Jena's executor otherwise lets the top-N
 * drop each duplicate by searching its whole heap for it: with 10,000 rows kept out of
 * 300,000, that took six to thirteen times as long as sorting every row. The top-N then
 * keeps the best of rows that are distinct already. The rows are the same.
 */
final class DistinctBeforeTopN extends TransformCopy {
    @Override
    public Op transform(OpTopN top, Op sub) {
        // Jena's executor looks for a DISTINCT right under the top-N to take it over;
        // a REDUCED between them, a no-op over distinct rows, keeps it where it is.
        if (sub instanceof OpDistinct) return new OpTopN(OpReduced.create(sub), top.getLimit(), top.getConditions());
        return super.transform(top, sub);
    }
}
