package org.tessera.export.graph;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Cytoscape.js JSON ({@code elements.nodes[].data}, {@code elements.edges[].data}),
 * which Cytoscape.js loads with {@code cy.json()} and Cytoscape desktop imports as
 * a .cyjs network. "name" repeats the label, because Cytoscape desktop labels
 * nodes by their name.
 */
final class CytoscapeJsonWriter implements GraphWriter {
    @Override
    public void write(PropertyGraph graph, Path out) throws IOException {
        try (JsonGenerator json = JsonOut.create(out)) {
            json.writeStartObject();
            json.writeFieldName("data");
            json.writeStartObject();
            JsonOut.field(json, "name", graph.name());
            json.writeEndObject();
            json.writeFieldName("elements");
            json.writeStartObject();
            json.writeFieldName("nodes");
            json.writeStartArray();
            for (GraphNode node : graph.nodes()) {
                start(json);
                JsonOut.field(json, "id", node.id());
                JsonOut.field(json, "label", node.label());
                JsonOut.field(json, "name", node.label());
                end(json, graph.nodeKeys(), node.attributes());
            }
            json.writeEndArray();
            json.writeFieldName("edges");
            json.writeStartArray();
            for (GraphEdge edge : graph.edges()) {
                start(json);
                JsonOut.field(json, "id", edge.id());
                JsonOut.field(json, "source", edge.source());
                JsonOut.field(json, "target", edge.target());
                JsonOut.field(json, "label", edge.label());
                JsonOut.field(json, "weight", edge.weight());
                end(json, graph.edgeKeys(), edge.attributes());
            }
            json.writeEndArray();
            json.writeEndObject();
            JsonOut.finish(json);
        }
    }

    private static void start(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeFieldName("data");
        json.writeStartObject();
    }

    private static void end(JsonGenerator json, List<String> keys, Map<String, Object> values) throws IOException {
        for (String key : keys) {
            if (values.containsKey(key)) JsonOut.field(json, key, values.get(key));
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
