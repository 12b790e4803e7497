package org.tessera;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.tessera.model.TermKind;
import org.tessera.shacl.ShapeCheck;
import org.tessera.vocabulary.OntologyTerms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ontology checks itself: every term labelled, defined and tied to its ontology; every list non-empty. */
class OntologyTest {
    private static final Path ONTOLOGY = TestProjects.REPO.resolve("ontology");

    @Test
    void everyTermIsLabelledAndDefined() throws IOException {
        Graph graph = GraphFactory.createDefaultGraph();
        try (Stream<Path> files = Files.list(ONTOLOGY)) {
            files.filter(p -> p.toString().endsWith(".ttl") && !p.getFileName().toString().contains("shapes"))
                    .forEach(p -> RDFDataMgr.read(graph, p.toString()));
        }
        var violations = ShapeCheck.fromFile(ONTOLOGY.resolve("ontology-shapes.ttl")).violations(graph);
        assertEquals(0, violations.size(), () -> String.join("\n", violations));
        assertTrue(graph.size() > 500, "the ontology was read");
    }

    @Test
    void everyControlledListHasTermsFromTheOntology() {
        OntologyTerms terms = OntologyTerms.load(ONTOLOGY);
        for (TermKind kind : TermKind.values()) {
            assertTrue(terms.notations(kind).size() >= 2, kind + " has terms");
        }
        assertTrue(terms.notations(TermKind.EVENT_TYPE).contains("recapture"));
        assertTrue(terms.notations(TermKind.ACTOR_KIND).contains("armed-group"));
        assertTrue(terms.notations(TermKind.RELATION_TYPE).contains("pledged-allegiance-to"));
    }
}
