package org.tessera.export.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.NodeCmp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The groups made on disk are Jena's own GROUP BY's, in the order of their keys, spilled or not. */
class SortedGroupByTest {
    private static final String EX = "http://example.org/";

    /** Things with names, scores and tags, some missing, some repeated: what the aggregates need to meet. */
    private static Graph graph() {
        Graph graph = GraphFactory.createDefaultGraph();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            Node thing = NodeFactory.createURI(EX + "thing/" + random.nextInt(60));
            add(graph, thing, "kind", NodeFactory.createLiteralString(random.nextBoolean() ? "a" : "b"));
            if (random.nextInt(4) > 0) add(graph, thing, "name", NodeFactory.createLiteralString("n" + random.nextInt(1000)));
            if (random.nextInt(3) > 0) add(graph, thing, "score", NodeFactory.createLiteralDT(Integer.toString(random.nextInt(50) - 10),
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
            add(graph, thing, "tag", NodeFactory.createURI(EX + "tag/" + random.nextInt(8)));
        }
        return graph;
    }

    private static void add(Graph graph, Node subject, String property, Node object) {
        graph.add(Triple.create(subject, NodeFactory.createURI(EX + property), object));
    }

    private static final String QUERY = """
            PREFIX ex: <http://example.org/>
            SELECT ?thing ?kind (MIN(STR(?name)) AS ?first) (MAX(?score) AS ?top) (COUNT(DISTINCT ?tag) AS ?tags)
                   (COUNT(DISTINCT ?tag) + COUNT(?score) AS ?sum) (SAMPLE(?nothing) AS ?none)
            WHERE {
              ?thing ex:kind ?kind ; ex:tag ?tag .
              OPTIONAL { ?thing ex:name ?name }
              OPTIONAL { ?thing ex:score ?score }
            }
            GROUP BY ?thing ?kind
            """;

    @ParameterizedTest
    @ValueSource(longs = {3, 1_000_000})
    void givesJenasGroupsInKeyOrderWhetherItSpillsOrNot(long rowsInMemory) {
        Graph graph = graph();
        List<Binding> jenas = new ArrayList<>();
        try (QueryExec exec = QueryExec.graph(graph).query(QUERY).build()) {
            exec.select().forEachRemaining(jenas::add);
        }
        List<Binding> ours;
        try (Stream<Binding> groups = new SortedGroupBy(QUERY).groups(graph, rowsInMemory)) {
            ours = groups.toList();
        }
        assertTrue(jenas.size() > 50, "the data makes many groups: " + jenas.size());
        assertEquals(new HashSet<>(jenas), new HashSet<>(ours));
        assertEquals(jenas.size(), ours.size(), "each group once");
        for (int i = 1; i < ours.size(); i++) {
            assertTrue(compareKeys(ours.get(i - 1), ours.get(i)) < 0, "in key order at " + ours.get(i));
        }
        assertTrue(ours.stream().noneMatch(b -> b.contains(Var.alloc("none"))), "an aggregate of nothing stays unbound");
    }

    private static int compareKeys(Binding a, Binding b) {
        int c = NodeCmp.compareRDFTerms(a.get("thing"), b.get("thing"));
        return c != 0 ? c : NodeCmp.compareRDFTerms(a.get("kind"), b.get("kind"));
    }

    @Test
    void anEmptyPatternGivesNoGroups() {
        try (Stream<Binding> groups = new SortedGroupBy(QUERY).groups(GraphFactory.createDefaultGraph(), 3)) {
            assertEquals(0, groups.count());
        }
    }

    @Test
    void refusesWhatItDoesNotRunAsJenaWould() {
        Set<String> refused = Set.of(
                "SELECT ?s WHERE { ?s ?p ?o }",
                "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY ?n",
                "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 1)",
                "SELECT DISTINCT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s",
                "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s LIMIT 3",
                "SELECT ?k (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)");
        for (String query : refused) {
            assertThrows(IllegalArgumentException.class, () -> new SortedGroupBy(query), query);
        }
    }
}
