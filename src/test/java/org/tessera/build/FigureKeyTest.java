package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A figure's comparison key: equal exactly when measure, unit, place and the set of actors are. */
class FigureKeyTest {
    private static final Node FIGHTERS = iri("https://w3id.org/tessera/vocab/measure/fighters");
    private static final Node PERSONS = iri("https://w3id.org/tessera/vocab/unit/persons");
    private static final Node MOSUL = iri("https://w3id.org/tessera/is/place/mosul");
    private static final Node ISIS = iri("https://w3id.org/tessera/is/actor/isis");
    private static final Node SDF = iri("https://w3id.org/tessera/is/actor/sdf");

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    @Test
    void itReadsAsTheIrisItIsMadeOf() {
        assertEquals("https://w3id.org/tessera/vocab/measure/fighters https://w3id.org/tessera/vocab/unit/persons - "
                + "https://w3id.org/tessera/is/actor/isis https://w3id.org/tessera/is/actor/sdf",
                FigureKey.of(FIGHTERS, PERSONS, null, List.of(SDF, ISIS)));
        assertEquals("https://w3id.org/tessera/vocab/measure/fighters https://w3id.org/tessera/vocab/unit/persons "
                + "https://w3id.org/tessera/is/place/mosul", FigureKey.of(FIGHTERS, PERSONS, MOSUL, List.of()));
    }

    @Test
    void theActorsCountAsASet() {
        assertEquals(FigureKey.of(FIGHTERS, PERSONS, MOSUL, List.of(ISIS, SDF)), FigureKey.of(FIGHTERS, PERSONS, MOSUL, List.of(SDF, ISIS, SDF)));
        assertNotEquals(FigureKey.of(FIGHTERS, PERSONS, MOSUL, List.of(ISIS)), FigureKey.of(FIGHTERS, PERSONS, MOSUL, List.of(ISIS, SDF)));
        assertNotEquals(FigureKey.of(FIGHTERS, PERSONS, null, List.of()), FigureKey.of(FIGHTERS, PERSONS, null, List.of(ISIS)));
    }

    @Test
    void everyPartTellsFiguresApart() {
        String key = FigureKey.of(FIGHTERS, PERSONS, MOSUL, List.of(ISIS));
        assertNotEquals(key, FigureKey.of(iri("https://w3id.org/tessera/vocab/measure/deaths"), PERSONS, MOSUL, List.of(ISIS)));
        assertNotEquals(key, FigureKey.of(FIGHTERS, iri("https://w3id.org/tessera/vocab/unit/percent"), MOSUL, List.of(ISIS)));
        assertNotEquals(key, FigureKey.of(FIGHTERS, PERSONS, null, List.of(ISIS)), "a place against none");
        assertNotEquals(key, FigureKey.of(FIGHTERS, PERSONS, iri("https://w3id.org/tessera/is/place/raqqa"), List.of(ISIS)));
    }
}
