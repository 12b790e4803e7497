package org.tessera.export.graph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * GEXF 1.2 for Gephi (and networkx, sigma.js). Version 1.2 rather than 1.3
 * because networkx reads only 1.1 and 1.2; 1.2 has all we use: typed attribute
 * declarations and, for a dynamic graph, start and end dates on nodes and edges,
 * which Gephi's timeline plays. GEXF has no date attribute type: dates are strings.
 */
final class GexfWriter implements GraphWriter {
    private static final String NS = "http://www.gexf.net/1.2draft";

    @Override
    public void write(PropertyGraph graph, Path out) throws IOException {
        try (XmlOut xml = XmlOut.create(out, "gexf", NS)) {
            xml.attribute("version", "1.2");
            xml.start("meta");
            xml.element("creator", "Tessera");
            xml.element("description", graph.name());
            xml.end();
            xml.start("graph");
            xml.attribute("defaultedgetype", graph.directed() ? "directed" : "undirected");
            xml.attribute("mode", graph.dynamic() ? "dynamic" : "static");
            if (graph.dynamic()) xml.attribute("timeformat", "date");
            declare(xml, "node", graph.nodeKeys());
            declare(xml, "edge", graph.edgeKeys());
            xml.start("nodes");
            for (GraphNode node : graph.nodes()) {
                xml.start("node");
                xml.attribute("id", node.id());
                xml.attribute("label", node.label());
                if (graph.dynamic()) time(xml, node.attributes());
                values(xml, graph.nodeKeys(), node.attributes());
                xml.end();
            }
            xml.end();
            xml.start("edges");
            for (GraphEdge edge : graph.edges()) {
                xml.start("edge");
                xml.attribute("id", edge.id());
                xml.attribute("source", edge.source());
                xml.attribute("target", edge.target());
                xml.attribute("label", edge.label());
                xml.attribute("weight", Double.toString(edge.weight()));
                if (graph.dynamic()) time(xml, edge.attributes());
                values(xml, graph.edgeKeys(), edge.attributes());
                xml.end();
            }
            xml.end();
            xml.end();
            xml.end();
        }
    }

    private static void declare(XmlOut xml, String kind, List<String> keys) throws IOException {
        if (keys.isEmpty()) return;
        xml.start("attributes");
        xml.attribute("class", kind);
        xml.attribute("mode", "static");
        for (String key : keys) {
            xml.empty("attribute");
            xml.attribute("id", key);
            xml.attribute("title", key);
            xml.attribute("type", switch (Attributes.type(key)) {
                case STRING, DATE -> "string";
                case INTEGER -> "integer";
                case DOUBLE -> "double";
            });
        }
        xml.end();
    }

    /** When an element of a dynamic graph exists; an absent bound is open. */
    private static void time(XmlOut xml, Map<String, Object> values) throws IOException {
        if (values.containsKey("start")) xml.attribute("start", (String) values.get("start"));
        if (values.containsKey("end")) xml.attribute("end", (String) values.get("end"));
    }

    private static void values(XmlOut xml, List<String> keys, Map<String, Object> values) throws IOException {
        if (values.isEmpty()) return;
        xml.start("attvalues");
        for (String key : keys) {
            if (!values.containsKey(key)) continue;
            xml.empty("attvalue");
            xml.attribute("for", key);
            xml.attribute("value", values.get(key).toString());
        }
        xml.end();
    }
}
