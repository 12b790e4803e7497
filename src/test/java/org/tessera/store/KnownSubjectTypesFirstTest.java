package org.tessera.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.optimizer.reorder.PatternTriple;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderFixed;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A known subject's types come before a scan of the ontology's terms: the order Jena's fixed
 * weights give, and the one Tessera's give, for the pattern by which the searches find a
 * resource's kind; and every TDB2 database Tessera's JVMs open takes Tessera's.
 */
class KnownSubjectTypesFirstTest {
    private static final Node HIT = NodeFactory.createURI("https://w3id.org/tessera/is/place/mosul");
    private static final Node ONTOLOGY = NodeFactory.createURI("https://w3id.org/tessera/ontology");
    private static final Var CLASS = Var.alloc("class");
    private static final Triple TYPES = Triple.create(HIT, RDF.Nodes.type, CLASS);
    private static final Triple ONTOLOGY_TERMS = Triple.create(CLASS, RDFS.Nodes.isDefinedBy, ONTOLOGY);
    private static final Triple CLASS_LABEL = Triple.create(CLASS, RDFS.Nodes.label, Var.alloc("className"));
    /** The kind of a search hit, as `search-names` asks for it, once the hit is bound. */
    private static final BasicPattern KIND = BasicPattern.wrap(List.of(ONTOLOGY_TERMS, CLASS_LABEL, TYPES));

    @Test
    void jenasFixedWeightsScanTheOntologysTermsBeforeTheHitsTypesAndOursDoNot() {
        List<Triple> jena = new ReorderFixed().reorder(KIND).getList();
        assertTrue(jena.indexOf(ONTOLOGY_TERMS) < jena.indexOf(TYPES), "Jena's order changed: " + jena);
        List<Triple> ours = new KnownSubjectTypesFirst().reorder(KIND).getList();
        assertEquals(List.of(TYPES, ONTOLOGY_TERMS, CLASS_LABEL), ours);
    }

    /** An actor has six types, and one label: `actors-by-kind` reads the label first, as with Jena's weights. */
    @Test
    void aKnownSubjectsValueOfAPropertyStillComesBeforeItsTypes() {
        Triple label = Triple.create(HIT, RDFS.Nodes.label, Var.alloc("label"));
        BasicPattern kindAndLabel = BasicPattern.wrap(List.of(TYPES, label));
        assertEquals(List.of(label, TYPES), new KnownSubjectTypesFirst().reorder(kindAndLabel).getList());
        assertEquals(List.of(label, TYPES), new ReorderFixed().reorder(kindAndLabel).getList());
    }

    @Test
    void onlyTheTypesOfAKnownSubjectWeighDifferently() {
        ReorderFixed jena = new ReorderFixed();
        KnownSubjectTypesFirst ours = new KnownSubjectTypesFirst();
        Var s = Var.alloc("s");
        Node type = RDF.Nodes.type;
        Node event = NodeFactory.createURI("https://w3id.org/tessera/ontology#Event");
        assertEquals(KnownSubjectTypesFirst.KNOWN_SUBJECT_TYPES_WEIGHT, ours.weight(new PatternTriple(HIT, type, CLASS)));
        assertTrue(jena.weight(new PatternTriple(HIT, type, CLASS)) > ours.weight(new PatternTriple(CLASS, RDFS.Nodes.isDefinedBy, ONTOLOGY)));
        for (PatternTriple same : List.of(new PatternTriple(s, type, CLASS), new PatternTriple(s, type, event),
                new PatternTriple(HIT, type, event), new PatternTriple(HIT, RDFS.Nodes.label, CLASS),
                new PatternTriple(CLASS, RDFS.Nodes.isDefinedBy, ONTOLOGY), new PatternTriple(s, Var.alloc("p"), CLASS))) {
            assertEquals(jena.weight(same), ours.weight(same), same.toString());
        }
    }

    @Test
    void everyTdb2DatabaseOpenedOnDiskTakesTheseWeights(@TempDir Path dir) {
        JenaSystem.init();
        assertInstanceOf(KnownSubjectTypesFirst.class, SystemTDB.getDefaultReorderTransform());
        DatasetGraph database = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            ReorderTransformation used = TDBInternal.getDatasetGraphTDB(database).getReorderTransform();
            assertInstanceOf(KnownSubjectTypesFirst.class, used);
        } finally {
            TDBInternal.expel(database);
        }
    }
}
