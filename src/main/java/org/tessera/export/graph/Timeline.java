package org.tessera.export.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The timeline view in dynamic mode: each event exists from its earliest begin to
 * its latest end, each edge from it over the same time, and each actor and place
 * over the span of the events it takes part in (an open bound stays open). The
 * spans are the elements' "start" and "end" attributes.
 */
final class Timeline {
    private Timeline() {}

    /** A time span; a null bound is open. ISO dates with four-digit years sort as text. */
    private record Span(String start, String end) {
        static Span of(Map<String, Object> attributes) {
            return new Span((String) attributes.get("start"), (String) attributes.get("end"));
        }

        Span hull(Span other) {
            String s = start == null || other.start == null ? null : min(start, other.start);
            String e = end == null || other.end == null ? null : max(end, other.end);
            return new Span(s, e);
        }

        Map<String, Object> attributes() {
            Map<String, Object> map = new HashMap<>();
            if (start != null) map.put("start", start);
            if (end != null) map.put("end", end);
            return map;
        }

        private static String min(String a, String b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        private static String max(String a, String b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    /** Events, the nodes their edges may reach, and edges from events: the edges that leave a given event are kept. */
    static PropertyGraph of(String name, boolean directed, List<GraphNode> events, List<GraphNode> others, List<GraphEdge> edges) {
        Map<String, Span> eventSpans = events.stream().collect(Collectors.toMap(GraphNode::id, n -> Span.of(n.attributes())));
        List<GraphEdge> timed = new ArrayList<>();
        Map<String, Span> reached = new HashMap<>();
        for (GraphEdge edge : edges) {
            Span span = eventSpans.get(edge.source());
            if (span == null) continue;
            timed.add(edge.with(span.attributes()));
            reached.merge(edge.target(), span, Span::hull);
        }
        List<GraphNode> nodes = new ArrayList<>(events);
        Map<String, GraphNode> byId = others.stream().collect(Collectors.toMap(GraphNode::id, Function.identity()));
        reached.forEach((id, span) -> {
            GraphNode node = byId.get(id);
            if (node != null) nodes.add(node.with(span.attributes()));
        });
        return PropertyGraph.induced(name, directed, true, nodes, timed);
    }
}
