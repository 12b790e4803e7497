package org.tessera.export.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A label with quotes, markup characters, a backslash, a comma, a line break and
 * non-Latin scripts (Arabic, Chinese, and an emoji beyond the BMP) comes back
 * unchanged from every format, read by parsers that are not ours: the JDK's XML
 * parser, Jackson, Commons CSV, and Graphviz for DOT. A control character that
 * XML cannot hold becomes U+FFFD in XML and DOT (Graphviz writes SVG), and stays
 * itself in JSON and CSV.
 */
class EscapingTest {
    static final String LABEL = "Say \"hi\" <b> & 'x', back\\slash\nالدولة الإسلامية · 伊斯兰国 · \uD83D\uDDFA";
    static final String ACTOR = "https://example.org/actor/a";
    static final String BELL = "https://example.org/actor/bell";
    static final String PLACE = "https://example.org/place/p";

    @TempDir
    static Path temp;
    static DatasetGraph dataset;

    @BeforeAll
    static void build() {
        dataset = DatasetGraphFactory.createTxnMem();
        Node shared = iri("https://example.org/graph/shared");
        Node source = iri("https://example.org/graph/source");
        Node event = iri("https://example.org/event/e");
        add(shared, ACTOR, RDF.type.getURI(), iri(tes("Actor")));
        add(shared, ACTOR, RDFS.label.getURI(), NodeFactory.createLiteralString(LABEL));
        add(shared, BELL, RDF.type.getURI(), iri(tes("Actor")));
        add(shared, BELL, RDFS.label.getURI(), NodeFactory.createLiteralString("bell\u0007"));
        add(shared, PLACE, RDF.type.getURI(), iri(tes("Place")));
        add(shared, PLACE, RDFS.label.getURI(), NodeFactory.createLiteralString(LABEL));
        add(shared, PLACE, "http://www.w3.org/2003/01/geo/wgs84_pos#lat", NodeFactory.createLiteralByValue(36.34));
        add(shared, PLACE, "http://www.w3.org/2003/01/geo/wgs84_pos#long", NodeFactory.createLiteralByValue(43.13));
        add(source, event.getURI(), RDF.type.getURI(), iri(tes("Event")));
        add(source, event.getURI(), RDFS.label.getURI(), NodeFactory.createLiteralString(LABEL));
        add(source, event.getURI(), tes("place"), iri(PLACE));
        for (String actor : List.of(ACTOR, BELL)) {
            Node part = iri(event.getURI() + "/agent/" + actor.substring(actor.lastIndexOf('/') + 1));
            add(source, event.getURI(), tes("participation"), part);
            add(source, part.getURI(), tes("actor"), iri(actor));
        }
    }

    private static String tes(String local) {
        return "https://w3id.org/tessera/ontology#" + local;
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static void add(Node graph, String s, String p, Node o) {
        dataset.add(graph, iri(s), iri(p), o);
    }

    private static Path export(String format, String view) throws Exception {
        Path out = temp.resolve(GraphExport.defaultFileName(format, view));
        GraphExport.write(dataset, format, view, out);
        return out;
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Element byId(Document doc, String tag, String id) {
        NodeList list = doc.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getAttribute("id").equals(id)) return e;
        }
        throw new AssertionError("no " + tag + " " + id);
    }

    @Test
    void gexfKeepsTheLabelInItsAttribute() throws Exception {
        Document doc = xml(export("gexf", "full"));
        assertEquals(LABEL, byId(doc, "node", ACTOR).getAttribute("label"));
        assertEquals("bell\uFFFD", byId(doc, "node", BELL).getAttribute("label"));
    }

    @Test
    void graphmlKeepsTheLabelInItsData() throws Exception {
        Document doc = xml(export("graphml", "full"));
        Map<String, String> labels = new HashMap<>();
        for (String id : List.of(ACTOR, BELL)) {
            NodeList data = byId(doc, "node", id).getElementsByTagNameNS("*", "data");
            for (int i = 0; i < data.getLength(); i++) {
                Element d = (Element) data.item(i);
                if (d.getAttribute("key").equals("node.label")) labels.put(id, d.getTextContent());
            }
        }
        assertEquals(Map.of(ACTOR, LABEL, BELL, "bell\uFFFD"), labels);
    }

    @Test
    void cytoscapeJsonKeepsEveryCharacter() throws Exception {
        JsonNode root = new ObjectMapper().readTree(export("cytoscape", "full").toFile());
        Map<String, String> labels = new HashMap<>();
        root.get("elements").get("nodes").forEach(n -> labels.put(n.get("data").get("id").asText(), n.get("data").get("label").asText()));
        assertEquals(LABEL, labels.get(ACTOR));
        assertEquals("bell\u0007", labels.get(BELL));
    }

    @Test
    void geoJsonKeepsTheLabel() throws Exception {
        JsonNode root = new ObjectMapper().readTree(export("geojson", "events-places").toFile());
        for (JsonNode feature : root.get("features")) assertEquals(LABEL, feature.get("properties").get("label").asText());
        assertEquals(2, root.get("features").size());
    }

    @Test
    void csvRoundTripsThroughAnRfc4180Parser() throws Exception {
        Path dir = export("csv", "full");
        Map<String, String> labels = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dir.resolve("nodes.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
            for (CSVRecord row : csv) labels.put(row.get("id"), row.get("label"));
        }
        assertEquals(LABEL, labels.get(ACTOR));
        assertEquals("bell\u0007", labels.get(BELL));
        assertTrue(Files.readString(dir.resolve("edges.csv")).startsWith("id,source,target,label,weight,kind\r\n"));
    }

    @Test
    void dotEscapesQuotesBackslashesAndLineBreaksAndGraphvizDrawsTheLines() throws Exception {
        Path dot = export("dot", "full");
        assertTrue(Files.readString(dot).contains(
                "label=\"Say \\\"hi\\\" <b> & 'x', back\\\\slash\\nالدولة الإسلامية · 伊斯兰国 · \uD83D\uDDFA\""));
        assertTrue(Files.readString(dot).contains("label=\"bell\uFFFD\""));
        Path svg = temp.resolve("full.svg");
        ExportFixtures.run(List.of("dot", "-Tsvg", "-o", svg.toString(), dot.toString()));
        Document doc = xml(svg);
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").startsWith("node")) continue;
            if (!g.getElementsByTagNameNS("*", "title").item(0).getTextContent().equals(ACTOR)) continue;
            NodeList texts = g.getElementsByTagNameNS("*", "text");
            for (int t = 0; t < texts.getLength(); t++) lines.add(texts.item(t).getTextContent());
        }
        assertEquals(List.of(LABEL.split("\n")), lines);
    }
}
