package org.tessera.export.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queries run ahead on threads of their own, in TDB2, give what they give on the reader's thread, and leave nothing behind. */
class QueriesAheadTest {
    private static final String EX = "http://example.org/";
    private static final String BY_THING = "PREFIX ex: <" + EX + "> SELECT ?thing (COUNT(?tag) AS ?tags) (MIN(?name) AS ?first) "
            + "WHERE { ?thing ex:tag ?tag OPTIONAL { ?thing ex:name ?name } } GROUP BY ?thing";
    private static final String BY_TAG = "PREFIX ex: <" + EX + "> SELECT ?tag (COUNT(?thing) AS ?things) "
            + "WHERE { ?thing ex:tag ?tag } GROUP BY ?tag";

    @TempDir
    Path spills;
    private String tmpdir;

    /** Jena's sorted bags spill to java.io.tmpdir, read at each spill: here, a folder to count them in. */
    @BeforeEach
    void spillHere() {
        tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", spills.toString());
    }

    @AfterEach
    void spillBack() {
        System.setProperty("java.io.tmpdir", tmpdir);
    }

    private static DatasetGraph tdb2() {
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 500; i++) {
                Node graph = NodeFactory.createURI(EX + "graph/" + i % 7);
                Node thing = NodeFactory.createURI(EX + "thing/" + i % 90);
                dataset.add(graph, thing, NodeFactory.createURI(EX + "tag"), NodeFactory.createURI(EX + "tag/" + i % 13));
                if (i % 3 == 0) dataset.add(graph, thing, NodeFactory.createURI(EX + "name"), NodeFactory.createLiteralString("n" + i));
            }
        });
        return dataset;
    }

    private static Map<String, SortedGroupBy> queries() {
        Map<String, SortedGroupBy> queries = new LinkedHashMap<>();
        queries.put("by-thing", new SortedGroupBy(BY_THING));
        queries.put("by-tag", new SortedGroupBy(BY_TAG));
        return queries;
    }

    private static List<Binding> onThisThread(DatasetGraph dataset, String query) {
        return Txn.calculateRead(dataset, () -> {
            try (Stream<Binding> groups = new SortedGroupBy(query).groups(dataset.getUnionGraph(), 5)) {
                return groups.toList();
            }
        });
    }

    private long spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(spills)) {
            return files.filter(f -> f.getFileName().toString().startsWith("DataBag-")).count();
        }
    }

    @Test
    void givesTheRowsTheReaderWouldHaveReadOutsideAnyTransaction() throws IOException {
        DatasetGraph dataset = tdb2();
        List<Binding> byThing = onThisThread(dataset, BY_THING);
        List<Binding> byTag = onThisThread(dataset, BY_TAG);
        assertEquals(90, byThing.size());
        try (QueriesAhead ahead = new QueriesAhead(dataset, queries(), 5, 2)) {
            // Taken in the other order than started, and read on this thread with no transaction open.
            try (Stream<Binding> rows = ahead.take("by-tag")) {
                assertEquals(byTag, rows.toList());
            }
            try (Stream<Binding> rows = ahead.take("by-thing")) {
                assertEquals(byThing, rows.toList());
            }
            assertThrows(IllegalStateException.class, () -> ahead.take("by-thing"), "each query is taken once");
            assertThrows(IllegalStateException.class, () -> ahead.take("by-place"), "a query not started");
        }
        assertEquals(0, spillFiles(), "read and closed, the rows leave no file");
    }

    @Test
    void closingRemovesTheRowsOfQueriesNotTaken() throws IOException {
        DatasetGraph dataset = tdb2();
        QueriesAhead ahead = new QueriesAhead(dataset, queries(), 5, 1);
        try (Stream<Binding> rows = ahead.take("by-tag")) {
            assertEquals(13, rows.count());
        }
        // By-thing ran first on the one thread, so it has run by now: 500 rows, 5 a file.
        assertTrue(spillFiles() > 0, "the rows of a query not yet taken wait in files");
        ahead.close();
        assertEquals(0, spillFiles(), "closed, the query not taken leaves no file");
    }

    @Test
    void aQueryThatFailsThrowsWhatItThrewWhenTaken() {
        IllegalStateException broken = new IllegalStateException("the database is gone");
        DatasetGraph failing = new DatasetGraphWrapper(tdb2()) {
            @Override
            public Graph getUnionGraph() {
                throw broken;
            }
        };
        try (QueriesAhead ahead = new QueriesAhead(failing, queries(), 5, 2)) {
            assertSame(broken, assertThrows(IllegalStateException.class, () -> ahead.take("by-thing")));
        }
    }
}
