package org.tessera.export.graph;

import java.util.HashMap;
import java.util.Map;

/** An edge of an exported view, between two node ids; attributes as for {@link GraphNode}. */
record GraphEdge(String id, String source, String target, String label, double weight, Map<String, Object> attributes) {
    GraphEdge {
        attributes = Map.copyOf(attributes);
    }

    String kind() {
        return (String) attributes.get("kind");
    }

    GraphEdge with(Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(attributes);
        all.putAll(more);
        return new GraphEdge(id, source, target, label, weight, all);
    }
}
