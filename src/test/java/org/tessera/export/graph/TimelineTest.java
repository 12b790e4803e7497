package org.tessera.export.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The spans of the timeline: an actor or place lasts from its first event's begin to its last event's end. */
class TimelineTest {
    private static GraphNode node(String id, Map<String, Object> attributes) {
        return new GraphNode(id, id, attributes);
    }

    private static GraphEdge edge(String from, String to) {
        return new GraphEdge(from + " participation " + to, from, to, "agent", 1.0, Map.of("kind", "participation"));
    }

    private static Map<String, Object> attributesOf(PropertyGraph graph, String id) {
        return stream(graph.nodes()).filter(n -> n.id().equals(id)).findFirst().orElseThrow().attributes();
    }

    private static <T> Stream<T> stream(Iterable<T> elements) {
        return StreamSupport.stream(elements.spliterator(), false);
    }

    @Test
    void anActorSpansItsEventsAndAnOpenBoundStaysOpen() {
        GraphNode siege = node("e:siege", Map.of("kind", "event", "start", "2016-10-17", "end", "2017-07-10"));
        GraphNode founding = node("e:founding", Map.of("kind", "event", "start", "2014-06-01"));
        GraphNode isis = node("a:isis", Map.of("kind", "actor"));
        GraphNode army = node("a:army", Map.of("kind", "actor"));
        GraphNode idle = node("a:idle", Map.of("kind", "actor"));
        // Each stream in id order, as the queries give them.
        try (PropertyGraph graph = Timeline.of("t", true, () -> Stream.of(founding, siege), () -> Stream.of(army, idle, isis),
                () -> Stream.of(edge("e:founding", "a:isis"), edge("e:siege", "a:army"), edge("e:siege", "a:isis")))) {
            assertEquals(Map.of("kind", "actor", "start", "2014-06-01"), attributesOf(graph, "a:isis"));
            assertEquals(Map.of("kind", "actor", "start", "2016-10-17", "end", "2017-07-10"), attributesOf(graph, "a:army"));
            assertEquals(List.of("a:army", "a:isis", "e:founding", "e:siege"), stream(graph.nodes()).map(GraphNode::id).toList(),
                    "an actor without a dated event is left out");
            GraphEdge armyEdge = stream(graph.edges()).filter(e -> e.target().equals("a:army")).findFirst().orElseThrow();
            assertEquals("2017-07-10", armyEdge.attributes().get("end"), "an edge lasts as long as its event");
            assertEquals(true, graph.dynamic());
        }
    }
}
