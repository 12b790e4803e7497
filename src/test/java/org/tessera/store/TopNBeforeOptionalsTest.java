package org.tessera.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A top-N below the OPTIONALs its order does not read: the plans, and rows that stay a full sort's. */
class TopNBeforeOptionalsTest {
    private static final String PREFIX = "PREFIX : <urn:x:> ";
    private static final String LABELS_AND_PHRASES =
            PREFIX + "SELECT ?e ?l ?p WHERE { ?e :label ?l OPTIONAL { ?e :phrase ?p } } ORDER BY ?l ?e";
    private static DatasetGraph events;

    /** 300 events with a label each; two in three with a date; none to three phrases each. */
    @BeforeAll
    static void events() {
        events = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 300; i++) {
            Node event = NodeFactory.createURI("urn:x:e" + i);
            events.getDefaultGraph().add(event, uri("label"), NodeFactory.createLiteralString("event " + (i * 7919 % 300)));
            if (i % 3 != 0) events.getDefaultGraph().add(event, uri("date"), NodeFactory.createLiteralString("2016-" + (i % 12)));
            for (int p = 0; p < i % 4; p++) events.getDefaultGraph().add(event, uri("phrase"), NodeFactory.createLiteralString("phrase " + p));
        }
    }

    @Test
    void theTopNGoesBelowAnOptionalOnTheVariablesItSortsBy() {
        String plan = planOf(LABELS_AND_PHRASES + " LIMIT 5");
        assertEquals(1, count(plan, "(top (5"), plan);
        // Looked up row by row, in order, the OPTIONAL keeps the top-N's order: a LIMIT cuts its rows.
        assertTrue(plan.indexOf("(slice _ 5") < plan.indexOf("(conditional") && plan.indexOf("(conditional") < plan.indexOf("(top (5"), plan);
    }

    @Test
    void notBelowAnOptionalThatBindsWhatTheOrderReads() {
        String plan = planOf(PREFIX + "SELECT * WHERE { ?e :label ?l OPTIONAL { ?e :date ?d } } ORDER BY ?d ?e LIMIT 5");
        assertEquals(1, count(plan, "(top (5"), plan);
    }

    @Test
    void throughABindToTheOptionalsBelowIt() {
        String plan = planOf(PREFIX + "SELECT * WHERE { ?e :label ?l OPTIONAL { ?e :phrase ?p } BIND (CONCAT(?l, ?p) AS ?lp) } ORDER BY ?l ?e LIMIT 5");
        assertTrue(plan.indexOf("(slice _ 5") < plan.indexOf("(extend") && plan.indexOf("(conditional") < plan.indexOf("(top (5"), plan);
    }

    /** The cut falls between two events, so that which of an event's phrases are kept cannot differ. */
    @Test
    void theRowsAreThoseOfAFullSortWhereAnOptionalGivesARowMoreThanOnce() {
        List<List<String>> sorted = rows(events, LABELS_AND_PHRASES, false);
        int cut = 40;
        while (sorted.get(cut).get(0).equals(sorted.get(cut - 1).get(0))) cut++;
        List<List<String>> capped = rows(events, LABELS_AND_PHRASES + " LIMIT " + cut, true);
        assertEquals(Set.copyOf(sorted.subList(0, cut)), Set.copyOf(capped));
        assertEquals(cut, capped.size());
    }

    @Test
    void theRowsAreThoseOfAFullSortBelowTheOptionalsTheOrderDoesNotRead() {
        String query = PREFIX + "SELECT ?e ?d ?first WHERE { ?e :label ?l OPTIONAL { ?e :date ?d }"
                + " OPTIONAL { SELECT ?e (MIN(?p) AS ?first) WHERE { ?e :phrase ?p } GROUP BY ?e } } ORDER BY DESC(?d) ?e";
        // The grouped OPTIONAL is joined by hashing, in no order: a second top-N cuts its rows.
        String plan = planOf(query + " LIMIT 30");
        assertEquals(2, count(plan, "(top (30"), plan);
        assertTrue(plan.contains("(leftjoin"), plan);
        assertEquals(rows(events, query, false).subList(0, 30), rows(events, query + " LIMIT 30", true));
    }

    /** Where a BIND after the OPTIONALs makes a sort key, the top-N stays above them all. */
    @Test
    void notBelowTheBindThatMakesASortKey() {
        String plan = planOf(PREFIX + "SELECT * WHERE { ?e :label ?l OPTIONAL { ?e :date ?d } OPTIONAL { ?e :phrase ?p }"
                + " BIND (COALESCE(?d, \"undated\") AS ?when) } ORDER BY ?when ?e LIMIT 5");
        assertEquals(1, count(plan, "(top (5"), plan);
        assertTrue(plan.indexOf("(top (5") < plan.indexOf("?when (coalesce"), plan);
    }

    /**
     * A VALUES row may leave a variable unbound that the OPTIONAL then binds. Kept before
     * the OPTIONAL, the unbound row would sort first and push out the row that sorts first
     * once bound. Jena's own {@code OpVars.fixedVars} counts a VALUES variable as bound.
     */
    @Test
    void notBelowAnOptionalThatMayBindWhatAValuesRowLeftUnbound() {
        DatasetGraph keys = DatasetGraphFactory.createTxnMem();
        keys.getDefaultGraph().add(NodeFactory.createURI("urn:x:e1"), uri("key"), NodeFactory.createLiteralString("z"));
        String query = PREFIX + "SELECT ?e ?k WHERE { VALUES (?e ?k) { (:e1 UNDEF) (:e2 \"m\") } OPTIONAL { ?e :key ?k } } ORDER BY ?k";
        List<List<String>> sorted = rows(keys, query, false);
        assertEquals(List.of(List.of("urn:x:e2", "m"), List.of("urn:x:e1", "z")), sorted);
        assertEquals(sorted.subList(0, 1), rows(keys, query + " LIMIT 1", true));
    }

    private static String planOf(String query) {
        return new ServedQueryOptimizer(ARQ.getContext().copy()).rewrite(Algebra.compile(QueryFactory.create(query))).toString();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static List<List<String>> rows(DatasetGraph dataset, String query, boolean servedPlan) {
        DatasetGraph planned = new DatasetGraphWrapper(dataset, ARQ.getContext().copy());
        if (servedPlan) ServedPlans.apply(planned);
        List<List<String>> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(planned).query(query).build()) {
            RowSet rowSet = exec.select();
            List<String> vars = rowSet.getResultVars().stream().map(v -> v.getVarName()).collect(Collectors.toList());
            rowSet.forEachRemaining(row -> rows.add(vars.stream()
                    .map(v -> row.contains(v) ? text(row.get(v)) : "").collect(Collectors.toList())));
        }
        return rows;
    }

    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static Node uri(String local) {
        return NodeFactory.createURI("urn:x:" + local);
    }
}
