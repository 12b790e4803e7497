package org.tessera.export.graph;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The groups made on disk are Jena's own GROUP BY's, in the order of their keys, spilled or not,
 * over the union of named graphs in memory and in TDB2 (whose rows hold the database's ids).
 */
class SortedGroupByTest {
    private static final String EX = "http://example.org/";

    /**
     * Things with names, scores and tags, some missing, some repeated, in three named graphs, some
     * triples in two of them (counted once in the union): what the aggregates need to meet.
     */
    private static DatasetGraph dataset(DatasetGraph dataset) {
        Random random = new Random(7);
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 300; i++) {
                Node thing = NodeFactory.createURI(EX + "thing/" + random.nextInt(60));
                add(dataset, random, thing, "kind", NodeFactory.createLiteralString(random.nextBoolean() ? "a" : "b"));
                if (random.nextInt(4) > 0) add(dataset, random, thing, "name", NodeFactory.createLiteralString("n" + random.nextInt(1000)));
                if (random.nextInt(3) > 0) add(dataset, random, thing, "score", NodeFactory.createLiteralDT(
                        Integer.toString(random.nextInt(50) - 10), XSDDatatype.XSDinteger));
                add(dataset, random, thing, "tag", NodeFactory.createURI(EX + "tag/" + random.nextInt(8)));
            }
            // Not in any named graph, so in no group.
            dataset.getDefaultGraph().add(NodeFactory.createURI(EX + "thing/outside"), NodeFactory.createURI(EX + "kind"),
                    NodeFactory.createLiteralString("a"));
        });
        return dataset;
    }

    private static void add(DatasetGraph dataset, Random random, Node subject, String property, Node object) {
        Node predicate = NodeFactory.createURI(EX + property);
        int graph = random.nextInt(3);
        dataset.add(NodeFactory.createURI(EX + "graph/" + graph), subject, predicate, object);
        if (random.nextInt(4) == 0) dataset.add(NodeFactory.createURI(EX + "graph/" + (graph + 1) % 3), subject, predicate, object);
    }

    private static DatasetGraph inMemory() {
        return dataset(DatasetGraphFactory.createTxnMem());
    }

    private static DatasetGraph inTdb2() {
        return dataset(DatabaseMgr.createDatasetGraph());
    }

    private static Stream<Arguments> datasetsAndSpills() {
        return Stream.of(Arguments.of("in memory", 3L), Arguments.of("in memory", 1_000_000L),
                Arguments.of("TDB2", 3L), Arguments.of("TDB2", 1_000_000L));
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

    @ParameterizedTest(name = "{0}, {1} rows in memory")
    @MethodSource("datasetsAndSpills")
    void givesJenasGroupsOverTheUnionInKeyOrderWhetherItSpillsOrNot(String store, long rowsInMemory) {
        DatasetGraph dataset = store.equals("TDB2") ? inTdb2() : inMemory();
        List<Binding> jenas = new ArrayList<>();
        List<Binding> ours;
        dataset.begin(ReadWrite.READ);
        try {
            try (QueryExec exec = QueryExec.graph(dataset.getUnionGraph()).query(QUERY).build()) {
                exec.select().forEachRemaining(jenas::add);
            }
            try (Stream<Binding> groups = new SortedGroupBy(QUERY).groups(dataset.getUnionGraph(), rowsInMemory)) {
                ours = groups.toList();
            }
        } finally {
            dataset.end();
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
    void stopsWhenTold() {
        DatasetGraph dataset = inMemory();
        int[] asked = {0};
        CancellationException stopped = assertThrows(CancellationException.class, () -> Txn.executeRead(dataset,
                () -> new SortedGroupBy(QUERY).groups(dataset.getUnionGraph(), 3, () -> ++asked[0] > 10).close()));
        assertTrue(stopped.getMessage().contains("stopped"), stopped.getMessage());
        assertEquals(11, asked[0], "asked before the query and before each row, until told to stop");
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
