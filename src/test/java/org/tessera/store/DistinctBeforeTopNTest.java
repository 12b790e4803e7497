package org.tessera.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A top-N over a DISTINCT: the duplicates go by hashing first, and the rows stay those of a full sort. */
class DistinctBeforeTopNTest {
    private static final String DISTINCT_LABELS =
            "SELECT DISTINCT ?label WHERE { ?s <urn:label> ?label } ORDER BY DESC(?label) LIMIT 7";

    @Test
    void theDistinctRunsUnderTheTopNAndIsNotTakenOverByIt() {
        Op jena = Algebra.optimize(Algebra.compile(QueryFactory.create(DISTINCT_LABELS)));
        assertInstanceOf(OpDistinct.class, ((OpTopN) jena).getSubOp(), "Jena's own plan: " + jena);
        Op ours = new ServedQueryOptimizer(ARQ.getContext().copy()).rewrite(Algebra.compile(QueryFactory.create(DISTINCT_LABELS)));
        OpTopN top = assertInstanceOf(OpTopN.class, ours, ours.toString());
        assertEquals(7, top.getLimit());
        OpReduced reduced = assertInstanceOf(OpReduced.class, top.getSubOp(), ours.toString());
        assertInstanceOf(OpDistinct.class, reduced.getSubOp(), ours.toString());
    }

    @Test
    void aServedDatasetPlansWithIt() {
        DatasetGraph database = DatabaseMgr.createDatasetGraph();
        ServedPlans.apply(database);
        Op plan = Optimize.optimize(Algebra.compile(QueryFactory.create(DISTINCT_LABELS)), database.getContext());
        assertInstanceOf(OpReduced.class, ((OpTopN) plan).getSubOp(), plan.toString());
    }

    /** Each label in three graphs and on several subjects: many duplicates, in a union default graph. */
    @Test
    void theRowsAreThoseOfAFullSort() {
        DatasetGraph database = DatabaseMgr.createDatasetGraph();
        database.getContext().set(TDB2.symUnionDefaultGraph, true);
        Node label = NodeFactory.createURI("urn:label");
        Txn.executeWrite(database, () -> {
            for (int i = 0; i < 600; i++) {
                for (int g = 0; g < 3; g++) {
                    database.add(NodeFactory.createURI("urn:g" + g), NodeFactory.createURI("urn:s" + (i % 40)), label,
                            NodeFactory.createLiteralString("label " + (i * 7919 % 97)));
                }
            }
        });
        List<String> sorted = rows(database, DISTINCT_LABELS.replace("LIMIT 7", ""));
        assertEquals(97, sorted.size());
        ServedPlans.apply(database);
        assertEquals(sorted.subList(0, 7), rows(database, DISTINCT_LABELS));
    }

    private static List<String> rows(DatasetGraph dataset, String query) {
        return Txn.calculateRead(dataset, () -> {
            List<String> rows = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                exec.select().forEachRemaining(row -> rows.add(row.get("label").getLiteralLexicalForm()));
            }
            return rows;
        });
    }
}
