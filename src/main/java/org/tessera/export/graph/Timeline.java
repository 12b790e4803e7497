package org.tessera.export.graph;

import org.apache.jena.atlas.iterator.PeekIterator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

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

    /**
     * Events, the nodes their edges may reach, and edges from events: the edges that leave a given
     * event are kept. Each stream in id order. The events and the edges kept wait in temporary files
     * while the spans are worked out; what stays in memory is the span of each event and of each
     * node reached.
     */
    static PropertyGraph of(String name, boolean directed, Supplier<Stream<GraphNode>> events,
                            Supplier<Stream<GraphNode>> others, Supplier<Stream<GraphEdge>> edges) {
        try (ElementSpool<GraphNode> eventSpool = ElementSpool.nodes(); ElementSpool<GraphEdge> timed = ElementSpool.edges()) {
            Map<String, Span> eventSpans = new HashMap<>();
            try (Stream<GraphNode> all = events.get()) {
                all.forEach(event -> {
                    eventSpans.put(event.id(), Span.of(event.attributes()));
                    eventSpool.add(event);
                });
            }
            Map<String, Span> reached = new HashMap<>();
            try (Stream<GraphEdge> all = edges.get()) {
                all.forEach(edge -> {
                    Span span = eventSpans.get(edge.source());
                    if (span == null) return;
                    timed.add(edge.with(span.attributes()));
                    reached.merge(edge.target(), span, Span::hull);
                });
            }
            eventSpans.clear();
            Stream<GraphNode> reachedOthers = others.get().filter(n -> reached.containsKey(n.id()))
                    .map(n -> n.with(reached.get(n.id()).attributes()));
            return PropertyGraph.induced(name, directed, true, mergeById(eventSpool.stream(), reachedOthers), timed::stream);
        }
    }

    /** Two streams in id order as one; closing it closes both. */
    private static Stream<GraphNode> mergeById(Stream<GraphNode> a, Stream<GraphNode> b) {
        PeekIterator<GraphNode> left = PeekIterator.create(a.iterator());
        PeekIterator<GraphNode> right = PeekIterator.create(b.iterator());
        return Pull.stream(() -> {
            if (!left.hasNext()) return right.hasNext() ? right.next() : null;
            if (!right.hasNext() || left.peek().id().compareTo(right.peek().id()) <= 0) return left.next();
            return right.next();
        }).onClose(() -> {
            try (a) {
                b.close();
            }
        });
    }
}
