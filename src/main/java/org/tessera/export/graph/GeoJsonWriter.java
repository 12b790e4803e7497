package org.tessera.export.graph;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * GeoJSON (RFC 7946) for QGIS and web maps: a FeatureCollection with one Point
 * feature per node that has coordinates (places, and events at their place),
 * [longitude, latitude] in WGS 84, with the node's attributes as properties.
 * Nodes without coordinates are left out; edges are not drawn.
 */
final class GeoJsonWriter implements GraphWriter {
    @Override
    public void write(PropertyGraph graph, Path out) throws IOException {
        try (JsonGenerator json = JsonOut.create(out)) {
            json.writeStartObject();
            JsonOut.field(json, "type", "FeatureCollection");
            json.writeFieldName("features");
            json.writeStartArray();
            for (GraphNode node : graph.nodes()) {
                if (node.attributes().containsKey("lat") && node.attributes().containsKey("long")) feature(json, graph, node);
            }
            json.writeEndArray();
            JsonOut.finish(json);
        }
    }

    private static void feature(JsonGenerator json, PropertyGraph graph, GraphNode node) throws IOException {
        json.writeStartObject();
        JsonOut.field(json, "type", "Feature");
        JsonOut.field(json, "id", node.id());
        json.writeFieldName("geometry");
        json.writeStartObject();
        JsonOut.field(json, "type", "Point");
        json.writeFieldName("coordinates");
        json.writeStartArray();
        json.writeNumber((Double) node.attributes().get("long"));
        json.writeNumber((Double) node.attributes().get("lat"));
        json.writeEndArray();
        json.writeEndObject();
        json.writeFieldName("properties");
        json.writeStartObject();
        JsonOut.field(json, "label", node.label());
        for (String key : graph.nodeKeys()) {
            if (!key.equals("lat") && !key.equals("long") && node.attributes().containsKey(key)) {
                JsonOut.field(json, key, node.attributes().get(key));
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
