package org.tessera.export.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Graphviz DOT: a digraph (or graph) whose node names are the IRIs, with the label
 * and every attribute as node and edge attributes. Weights that are whole numbers
 * are written as integers, which dot requires.
 */
final class DotWriter implements GraphWriter {
    @Override
    public void write(PropertyGraph graph, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write((graph.directed() ? "digraph " : "graph ") + quote(graph.name()) + " {\n");
            for (GraphNode node : graph.nodes()) {
                List<String> attributes = new ArrayList<>(List.of("label=" + quote(node.label())));
                add(attributes, graph.nodeKeys(), node.attributes());
                w.write("  " + quote(node.id()) + " [" + String.join(", ", attributes) + "];\n");
            }
            String arrow = graph.directed() ? " -> " : " -- ";
            for (GraphEdge edge : graph.edges()) {
                List<String> attributes = new ArrayList<>(List.of("id=" + quote(edge.id()),
                        "label=" + quote(edge.label()), "weight=" + quote(weight(edge.weight()))));
                add(attributes, graph.edgeKeys(), edge.attributes());
                w.write("  " + quote(edge.source()) + arrow + quote(edge.target())
                        + " [" + String.join(", ", attributes) + "];\n");
            }
            w.write("}\n");
        }
    }

    private static void add(List<String> attributes, List<String> keys, Map<String, Object> values) {
        for (String key : keys) {
            if (values.containsKey(key)) attributes.add(key + "=" + quote(values.get(key).toString()));
        }
    }

    private static String weight(double weight) {
        return weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight);
    }

    /**
     * A DOT quoted string. Backslashes are doubled and line breaks written as \n,
     * because Graphviz reads labels as escape strings (\n, \l, \N...), and a quote
     * is escaped. A character XML cannot hold becomes U+FFFD, as in the XML formats,
     * since Graphviz copies labels into SVG.
     */
    static String quote(String value) {
        StringBuilder b = new StringBuilder("\"");
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.appendCodePoint(XmlOut.allowed(c) ? c : '\uFFFD');
            }
        }
        return b.append('"').toString();
    }
}
