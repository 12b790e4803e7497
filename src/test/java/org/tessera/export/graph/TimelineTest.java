package org.tessera.export.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
        return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow().attributes();
    }

    @Test
    void anActorSpansItsEventsAndAnOpenBoundStaysOpen() {
        GraphNode siege = node("e:siege", Map.of("kind", "event", "start", "2016-10-17", "end", "2017-07-10"));
        GraphNode founding = node("e:founding", Map.of("kind", "event", "start", "2014-06-01"));
        GraphNode isis = node("a:isis", Map.of("kind", "actor"));
        GraphNode army = node("a:army", Map.of("kind", "actor"));
        GraphNode idle = node("a:idle", Map.of("kind", "actor"));
        PropertyGraph graph = Timeline.of("t", true, List.of(siege, founding), List.of(isis, army, idle),
                List.of(edge("e:siege", "a:isis"), edge("e:founding", "a:isis"), edge("e:siege", "a:army")));
        assertEquals(Map.of("kind", "actor", "start", "2014-06-01"), attributesOf(graph, "a:isis"));
        assertEquals(Map.of("kind", "actor", "start", "2016-10-17", "end", "2017-07-10"), attributesOf(graph, "a:army"));
        assertEquals(List.of("a:army", "a:isis", "e:founding", "e:siege"), graph.nodes().stream().map(GraphNode::id).toList(),
                "an actor without a dated event is left out");
        GraphEdge armyEdge = graph.edges().stream().filter(e -> e.target().equals("a:army")).findFirst().orElseThrow();
        assertEquals("2017-07-10", armyEdge.attributes().get("end"), "an edge lasts as long as its event");
        assertEquals(true, graph.dynamic());
    }
}
