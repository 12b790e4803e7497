package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.tessera.support.Fingerprint;
import org.tessera.support.FingerprintCounters;
import org.tessera.vocabulary.Terms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts the events placed in each place or anywhere within it, for the data cube the VoID
 * graph carries ({@link EntityCubeWriter}): what {@code place-hierarchy} would otherwise count
 * by walking up from every event. An event counts when it is typed {@code tes:Event} and has a
 * {@code tes:place}; it counts once in that place and once in each place the place is within
 * ({@code tes:within*}, from {@link EventCounts.Places}).
 * <p>
 * A source's events are all in its own graph, so the counts of two graphs add. The totals are
 * kept by the fingerprint of each place's IRI ({@link FingerprintCounters}), not by the place:
 * a million events have some 390,000 places. Each graph is counted on its own, on any thread
 * ({@link #cellsOf}), and added in order ({@link #add}).
 */
public final class PlaceCounts {
    private final EventCounts.Places places;
    private final FingerprintCounters events = new FingerprintCounters(1);

    public PlaceCounts(EventCounts.Places places) {
        this.places = places;
    }

    /** The events of one graph in each place, by the fingerprint of the place's IRI. Only reads the places: any thread. */
    public Map<Fingerprint, Long> cellsOf(Iterable<Quad> graph) {
        Set<Node> typedEvents = new HashSet<>();
        Map<Node, Set<Node>> placesOfEvent = new HashMap<>();
        for (Quad q : graph) {
            if (q.getPredicate().equals(Terms.TYPE) && q.getObject().equals(Terms.EVENT)) typedEvents.add(q.getSubject());
            else if (q.getPredicate().equals(Terms.PLACE) && q.getObject().isURI()) {
                placesOfEvent.computeIfAbsent(q.getSubject(), e -> new HashSet<>()).add(q.getObject());
            }
        }
        Map<Fingerprint, Long> cells = new HashMap<>();
        placesOfEvent.forEach((event, eventPlaces) -> {
            if (!typedEvents.contains(event)) return;
            // Once for each place the event is in or within, however many paths lead there.
            Set<Node> reached = new HashSet<>();
            eventPlaces.forEach(place -> reached.addAll(places.chain(place)));
            reached.forEach(place -> cells.merge(Fingerprint.of(place.getURI()), 1L, Long::sum));
        });
        return cells;
    }

    /** Adds the counts of one graph. */
    public void add(Map<Fingerprint, Long> cells) {
        cells.forEach((place, count) -> events.add(place, 0, count));
    }

    /** The events in {@code place} or within it: 0 for a place none is. */
    public long events(Node place) {
        return events.get(Fingerprint.of(place.getURI()), 0);
    }

}
