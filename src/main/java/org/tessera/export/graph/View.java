package org.tessera.export.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The views of the dataset that can be exported, each with the formats that suit it. */
enum View {
    /** Actors, places, events and sources, with every link between them. */
    FULL("full", true, List.of("gexf", "graphml", "cytoscape", "csv", "dot"),
            List.of("entities", "events", "participations", "relations", "links")) {
        @Override
        PropertyGraph build(GraphQueries q) {
            return graph(q.nodes("entities", "events"), () -> q.edges("participations", "relations", "links"));
        }
    },
    /** Actors, tied by relations and by taking part in the same events. */
    ACTORS("actors", false, List.of("gexf", "graphml", "cytoscape", "csv", "dot"), List.of("entities", "ties")) {
        @Override
        PropertyGraph build(GraphQueries q) {
            return graph(q.nodes("entities").filter(n -> n.kind().equals("actor")), () -> q.edges("ties"));
        }
    },
    /** Events that have a place, and places with the places they are within: for maps. */
    EVENTS_PLACES("events-places", true, List.of("geojson", "gexf", "graphml", "cytoscape", "csv", "dot"),
            List.of("events", "entities", "links")) {
        @Override
        PropertyGraph build(GraphQueries q) {
            return graph(q.nodes("events", "entities").filter(n -> n.kind().equals("event")
                            ? n.attributes().containsKey("place") : n.kind().equals("place")),
                    () -> q.edges("links").filter(e -> Set.of("place", "within").contains(e.kind())));
        }
    },
    /** Dated events with their actors and places, each existing over the time its events span. */
    TIMELINE("timeline", true, List.of("gexf", "graphml", "cytoscape", "csv"),
            List.of("events", "participations", "links", "entities")) {
        @Override
        PropertyGraph build(GraphQueries q) {
            return Timeline.of(graphName(), directed,
                    () -> q.nodes("events").filter(n -> n.attributes().containsKey("start") || n.attributes().containsKey("end")),
                    () -> q.nodes("entities"),
                    () -> q.edges("participations", "links").filter(e -> Set.of("participation", "place").contains(e.kind())));
        }
    };

    final String id;
    final boolean directed;
    final List<String> formats;
    /** The export queries the view reads, in the order it reads them, so that they can run ahead of it; each once. */
    final List<String> queries;

    View(String id, boolean directed, List<String> formats, List<String> queries) {
        this.id = id;
        this.directed = directed;
        this.formats = formats;
        this.queries = queries;
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

    PropertyGraph graph(Stream<GraphNode> nodes, Supplier<Stream<GraphEdge>> edges) {
        return PropertyGraph.induced(graphName(), directed, false, nodes, edges);
    }
}
