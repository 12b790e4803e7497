package org.tessera.export.graph;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every attribute a view may give its nodes and edges, with its type, in the
 * order in which files declare and list them. One schema for all views and
 * formats, so that an attribute has the same name and type wherever it appears.
 */
final class Attributes {
    private Attributes() {}

    /** DATE values are ISO 8601 dates (xsd:date), written as strings where a format has no date type. */
    enum Type { STRING, INTEGER, DOUBLE, DATE }

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("kind", Type.STRING);
        TYPES.put("class", Type.STRING);
        TYPES.put("event_type", Type.STRING);
        TYPES.put("role", Type.STRING);
        TYPES.put("relation_type", Type.STRING);
        TYPES.put("start", Type.DATE);
        TYPES.put("end", Type.DATE);
        TYPES.put("date_precision", Type.STRING);
        TYPES.put("date_text", Type.STRING);
        TYPES.put("hedge", Type.STRING);
        TYPES.put("place", Type.STRING);
        TYPES.put("lat", Type.DOUBLE);
        TYPES.put("long", Type.DOUBLE);
        TYPES.put("sources", Type.INTEGER);
        TYPES.put("events", Type.INTEGER);
        TYPES.put("relations", Type.INTEGER);
        TYPES.put("wikidata", Type.STRING);
    }

    static Type type(String key) {
        Type type = TYPES.get(key);
        if (type == null) throw new IllegalStateException("No attribute '" + key + "' in the export schema");
        return type;
    }

    /** The given keys in schema order. */
    static List<String> ordered(Collection<String> keys) {
        return TYPES.keySet().stream().filter(keys::contains).toList();
    }
}
