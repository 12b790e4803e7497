package org.tessera.store;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which variables every row binds, erring towards fewer. */
class BoundInEveryRowTest {
    @Test
    void theVariablesOfTriplePatternsAndPaths() {
        assertEquals(Set.of("s", "o", "t"), bound("SELECT * { ?s <urn:p> ?o . ?o <urn:q>+ ?t }"));
    }

    @Test
    void notThoseOfAnOptional() {
        assertEquals(Set.of("s"), bound("SELECT * { ?s <urn:p> 1 OPTIONAL { ?s <urn:q> ?o } }"));
    }

    @Test
    void ofAUnionOnlyThoseOfBothSides() {
        assertEquals(Set.of("s"), bound("SELECT * { { ?s <urn:p> ?a } UNION { ?s <urn:q> ?b } }"));
    }

    @Test
    void notABindsWhichMayFailNorAValuesTablesWhichMayBeUndef() {
        assertEquals(Set.of("s"), bound("SELECT * { ?s <urn:p> 1 BIND (1 / 0 AS ?fails) }"));
        assertEquals(Set.of("s"), bound("SELECT * { VALUES ?v { 1 UNDEF } ?s <urn:p> 1 }"));
    }

    @Test
    void throughFiltersAndMinusButOnlyWhatAProjectionKeeps() {
        assertEquals(Set.of("s"), bound("SELECT ?s ?gone { ?s <urn:p> ?o FILTER (?o > 1) MINUS { ?s <urn:q> ?x } }"));
    }

    private static Set<String> bound(String query) {
        return BoundInEveryRow.of(Algebra.compile(QueryFactory.create(query))).stream().map(Var::getVarName).collect(Collectors.toSet());
    }
}
