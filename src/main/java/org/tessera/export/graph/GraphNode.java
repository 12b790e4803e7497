package org.tessera.export.graph;

import java.util.HashMap;
import java.util.Map;

/** A node of an exported view: its id is the resource's IRI; attributes hold String, Long or Double values by schema type. */
record GraphNode(String id, String label, Map<String, Object> attributes) {
    GraphNode {
        attributes = Map.copyOf(attributes);
    }

    String kind() {
        return (String) attributes.get("kind");
    }

    GraphNode with(Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(attributes);
        all.putAll(more);
        return new GraphNode(id, label, all);
    }
}
