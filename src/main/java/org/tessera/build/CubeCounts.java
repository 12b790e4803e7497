package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.tessera.support.Fingerprint;

import java.util.List;
import java.util.Map;

/**
 * The counts the converter writes into the VoID graph as data cubes: the events by type,
 * year and place ({@link EventCounts}), the relations by type ({@link RelationCounts}), the
 * events by place ({@link PlaceCounts}) and the events and sources by actor
 * ({@link ActorCounts}). Each source's graph is counted on a worker thread ({@link #of}),
 * and added on the writing thread in order ({@link #add}).
 */
public final class CubeCounts {
    /** What one source's graph gives each cube. */
    public record OfGraph(Map<EventCounts.Cell, EventCounts.Count> events, Map<Node, RelationCounts.OfGraph> relations,
                          Map<Fingerprint, Long> places, Map<Fingerprint, ActorCounts.Count> actors) {}

    private final EventCounts events;
    private final RelationCounts relations = new RelationCounts();
    private final PlaceCounts places;
    private final ActorCounts actors = new ActorCounts();
    private final KnownEntities known;

    /** Counts with where places are, and writes the cubes by actor and place for the entities {@code known}. */
    public CubeCounts(EventCounts.Places places, KnownEntities known) {
        this.events = new EventCounts(places);
        this.places = new PlaceCounts(places);
        this.known = known;
    }

    /** Reads the graph once for each cube: a graph's quads are in memory, and a pass costs little beside building them. */
    public OfGraph of(List<Quad> graph) {
        return new OfGraph(events.cellsOf(graph), relations.cellsOf(graph), places.cellsOf(graph), actors.cellsOf(graph));
    }

    public void add(OfGraph graph) {
        events.add(graph.events());
        relations.add(graph.relations());
        places.add(graph.places());
        actors.add(graph.actors());
    }

    public EventCounts events() {
        return events;
    }

    public RelationCounts relations() {
        return relations;
    }

    public PlaceCounts places() {
        return places;
    }

    public ActorCounts actors() {
        return actors;
    }

    public KnownEntities known() {
        return known;
    }
}
