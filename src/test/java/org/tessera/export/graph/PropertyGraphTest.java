package org.tessera.export.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A view keeps the edges between its nodes, and refuses elements out of id order or with an id taken. */
class PropertyGraphTest {
    private static GraphNode node(String id) {
        return new GraphNode(id, id, Map.of("kind", "actor"));
    }

    private static GraphEdge edge(String source, String target) {
        return new GraphEdge(source + " tie " + target, source, target, "tie", 1.0, Map.of("kind", "tie", "events", 2L));
    }

    @Test
    void keepsTheEdgesBetweenItsNodes() {
        try (PropertyGraph graph = PropertyGraph.induced("g", false, false, Stream.of(node("a"), node("b")),
                () -> Stream.of(edge("a", "b"), edge("a", "z"), edge("b", "a")))) {
            List<String> edges = StreamSupport.stream(graph.edges().spliterator(), false).map(GraphEdge::id).toList();
            assertEquals(List.of("a tie b", "b tie a"), edges);
            assertEquals(2, graph.nodeCount());
            assertEquals(List.of("kind"), graph.nodeKeys());
            assertEquals(List.of("kind", "events"), graph.edgeKeys());
        }
    }

    @Test
    void refusesATakenIdAndElementsOutOfOrder() {
        IllegalStateException twice = assertThrows(IllegalStateException.class, () ->
                PropertyGraph.induced("g", false, false, Stream.of(node("a"), node("a")), Stream::empty));
        assertTrue(twice.getMessage().contains("Two nodes have the id a"), twice.getMessage());
        IllegalStateException order = assertThrows(IllegalStateException.class, () ->
                PropertyGraph.induced("g", false, false, Stream.of(node("b"), node("a")), Stream::empty));
        assertTrue(order.getMessage().contains("not in id order"), order.getMessage());
        IllegalStateException edges = assertThrows(IllegalStateException.class, () ->
                PropertyGraph.induced("g", false, false, Stream.of(node("a"), node("b")),
                        () -> Stream.of(edge("b", "a"), edge("a", "b"))));
        assertTrue(edges.getMessage().contains("edges are not in id order"), edges.getMessage());
    }
}
