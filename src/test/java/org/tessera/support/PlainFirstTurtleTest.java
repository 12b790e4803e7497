package org.tessera.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.junit.jupiter.api.Test;

/** PlainFirstTurtle writes what Jena's Turtle formatter writes with the same prefixes, term by term. */
class PlainFirstTurtleTest {
    private static final List<String> NAMESPACES = List.of(
            "https://example.org/", "https://example.org/ns#", "https://example.org/ns#deep/", "http://www.w3.org/2001/XMLSchema#");

    @Test
    void writesWhatJenaWritesWithPrefixes() {
        PrefixMap prefixes = PrefixMapFactory.create();
        prefixes.add("ex", NAMESPACES.get(0));
        prefixes.add("ns", NAMESPACES.get(1));
        prefixes.add("xsd", NAMESPACES.get(3));
        NodeToLabel labels = NodeToLabel.createScopeByDocument();
        NodeFormatter jena = new NodeFormatterTTL(null, prefixes, labels);
        PlainFirstTurtle ours = new PlainFirstTurtle(prefixes, labels);
        Random random = new Random(7);
        int abbreviated = 0;
        int whole = 0;
        for (int i = 0; i < 20_000; i++) {
            if (i == 10_000) {
                // A prefix given another namespace half-way: the abbreviations remembered before are no longer Jena's.
                prefixes.add("ns", NAMESPACES.get(2));
                ours.forgetAbbreviations();
            }
            Node node = randomTerm(random);
            String expected = text(jena, node);
            assertEquals(expected, text(ours, node), node::toString);
            // Once more: an abbreviation now comes from what was remembered.
            assertEquals(expected, text(ours, node), node::toString);
            if (node.isURI() && !expected.startsWith("<")) abbreviated++;
            if (node.isURI() && expected.startsWith("<")) whole++;
        }
        assertTrue(abbreviated > 1_000 && whole > 1_000, "abbreviated " + abbreviated + ", in full " + whole);
    }

    /** An IRI in one of the namespaces, or a literal of any kind, from plain and tricky characters. */
    private static Node randomTerm(Random random) {
        String text = TermTextTest.randomText(random, random.nextBoolean() ? 0.0 : 0.1);
        // Short local names, some of them repeated, so that remembered abbreviations are used.
        String local = random.nextBoolean() ? text : "n" + random.nextInt(50);
        return switch (random.nextInt(4)) {
            case 0, 1 -> NodeFactory.createURI(NAMESPACES.get(random.nextInt(NAMESPACES.size())) + local);
            case 2 -> random.nextBoolean() ? NodeFactory.createLiteralString(text) : NodeFactory.createLiteralLang(text, "en");
            default -> {
                String datatype = List.of(XSDDatatype.XSDinteger.getURI(), XSDDatatype.XSDdate.getURI(),
                        NAMESPACES.get(1) + "dt", "http://elsewhere.example/d t").get(random.nextInt(4));
                String lex = random.nextBoolean() ? text : "42";
                yield NodeFactory.createLiteralDT(lex, TypeMapper.getInstance().getSafeTypeByName(datatype));
            }
        };
    }

    private static String text(NodeFormatter formatter, Node node) {
        StringWriter text = new StringWriter();
        AWriter out = IO.wrap(text);
        formatter.format(out, node);
        out.flush();
        return text.toString();
    }
}
