package org.tessera.support;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.out.NodeToLabel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.TextDirection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermTextTest {
    /** The Turtle formatter without prefixes, as {@code NodeFmtLib.strTTL} has none. */
    private static final PlainFirstTurtle TURTLE = new PlainFirstTurtle(null, NodeToLabel.createBNodeByLabelEncoded());

    private static String turtle(Node node) {
        return TermText.format(TURTLE, node);
    }

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
            assertEquals(NodeFmtLib.strTTL(node), turtle(node), node::toString);
        }
    }

    /** Characters no formatter escapes, surrogate pairs and letters outside ASCII among them. */
    private static final String PLAIN = "aZ09:/#-._~%\u00e9\u0645\ud83d\ude00";
    /** Characters Jena's formatters escape or check, in IRIs or in strings. */
    private static final String TRICKY = " <>\"{}|^`\\\n\t\r\f\b\u0000\u0013\u0014\u001f\u007f\u0085\ufffd";

    /**
     * Terms written whole when nothing in them needs escaping, and by Jena otherwise:
     * random IRIs and literals of every kind, from plain characters mixed with each
     * character Jena escapes or checks, give what NodeFmtLib gives.
     */
    @Test
    void writesWhatNodeFmtLibWritesForRandomTerms() {
        Random random = new Random(42);
        List<String> datatypes = List.of(XSDDatatype.XSDstring.getURI(), XSDDatatype.XSDinteger.getURI(),
                XSDDatatype.XSDdecimal.getURI(), XSDDatatype.XSDdouble.getURI(), XSDDatatype.XSDboolean.getURI(),
                XSDDatatype.XSDdate.getURI(), "http://example.org/dt", "http://example.org/d t");
        int plain = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random, random.nextBoolean() ? 0.0 : 0.1);
            Node node = switch (i % 5) {
                case 0 -> NodeFactory.createURI("https://example.org/" + text);
                case 1 -> NodeFactory.createLiteralString(text);
                case 2 -> NodeFactory.createLiteralLang(text, random.nextBoolean() ? "en" : "ar-Latn");
                case 3 -> NodeFactory.createLiteralDirLang(text, "ar", random.nextBoolean() ? TextDirection.RTL : TextDirection.LTR);
                default -> {
                    String datatype = datatypes.get(random.nextInt(datatypes.size()));
                    String lex = random.nextBoolean() ? text : List.of("42", "-7", "2.50", "1.5e3", "true", "2016-10-18").get(random.nextInt(6));
                    yield NodeFactory.createLiteralDT(lex, TypeMapper.getInstance().getSafeTypeByName(datatype));
                }
            };
            if (text.chars().noneMatch(c -> TRICKY.indexOf(c) >= 0)) plain++;
            assertEquals(NodeFmtLib.strNT(node), TermText.nt(node), node::toString);
            assertEquals(NodeFmtLib.strTTL(node), turtle(node), node::toString);
        }
        // Both paths ran: terms with nothing to escape, and terms with something.
        assertTrue(plain > 5_000 && plain < 18_000, "terms without a tricky character: " + plain);
    }

    /** Plain characters, each replaced by a tricky one with probability {@code trickiness}. */
    static String randomText(Random random, double trickiness) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(30);
        for (int i = 0; i < length; i++) {
            String from = random.nextDouble() < trickiness ? TRICKY : PLAIN;
            text.append(from.charAt(random.nextInt(from.length())));
        }
        return text.toString();
    }
}
