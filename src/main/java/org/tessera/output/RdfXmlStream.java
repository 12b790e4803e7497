package org.tessera.output;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.SplitIRI;
import org.apache.jena.util.XMLChar;
import org.apache.jena.vocabulary.RDF;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * RDF/XML of triples sorted by subject, written as they come: one
 * {@code rdf:Description} per subject, each property an element. Jena's RDF/XML
 * writers take a graph in memory; this one holds the current subject's name only.
 * <p>
 * A predicate is written with the prefix whose namespace it starts with, else with a
 * namespace declared on its own element (Jena's {@link SplitIRI#splitXML} finds the
 * local name). A predicate with no XML local name, and a character that XML 1.0 cannot
 * hold, cannot be written in RDF/XML: the writer fails, naming them. Tab, line feed and
 * carriage return in attributes, and carriage return in text, are written as character
 * references, so that parsers give them back.
 */
final class RdfXmlStream implements TripleSink {
    private static final String RDF_NS = RDF.getURI();
    /** Names of the rdf namespace that RDF/XML reads as syntax where a property element stands. */
    private static final Set<String> SYNTAX_NAMES = Set.of("RDF", "Description", "ID", "about", "parseType", "resource",
            "nodeID", "datatype", "li", "aboutEach", "aboutEachPrefix", "bagID");

    private final Writer out;
    /** Namespace to prefix, for the predicates; rdf is always declared. */
    private final Map<String, String> prefixOf = new HashMap<>();
    private final Map<String, String> nodeIds = new HashMap<>();
    /** The prefix of a namespace declared on a property element of its own: one no declared prefix takes. */
    private final String spare;
    private Node subject;

    RdfXmlStream(OutputStream stream, Map<String, String> prefixes) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        Map<String, String> declared = new TreeMap<>(prefixes);
        declared.put("rdf", RDF_NS);
        out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF");
        for (var prefix : declared.entrySet()) {
            if (!XMLChar.isValidNCName(prefix.getKey()) || prefix.getKey().toLowerCase(Locale.ROOT).startsWith("xml")) continue;
            prefixOf.putIfAbsent(prefix.getValue(), prefix.getKey());
            out.write("\n    xmlns:" + prefix.getKey() + "=\"");
            attribute(prefix.getValue());
            out.write('"');
        }
        out.write(">\n");
        String candidate = "ns";
        for (int n = 0; declared.containsKey(candidate); n++) candidate = "ns" + n;
        spare = candidate;
    }

    @Override
    public void accept(Triple triple) throws IOException {
        if (!triple.getSubject().equals(subject)) {
            if (subject != null) out.write("  </rdf:Description>\n");
            subject = triple.getSubject();
            out.write("  <rdf:Description ");
            reference(subject, "rdf:about");
            out.write(">\n");
        }
        String predicate = triple.getPredicate().getURI();
        String name = qualifiedName(predicate);
        out.write("    <" + name);
        if (name.startsWith(spare + ":")) {
            out.write(" xmlns:" + spare + "=\"");
            attribute(predicate.substring(0, SplitIRI.splitXML(predicate)));
            out.write('"');
        }
        Node object = triple.getObject();
        if (!object.isLiteral()) {
            out.write(' ');
            reference(object, "rdf:resource");
            out.write("/>\n");
            return;
        }
        String language = object.getLiteralLanguage();
        if (language != null && !language.isEmpty()) {
            out.write(" xml:lang=\"");
            attribute(language);
            out.write('"');
        } else if (!XSDDatatype.XSDstring.getURI().equals(object.getLiteralDatatypeURI())) {
            out.write(" rdf:datatype=\"");
            attribute(object.getLiteralDatatypeURI());
            out.write('"');
        }
        out.write('>');
        text(object.getLiteralLexicalForm());
        out.write("</" + name + ">\n");
    }

    @Override
    public void close() throws IOException {
        if (subject != null) out.write("  </rdf:Description>\n");
        out.write("</rdf:RDF>\n");
        out.flush();
    }

    /** The element name of a predicate: prefix:local, or ns:local with ns declared on the element. */
    private String qualifiedName(String predicate) throws IOException {
        int split = SplitIRI.splitXML(predicate);
        if (split >= predicate.length()) {
            throw new IOException("The predicate <" + predicate + "> has no XML local name: RDF/XML cannot hold it; export another format");
        }
        String local = predicate.substring(split);
        if (predicate.substring(0, split).equals(RDF_NS) && SYNTAX_NAMES.contains(local)) {
            throw new IOException("The predicate rdf:" + local + " is RDF/XML syntax, not a property element: export another format");
        }
        String prefix = prefixOf.get(predicate.substring(0, split));
        return (prefix != null ? prefix : spare) + ":" + local;
    }

    /** rdf:about or rdf:resource for an IRI, rdf:nodeID for a blank node. */
    private void reference(Node node, String attribute) throws IOException {
        if (node.isBlank()) {
            String id = nodeIds.computeIfAbsent(node.getBlankNodeLabel(), label -> "b" + nodeIds.size());
            out.write("rdf:nodeID=\"" + id + "\"");
            return;
        }
        out.write(attribute + "=\"");
        attribute(node.getURI());
        out.write('"');
    }

    private void attribute(String value) throws IOException {
        escape(value, true);
    }

    private void text(String value) throws IOException {
        escape(value, false);
    }

    private void escape(String value, boolean inAttribute) throws IOException {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write(inAttribute ? "&quot;" : "\"");
                case '\r' -> out.write("&#13;");
                case '\t', '\n' -> {
                    if (inAttribute) out.write("&#" + c + ";");
                    else out.write(c);
                }
                default -> {
                    if (!XMLChar.isValid(c)) {
                        throw new IOException(String.format("The character U+%04X in \"%s\" cannot be written in XML 1.0: export another format",
                                c, value.length() > 60 ? value.substring(0, 60) + "…" : value));
                    }
                    out.write(Character.toChars(c));
                }
            }
        }
    }
}
