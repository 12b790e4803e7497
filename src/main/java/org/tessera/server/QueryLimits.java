package org.tessera.server;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;

import java.time.Duration;

/**
 * What one request may cost. The deadline is the most a query may run: a
 * client's {@code timeout} parameter can shorten it, never lengthen it
 * ({@link RequestDeadline}).
 *
 * @param deadline      the longest a query runs
 * @param maxRows       the most rows a SELECT answers, and solutions a CONSTRUCT or DESCRIBE builds from
 * @param maxRequestBytes the largest request body
 * @param regexBudget   the longest one regular-expression match may take
 */
public record QueryLimits(Duration deadline, long maxRows, long maxRequestBytes, Duration regexBudget) {
    /** Wikidata's deadline is 60 s and DBpedia caps results at 10,000 rows; we follow both. */
    public static final QueryLimits DEFAULT = new QueryLimits(Duration.ofSeconds(60), 10_000, 1 << 20, Duration.ofMillis(100));

    /**
     * The query as the server runs it: a SELECT, CONSTRUCT or DESCRIBE of a pattern gets
     * the row cap as its LIMIT, or keeps its own if that is smaller. Changes {@code query}.
     */
    public Query cap(Query query) {
        return atMost(query, maxRows);
    }

    /**
     * A SELECT, CONSTRUCT or DESCRIBE of a pattern with at most {@code rows} rows: its own
     * LIMIT stands if it is smaller. Changes {@code query}.
     */
    public static Query atMost(Query query, long rows) {
        boolean rowed = query.isSelectType() || query.isConstructType() || query.isDescribeType() && query.getQueryPattern() != null;
        if (rowed && (!query.hasLimit() || query.getLimit() > rows)) query.setLimit(rows);
        return query;
    }

    /**
     * Lets Jena answer an ORDER BY under the row cap by keeping the best rows only, as it
     * does for a LIMIT under 1,000: a heap of at most {@link #maxRows} rows, where it would
     * sort every row, spilling them to disk past the spill threshold. Jena reads this
     * threshold from its global context, so it holds for the whole process; it is raised,
     * never lowered.
     */
    public void keepOnlyTheRowsAnswered() {
        int wanted = Math.toIntExact(maxRows + 1);
        Object current = ARQ.getContext().get(ARQ.topNSortingThreshold);
        if (!(current instanceof Number set) || set.longValue() < wanted) ARQ.getContext().set(ARQ.topNSortingThreshold, wanted);
    }
}
