package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

import java.util.List;
import java.util.Map;

/**
 * The counts the converter writes into the VoID graph as data cubes: the events by type,
 * year and place ({@link EventCounts}) and the relations by type ({@link RelationCounts}).
 * Each source's graph is counted on a worker thread ({@link #of}), and added on the writing
 * thread in order ({@link #add}).
 */
public final class CubeCounts {
    /** What one source's graph gives each cube. */
    public record OfGraph(Map<EventCounts.Cell, EventCounts.Count> events, Map<Node, RelationCounts.OfGraph> relations) {}

    private final EventCounts events;
    private final RelationCounts relations = new RelationCounts();

    public CubeCounts(EventCounts.Places places) {
        this.events = new EventCounts(places);
    }

    /** Reads the graph once for each cube: a graph's quads are in memory, and a pass costs little beside building them. */
    public OfGraph of(List<Quad> graph) {
        return new OfGraph(events.cellsOf(graph), relations.cellsOf(graph));
    }

    public void add(OfGraph graph) {
        events.add(graph.events());
        relations.add(graph.relations());
    }

    public EventCounts events() {
        return events;
    }

    public RelationCounts relations() {
        return relations;
    }
}
