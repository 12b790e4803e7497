package org.tessera.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterSort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every row of its input, in order: Jena's {@link QueryIterSort}, comparing rows by
 * {@link SortKeys}, which work each row's sort keys out once. Up to the spill threshold
 * ({@code arq:spillToDiskThreshold}, as Jena reads it) the rows are sorted in memory.
 * Past it they go to Jena's sort, which writes them to disk: a row read back from there
 * has only its binding, so that sort evaluates the keys at every comparison, as before.
 */
final class QueryIterKeyedSort extends QueryIterPlainWrapper {
    private static final long NEVER = -1;
    private final QueryIterator input;
    /** Jena's sort, once the rows pass the threshold; set on the query's thread, cancelled from the timer's. */
    private volatile QueryIterator spilling;

    QueryIterKeyedSort(QueryIterator input, List<SortCondition> conditions, ExecutionContext execCxt) {
        super(null, execCxt);
        this.input = input;
        long threshold = execCxt.getContext().getLong(ARQ.spillToDiskThreshold, NEVER);
        setIterator(new IteratorDelayedInitialization<>() {
            @Override
            protected Iterator<Binding> initializeIterator() {
                return sorted(conditions, threshold);
            }
        });
    }

    private Iterator<Binding> sorted(List<SortCondition> conditions, long threshold) {
        SortKeys order = new SortKeys(conditions, getExecContext());
        List<SortKeys.Row> rows = new ArrayList<>();
        while (input.hasNext()) {
            if (threshold != NEVER && rows.size() >= threshold) return spill(rows, conditions);
            rows.add(order.row(input.next()));
        }
        input.close();
        rows.sort(order);
        return Iter.map(rows.iterator(), row -> row.binding);
    }

    /** Jena's sort, over the rows read so far and then the rest. */
    private QueryIterator spill(List<SortKeys.Row> read, List<SortCondition> conditions) {
        Iterator<Binding> all = Iter.concat(handOver(read), input);
        spilling = new QueryIterSort(QueryIterPlainWrapper.create(all, getExecContext()), conditions, getExecContext());
        return spilling;
    }

    /**
     * The bindings of {@code rows}, each let go of as it is taken: Jena's sort spills what
     * it takes to disk, and this list must not keep a threshold's worth in memory beside it.
     */
    static Iterator<Binding> handOver(List<SortKeys.Row> rows) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows.size();
            }

            @Override
            public Binding next() {
                if (!hasNext()) throw new NoSuchElementException();
                return rows.set(next++, null).binding;
            }
        };
    }

    @Override
    public void requestCancel() {
        input.cancel();
        if (spilling != null) spilling.cancel();
        super.requestCancel();
    }

    @Override
    protected void closeIterator() {
        if (spilling != null) spilling.close();
        input.close();
        super.closeIterator();
    }
}
