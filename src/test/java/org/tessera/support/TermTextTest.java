package org.tessera.support;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TermTextTest {
    @Test
    void writesWhatNodeFmtLibWrites() {
        List<Node> nodes = List.of(
                NodeFactory.createURI("https://w3id.org/tessera/is/actor/isis"),
                NodeFactory.createURI("http://example.org/a b\u00e9<>\"{}|^`\\"),
                NodeFactory.createLiteralString("plain \"quoted\" \\ back\nline\ttab \u0001 \u0645\u0648\u0635\u0644 \ud83d\ude00"),
                NodeFactory.createLiteralLang("Daesh", "en"),
                NodeFactory.createLiteralDT("25000.0", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("2016-10-18", XSDDatatype.XSDdate),
                NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean),
                NodeFactory.createLiteralDT("1.5e3", XSDDatatype.XSDdouble),
                NodeFactory.createBlankNode("b0"),
                NodeFactory.createBlankNode());
        for (Node node : nodes) {
            assertEquals(NodeFmtLib.strNT(node), TermText.nt(node), node::toString);
            assertEquals(NodeFmtLib.strTTL(node), TermText.ttl(node), node::toString);
        }
    }
}
