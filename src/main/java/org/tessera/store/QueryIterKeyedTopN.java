package org.tessera.store;

import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best N rows of its input, in order: Jena's {@code QueryIterTopN}, comparing rows by
 * {@link SortKeys}, which work each row's sort keys out once. A heap keeps the best rows
 * seen, with the worst of them on top; a row better than that one takes its place.
 */
final class QueryIterKeyedTopN extends QueryIterPlainWrapper {
    private final QueryIterator input;

    QueryIterKeyedTopN(QueryIterator input, List<SortCondition> conditions, long limit, ExecutionContext execCxt) {
        super(null, execCxt);
        this.input = input;
        SortKeys order = new SortKeys(conditions, execCxt);
        long kept = limit == Query.NOLIMIT ? Long.MAX_VALUE : limit;
        setIterator(new IteratorDelayedInitialization<>() {
            @Override
            protected Iterator<Binding> initializeIterator() {
                return best(order, kept);
            }
        });
    }

    private Iterator<Binding> best(SortKeys order, long kept) {
        if (kept <= 0) {
            input.close();
            return List.<Binding>of().iterator();
        }
        PriorityQueue<SortKeys.Row> heap = new PriorityQueue<>((int) Math.min(kept, 1024), order.reversed());
        while (input.hasNext()) {
            SortKeys.Row row = order.row(input.next());
            if (heap.size() < kept) {
                heap.add(row);
            } else if (order.compare(row, heap.peek()) < 0) {
                heap.poll();
                heap.add(row);
            }
        }
        input.close();
        SortKeys.Row[] rows = heap.toArray(new SortKeys.Row[0]);
        Arrays.sort(rows, order);
        return Arrays.stream(rows).map(row -> row.binding).iterator();
    }

    @Override
    public void requestCancel() {
        input.cancel();
        super.requestCancel();
    }

    @Override
    protected void closeIterator() {
        input.close();
        super.closeIterator();
    }
}
