package org.tessera.store;

import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's executor, with a sort ({@link QueryIterKeyedSort}) and a top-N
 * ({@link QueryIterKeyedTopN}) that work each row's sort keys out once.
 */
final class KeyedSortExecutor extends OpExecutorTDB2 {
    static final OpExecutorFactory FACTORY = KeyedSortExecutor::new;

    private KeyedSortExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator execute(OpOrder order, QueryIterator input) {
        return new QueryIterKeyedSort(exec(order.getSubOp(), input), order.getConditions(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpTopN top, QueryIterator input) {
        // Jena's own top-N drops the duplicates of a DISTINCT right under it; ServedQueryOptimizer leaves none there.
        if (top.getSubOp() instanceof OpDistinct) return super.execute(top, input);
        return new QueryIterKeyedTopN(exec(top.getSubOp(), input), top.getConditions(), top.getLimit(), execCxt);
    }
}
