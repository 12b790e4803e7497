package org.tessera.export.graph;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A spool gives back what it was given, in order, with each value's type, as often as asked. */
class ElementSpoolTest {
    @Test
    void nodesComeBackTheSameTwice() throws Exception {
        String long100k = "é".repeat(100_000);
        List<GraphNode> nodes = List.of(
                new GraphNode("a", null, Map.of()),
                new GraphNode("b", long100k, Map.of("kind", "event", "start", "2016-10-17", "sources", 3L, "lat", 36.34)),
                new GraphNode("c", "𝔠 label", Map.of("wikidata", "Q1")));
        try (ElementSpool<GraphNode> spool = ElementSpool.nodes()) {
            nodes.forEach(spool::add);
            for (int pass = 0; pass < 2; pass++) {
                try (Stream<GraphNode> back = spool.stream()) {
                    assertEquals(nodes, back.toList());
                }
            }
            assertEquals(3, spool.size());
            assertEquals(List.of("kind", "start", "lat", "sources", "wikidata"), spool.keys(), "the keys in schema order");
            assertThrows(IllegalStateException.class, () -> spool.add(nodes.get(0)), "nothing is added once read");
        }
    }

    @Test
    void edgesComeBackTheSameFromAFileThatNoKillCanLeaveBehind() {
        GraphEdge edge = new GraphEdge("e", "a", "b", "agent", 2.5, Map.of("kind", "participation", "events", 7L));
        try (ElementSpool<GraphEdge> spool = ElementSpool.edges()) {
            spool.add(edge);
            assertFalse(Files.exists(spool.file()), "the file has no name while it is open, so a killed export leaves none");
            try (Stream<GraphEdge> back = spool.stream()) {
                assertEquals(List.of(edge), back.toList());
            }
        }
    }
}
