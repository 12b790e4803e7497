package org.tessera.server;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The row cap the server puts on a query, and the plan Jena makes of a capped ORDER BY. */
class QueryLimitsTest {
    private static final String ORDERED = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label ?s";

    @Test
    void aQueryWithoutALimitGetsTheCapAndASmallerLimitStands() {
        assertEquals(10_000, QueryLimits.DEFAULT.cap(QueryFactory.create(ORDERED)).getLimit());
        assertEquals(10_000, QueryLimits.DEFAULT.cap(QueryFactory.create(ORDERED + " LIMIT 20000")).getLimit());
        assertEquals(7, QueryLimits.DEFAULT.cap(QueryFactory.create(ORDERED + " LIMIT 7")).getLimit());
        assertEquals(10_000, QueryLimits.DEFAULT.cap(QueryFactory.create("CONSTRUCT WHERE { ?s ?p ?o }")).getLimit());
        assertFalse(QueryLimits.DEFAULT.cap(QueryFactory.create("ASK { ?s ?p ?o }")).hasLimit(), "an ASK answers one boolean");
        assertFalse(QueryLimits.DEFAULT.cap(QueryFactory.create("DESCRIBE <urn:x>")).hasLimit(), "a DESCRIBE of IRIs has no pattern");
    }

    /**
     * Jena keeps the best rows of an ORDER BY in a heap only for a LIMIT under 1,000: the
     * server's 10,000 rows would be sorted in full, every row of the pattern, spilled to
     * disk past 50,000. Once the server has raised the threshold, the plan is a top-N.
     */
    @Test
    void aCappedOrderByKeepsOnlyTheRowsItAnswers() {
        withJenasThreshold(() -> {
            ARQ.getContext().remove(ARQ.topNSortingThreshold);
            Query capped = QueryLimits.DEFAULT.cap(QueryFactory.create(ORDERED));
            assertEquals(List.of("order"), sorts(capped), "Jena's own threshold sorts every row");
            QueryLimits.DEFAULT.keepOnlyTheRowsAnswered();
            assertEquals(List.of("top 10000"), sorts(capped));
            assertEquals(List.of("top 10000"), sorts(QueryLimits.DEFAULT.cap(QueryFactory.create(ORDERED.replace("SELECT", "SELECT DISTINCT")))),
                    "DISTINCT too");
        });
    }

    @Test
    void aHigherThresholdIsNeverLowered() {
        withJenasThreshold(() -> {
            ARQ.getContext().set(ARQ.topNSortingThreshold, 50_001);
            new QueryLimits(Duration.ofSeconds(1), 20, 1024, Duration.ofMillis(10)).keepOnlyTheRowsAnswered();
            assertEquals(50_001, (Integer) ARQ.getContext().get(ARQ.topNSortingThreshold));
            new QueryLimits(Duration.ofSeconds(1), 60_000, 1024, Duration.ofMillis(10)).keepOnlyTheRowsAnswered();
            assertEquals(60_001, (Integer) ARQ.getContext().get(ARQ.topNSortingThreshold));
        });
    }

    /** Runs {@code test}, then puts back the process's threshold as it was: it is Jena's global context. */
    private static void withJenasThreshold(Runnable test) {
        Object before = ARQ.getContext().get(ARQ.topNSortingThreshold);
        try {
            test.run();
        } finally {
            if (before == null) ARQ.getContext().remove(ARQ.topNSortingThreshold);
            else ARQ.getContext().set(ARQ.topNSortingThreshold, before);
        }
    }

    /** The sorts in the optimised plan: "order", or "top N" for a heap of N rows. */
    private static List<String> sorts(Query query) {
        Op plan = Algebra.optimize(Algebra.compile(query));
        List<String> sorts = new ArrayList<>();
        OpWalker.walk(plan, new OpVisitorBase() {
            @Override public void visit(OpOrder op) { sorts.add("order"); }
            @Override public void visit(OpTopN op) { sorts.add("top " + op.getLimit()); }
        });
        assertTrue(sorts.size() <= 1, plan.toString());
        return sorts;
    }
}
