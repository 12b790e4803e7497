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
 * Counts, for each actor, the events it takes part in and the sources that mention it, for the
 * data cube the VoID graph carries ({@link EntityCubeWriter}): what {@code actors-by-kind} would
 * otherwise count by scanning every event and source.
 * <ul>
 *   <li>an event counts when it is typed {@code tes:Event} and one of its participations
 *       ({@code tes:participation/tes:actor}) names the actor, once however many roles it has;</li>
 *   <li>a source counts when it is typed {@code tes:Source} and {@code schema:mentions} the actor.</li>
 * </ul>
 * A source's events and its description are all in its own graph, so the counts of two graphs
 * add. The totals are kept by the fingerprint of each actor's IRI ({@link FingerprintCounters}):
 * a million events have some 400,000 actors. Each graph is counted on its own, on any thread
 * ({@link #cellsOf}), and added in order ({@link #add}).
 */
public final class ActorCounts {
    /** An actor's events and sources. */
    public record Count(long events, long sources) {}

    private static final int EVENTS = 0;
    private static final int SOURCES = 1;

    private final FingerprintCounters counts = new FingerprintCounters(2);

    /** The events and sources of one graph for each actor, by the fingerprint of the actor's IRI. Holds no state: any thread. */
    public Map<Fingerprint, Count> cellsOf(Iterable<Quad> graph) {
        Set<Node> typedEvents = new HashSet<>();
        Set<Node> typedSources = new HashSet<>();
        Map<Node, Set<Node>> eventsOfParticipation = new HashMap<>();
        Map<Node, Set<Node>> actorsOfParticipation = new HashMap<>();
        Map<Node, Set<Node>> mentioned = new HashMap<>();
        for (Quad q : graph) {
            Node p = q.getPredicate();
            if (p.equals(Terms.TYPE)) {
                if (q.getObject().equals(Terms.EVENT)) typedEvents.add(q.getSubject());
                else if (q.getObject().equals(Terms.SOURCE_CLASS)) typedSources.add(q.getSubject());
            } else if (p.equals(Terms.HAS_PARTICIPATION)) {
                eventsOfParticipation.computeIfAbsent(q.getObject(), x -> new HashSet<>()).add(q.getSubject());
            } else if (p.equals(Terms.ACTOR) && q.getObject().isURI()) {
                actorsOfParticipation.computeIfAbsent(q.getSubject(), x -> new HashSet<>()).add(q.getObject());
            } else if (p.equals(Terms.SCHEMA_MENTIONS) && q.getObject().isURI()) {
                mentioned.computeIfAbsent(q.getSubject(), x -> new HashSet<>()).add(q.getObject());
            }
        }
        Map<Node, Set<Node>> eventsOfActor = new HashMap<>();
        actorsOfParticipation.forEach((participation, actors) -> {
            for (Node event : eventsOfParticipation.getOrDefault(participation, Set.of())) {
                if (!typedEvents.contains(event)) continue;
                actors.forEach(actor -> eventsOfActor.computeIfAbsent(actor, a -> new HashSet<>()).add(event));
            }
        });
        Map<Node, Set<Node>> sourcesOfActor = new HashMap<>();
        mentioned.forEach((source, actors) -> {
            if (!typedSources.contains(source)) return;
            actors.forEach(actor -> sourcesOfActor.computeIfAbsent(actor, a -> new HashSet<>()).add(source));
        });
        Set<Node> actors = new HashSet<>(eventsOfActor.keySet());
        actors.addAll(sourcesOfActor.keySet());
        Map<Fingerprint, Count> cells = new HashMap<>();
        for (Node actor : actors) {
            cells.put(Fingerprint.of(actor.getURI()), new Count(eventsOfActor.getOrDefault(actor, Set.of()).size(),
                    sourcesOfActor.getOrDefault(actor, Set.of()).size()));
        }
        return cells;
    }

    /** Adds the counts of one graph. */
    public void add(Map<Fingerprint, Count> cells) {
        cells.forEach((actor, count) -> {
            counts.add(actor, EVENTS, count.events());
            counts.add(actor, SOURCES, count.sources());
        });
    }

    /** The events and sources of {@code actor}: zeros for an actor none names. */
    public Count of(Node actor) {
        Fingerprint key = Fingerprint.of(actor.getURI());
        return new Count(counts.get(key, EVENTS), counts.get(key, SOURCES));
    }
}
