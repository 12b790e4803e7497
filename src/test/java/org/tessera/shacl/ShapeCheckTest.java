package org.tessera.shacl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.TestProjects;

/** A part's shapes, read with the ontology's super-classes kept, give the verdicts of Jena's own validator. */
class ShapeCheckTest {
    private static final String PREFIXES = """
            PREFIX : <http://example.org/>
            PREFIX sh: <http://www.w3.org/ns/shacl#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    @TempDir
    Path dir;

    @Test
    void everyClassConstraintOfTesserasShapesReadsTheKeptSuperclasses() {
        Path shapes = TestProjects.REPO.resolve("ontology/shapes.ttl");
        long declared = RDFDataMgr.loadGraph(shapes.toString()).find(null, SHACL.class_, null).toList().size();
        assertTrue(declared >= 10, "sh:class in shapes.ttl: " + declared);
        assertEquals(declared, ShapeCheck.fromFile(shapes).knownSuperclassConstraints());
    }

    @Test
    void instancesOfSubclassesPassAndOthersFailAsJenasValidatorSays() throws IOException {
        Path shapes = Files.writeString(dir.resolve("shapes.ttl"), PREFIXES + """
                :EventShape a sh:NodeShape ; sh:targetClass :Event ;
                    sh:property [ sh:path :participant ; sh:class :Actor ] ;
                    sh:property [ sh:path :place ; sh:class :Place ] .
                """);
        Graph ontology = turtle("""
                :ArmedGroup rdfs:subClassOf :Organisation . :Organisation rdfs:subClassOf :Actor .
                :City rdfs:subClassOf :Place .
                """);
        String events = """
                :e1 a :Event ; :participant :group ; :place :mosul .
                :e2 a :Event ; :participant :mosul , :untyped ; :place :group .
                :e3 a :Event ; :participant :militia ; :place "Mosul" .
                :group a :ArmedGroup . :mosul a :City .
                :militia a :Militia .
                """;
        ShapeCheck check = ShapeCheck.fromFile(shapes);
        assertEquals(0, check.superclassesKept());
        // Without a subClassOf of its own, the part reads the kept super-classes; with one, Jena's walk.
        for (String part : List.of(events, events + ":Militia rdfs:subClassOf :ArmedGroup .")) {
            Graph data = turtle(part);
            List<String> kept = check.violations(data, ontology, Set.of());
            Graph union = GraphFactory.createDefaultGraph();
            data.find().forEach(union::add);
            ontology.find().forEach(union::add);
            List<String> jena = check.violations(union);
            assertEquals(jena, kept);
            // ArmedGroup, City and Militia, looked up once each; the part with a subClassOf of its own adds none.
            assertEquals(3, check.superclassesKept());
            assertTrue(kept.stream().anyMatch(v -> v.startsWith("http://example.org/e2 <http://example.org/participant>")),
                    kept.toString());
            assertEquals(part.contains(":Militia rdfs:subClassOf") ? 4 : 5, kept.size(), kept.toString());
        }
    }

    @Test
    void aSecondOntologyIsReadAfresh() throws IOException {
        Path shapes = Files.writeString(dir.resolve("shapes.ttl"), PREFIXES + """
                :EventShape a sh:NodeShape ; sh:targetClass :Event ; sh:property [ sh:path :participant ; sh:class :Actor ] .
                """);
        ShapeCheck check = ShapeCheck.fromFile(shapes);
        Graph data = turtle(":e1 a :Event ; :participant :group . :group a :ArmedGroup .");
        assertEquals(0, check.violations(data, turtle(":ArmedGroup rdfs:subClassOf :Actor ."), Set.of()).size());
        assertEquals(1, check.violations(data, turtle(":ArmedGroup rdfs:subClassOf :Place ."), Set.of()).size());
    }

    private static Graph turtle(String body) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + body, Lang.TURTLE).parse(graph);
        return graph;
    }
}
