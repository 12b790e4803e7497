package org.tessera.export.graph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * GraphML for yEd, Cytoscape, Gephi, networkx and igraph: every attribute is
 * declared as a key with its type (dates as strings: GraphML has no date type);
 * label and weight are keys like the others.
 */
final class GraphmlWriter implements GraphWriter {
    private static final String NS = "http://graphml.graphdrawing.org/xmlns";

    @Override
    public void write(PropertyGraph graph, Path out) throws IOException {
        try (XmlOut xml = XmlOut.create(out, "graphml", NS)) {
            key(xml, "node", "label", "string");
            for (String k : graph.nodeKeys()) key(xml, "node", k, type(k));
            key(xml, "edge", "label", "string");
            key(xml, "edge", "weight", "double");
            for (String k : graph.edgeKeys()) key(xml, "edge", k, type(k));
            xml.start("graph");
            xml.attribute("id", graph.name());
            xml.attribute("edgedefault", graph.directed() ? "directed" : "undirected");
            for (GraphNode node : graph.nodes()) {
                xml.start("node");
                xml.attribute("id", node.id());
                data(xml, "node", "label", node.label());
                values(xml, "node", graph.nodeKeys(), node.attributes());
                xml.end();
            }
            for (GraphEdge edge : graph.edges()) {
                xml.start("edge");
                xml.attribute("id", edge.id());
                xml.attribute("source", edge.source());
                xml.attribute("target", edge.target());
                data(xml, "edge", "label", edge.label());
                data(xml, "edge", "weight", Double.toString(edge.weight()));
                values(xml, "edge", graph.edgeKeys(), edge.attributes());
                xml.end();
            }
            xml.end();
            xml.end();
        }
    }

    private static String type(String key) {
        return switch (Attributes.type(key)) {
            case STRING, DATE -> "string";
            case INTEGER -> "int";
            case DOUBLE -> "double";
        };
    }

    /** Node and edge keys share names, so their ids say which they are for: "node.kind", "edge.kind". */
    private static void key(XmlOut xml, String domain, String name, String type) throws IOException {
        xml.empty("key");
        xml.attribute("id", domain + "." + name);
        xml.attribute("for", domain);
        xml.attribute("attr.name", name);
        xml.attribute("attr.type", type);
    }

    private static void values(XmlOut xml, String domain, List<String> keys, Map<String, Object> values)
            throws IOException {
        for (String k : keys) {
            if (values.containsKey(k)) data(xml, domain, k, values.get(k).toString());
        }
    }

    private static void data(XmlOut xml, String domain, String name, String value) throws IOException {
        xml.start("data");
        xml.attribute("key", domain + "." + name);
        xml.text(value);
        xml.end();
    }
}
