package org.tessera.output;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What RDF/XML written as the triples come must hold, and what it cannot. */
class RdfXmlStreamTest {
    private static final String EX = "https://example.org/";
    private static final Map<String, String> PREFIXES = Map.of("ex", EX, "ns", "https://example.org/taken/");

    private static Node iri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    private static byte[] write(List<Triple> triples) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RdfXmlStream xml = new RdfXmlStream(out, PREFIXES)) {
            for (Triple t : triples.stream().sorted(Comparator.comparing((Triple t) -> t.getSubject().toString())).toList()) {
                xml.accept(t);
            }
        }
        return out.toByteArray();
    }

    @Test
    void awkwardValuesPredicatesAndBlankNodesReadBackAsTheyWere() throws IOException {
        Node blank = NodeFactory.createBlankNode("x y");
        List<Triple> triples = List.of(
                Triple.create(iri("a"), iri("says"), NodeFactory.createLiteralString("<b> & \"c\"\r\n\ttabbed ]]> 𝄞")),
                Triple.create(iri("a"), iri("name"), NodeFactory.createLiteralLang("Raqqa", "en")),
                Triple.create(iri("a"), iri("count"), NodeFactory.createLiteralDT("12", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)),
                Triple.create(iri("a"), NodeFactory.createURI("http://other.example/vocab#p1"), blank),
                Triple.create(iri("a"), NodeFactory.createURI("https://example.org/taken/q"), iri("b?x=1&y=2")),
                Triple.create(blank, RDF.type.asNode(), iri("Thing")));
        byte[] xml = write(triples);
        Graph expected = GraphFactory.createDefaultGraph();
        triples.forEach(expected::add);
        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(xml)).lang(Lang.RDFXML).parse(back);
        assertTrue(expected.isIsomorphicWith(back), new String(xml, StandardCharsets.UTF_8));
    }

    @Test
    void whatRdfXmlCannotHoldIsRefusedByName() {
        IOException noLocalName = assertThrows(IOException.class,
                () -> write(List.of(Triple.create(iri("a"), NodeFactory.createURI("https://example.org/p/"), iri("b")))));
        assertTrue(noLocalName.getMessage().contains("https://example.org/p/"), noLocalName.getMessage());
        IOException syntax = assertThrows(IOException.class,
                () -> write(List.of(Triple.create(iri("a"), NodeFactory.createURI(RDF.getURI() + "li"), iri("b")))));
        assertTrue(syntax.getMessage().contains("rdf:li"), syntax.getMessage());
        IOException control = assertThrows(IOException.class,
                () -> write(List.of(Triple.create(iri("a"), iri("says"), NodeFactory.createLiteralString("bell \u0007")))));
        assertTrue(control.getMessage().contains("U+0007"), control.getMessage());
    }
}
