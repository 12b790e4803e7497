package org.tessera.export.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows in id order from several queries become one element per id, with the extras of its id. */
class MergeByIdTest {
    private static Stream<Map<String, Object>> rows(String... idsAndKinds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < idsAndKinds.length; i += 2) {
            rows.add(new HashMap<>(Map.of("id", idsAndKinds[i], "kind", idsAndKinds[i + 1])));
        }
        return rows.stream();
    }

    private static MergeById.Input element(String query, Stream<Map<String, Object>> rows) {
        return new MergeById.Input(query, true, keyed(rows));
    }

    private static MergeById.Input extra(String query, Stream<Map<String, Object>> rows) {
        return new MergeById.Input(query, false, keyed(rows));
    }

    private static Stream<MergeById.Keyed> keyed(Stream<Map<String, Object>> rows) {
        return rows.map(row -> new MergeById.Keyed((String) row.remove("id"), row));
    }

    private static List<GraphNode> merge(MergeById.Input... inputs) {
        try (Stream<GraphNode> nodes = new MergeById<>(List.of(inputs), "node", (id, row) -> new GraphNode(id, null, row)).stream()) {
            return nodes.toList();
        }
    }

    @Test
    void mergesQueriesAndAddsTheExtrasOfEachId() {
        List<GraphNode> nodes = merge(
                element("actors", rows("a", "actor", "d", "actor")),
                element("events", rows("b", "event", "c", "event")),
                extra("dates", Stream.of(new HashMap<>(Map.of("id", "b", "start", "2016-01-01")),
                        new HashMap<>(Map.of("id", "bb", "start", "2017-01-01")))),
                extra("counts", Stream.of(new HashMap<>(Map.of("id", "b", "sources", 2L)), new HashMap<>(Map.of("id", "z", "sources", 1L)))));
        assertEquals(List.of("a", "b", "c", "d"), nodes.stream().map(GraphNode::id).toList(), "ids with extras only are left out");
        assertEquals(Map.of("kind", "event", "start", "2016-01-01", "sources", 2L), nodes.get(1).attributes());
        assertEquals(Map.of("kind", "actor"), nodes.get(0).attributes());
    }

    @Test
    void refusesAnIdTwiceAndRowsOutOfOrder() {
        IllegalStateException twice = assertThrows(IllegalStateException.class, () ->
                merge(element("actors", rows("a", "actor")), element("places", rows("a", "place"))));
        assertTrue(twice.getMessage().contains("Two nodes have the id a"), twice.getMessage());
        IllegalStateException order = assertThrows(IllegalStateException.class, () ->
                merge(element("actors", rows("b", "actor", "a", "actor"))));
        assertTrue(order.getMessage().contains("actors gave a after b"), order.getMessage());
    }
}
