package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

import static org.tessera.build.Cubes.qb;
import static org.tessera.build.Cubes.tes;

/**
 * Writes the two RDF Data Cubes (W3C, {@code qb:}) that count by entity, one
 * {@code qb:Observation} for each known place or actor that has a count:
 * <ul>
 *   <li>the events in each place or within it ({@link PlaceCounts}), of the ontology's
 *       structure {@code tes:placeCountsStructure};</li>
 *   <li>the events and sources of each actor ({@link ActorCounts}), of the structure
 *       {@code tes:actorCountsStructure}.</li>
 * </ul>
 * <pre>{@code <…/dataset/place-counts/iraq> a qb:Observation ;
 *     qb:dataSet <…/dataset/place-counts> ; tes:refPlace <…/place/iraq> ; tes:eventCount 40 .
 * <…/dataset/actor-counts/isis> a qb:Observation ;
 *     qb:dataSet <…/dataset/actor-counts> ; tes:refActor <…/actor/isis> ; tes:eventCount 61 ; tes:sourceCount 5 .}</pre>
 * The observations come in the order the entities do; the VoID graph is sorted before it is written.
 */
final class EntityCubeWriter {
    static final String PLACES = "place-counts";
    static final String ACTORS = "actor-counts";

    private final Iris iris;
    private final KnownEntities known;

    EntityCubeWriter(Iris iris, KnownEntities known) {
        this.iris = iris;
        this.known = known;
    }

    void places(QuadSink sink, PlaceCounts counts) {
        Node cube = Cubes.dataSet(iris, sink, PLACES, "placeCountsStructure", "Events by place, with the places within it");
        known.forEachPlace(place -> {
            long events = counts.events(place);
            if (events == 0) return;
            Node observation = observation(sink, cube, Cubes.placeKey(iris, place, null));
            sink.add(observation, tes("refPlace"), place);
            sink.integer(observation, tes("eventCount"), events);
        });
    }

    void actors(QuadSink sink, ActorCounts counts) {
        Node cube = Cubes.dataSet(iris, sink, ACTORS, "actorCountsStructure", "Events and sources by actor");
        String actors = iris.actor("").getURI();
        known.forEachActor(actor -> {
            ActorCounts.Count count = counts.of(actor);
            if (count.events() == 0 && count.sources() == 0) return;
            Node observation = observation(sink, cube, Cubes.key(actor, actors));
            sink.add(observation, tes("refActor"), actor);
            sink.integer(observation, tes("eventCount"), count.events());
            sink.integer(observation, tes("sourceCount"), count.sources());
        });
    }

    private static Node observation(QuadSink sink, Node cube, String key) {
        Node observation = Cubes.observation(cube, key);
        sink.add(observation, RDF.Nodes.type, qb("Observation"));
        sink.add(observation, qb("dataSet"), cube);
        return observation;
    }
}
