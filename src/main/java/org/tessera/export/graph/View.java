package org.tessera.export.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The views of the dataset that can be exported, each with the formats that suit it. */
enum View {
    /** Actors, places, events and sources, with every link between them. */
    FULL("full", true, List.of("gexf", "graphml", "cytoscape", "csv", "dot")) {
        @Override
        PropertyGraph build(GraphQueries q) {
            return graph(concat(q.nodes("entities"), q.nodes("events")),
                    concat(q.edges("participations"), q.edges("relations"), q.edges("links")));
        }
    },
    /** Actors, tied by relations and by taking part in the same events. */
    ACTORS("actors", false, List.of("gexf", "graphml", "cytoscape", "csv", "dot")) {
        @Override
        PropertyGraph build(GraphQueries q) {
            return graph(only(q.nodes("entities"), n -> n.kind().equals("actor")), q.edges("ties"));
        }
    },
    /** Events that have a place, and places with the places they are within: for maps. */
    EVENTS_PLACES("events-places", true, List.of("geojson", "gexf", "graphml", "cytoscape", "csv", "dot")) {
        @Override
        PropertyGraph build(GraphQueries q) {
            return graph(concat(only(q.nodes("events"), n -> n.attributes().containsKey("place")),
                            only(q.nodes("entities"), n -> n.kind().equals("place"))),
                    only(q.edges("links"), e -> Set.of("place", "within").contains(e.kind())));
        }
    },
    /** Dated events with their actors and places, each existing over the time its events span. */
    TIMELINE("timeline", true, List.of("gexf", "graphml", "cytoscape", "csv")) {
        @Override
        PropertyGraph build(GraphQueries q) {
            return Timeline.of(graphName(), directed,
                    only(q.nodes("events"), n -> n.attributes().containsKey("start") || n.attributes().containsKey("end")),
                    q.nodes("entities"),
                    concat(q.edges("participations"), only(q.edges("links"), e -> e.kind().equals("place"))));
        }
    };

    final String id;
    final boolean directed;
    final List<String> formats;

    View(String id, boolean directed, List<String> formats) {
        this.id = id;
        this.directed = directed;
        this.formats = formats;
    }

    abstract PropertyGraph build(GraphQueries queries);

    /** The graph's name, which files carry as the network's title. */
    String graphName() {
        return "tessera-" + id;
    }

    static View of(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Unknown view '" + id + "': use " + String.join(", ", ids())));
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(v -> v.id).toList();
    }

    PropertyGraph graph(List<GraphNode> nodes, List<GraphEdge> edges) {
        return PropertyGraph.induced(graphName(), directed, false, nodes, edges);
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) all.addAll(list);
        return all;
    }

    static <T> List<T> only(List<T> list, Predicate<T> keep) {
        return list.stream().filter(keep).toList();
    }
}
