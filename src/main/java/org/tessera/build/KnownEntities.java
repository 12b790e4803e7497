package org.tessera.build;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.tessera.vocabulary.Terms;

import java.util.function.Consumer;

/**
 * The actors and places of a dataset, for the data cubes that count by actor and by place
 * ({@link ActorCounts}, {@link PlaceCounts}): those keep the counts by fingerprint only, and
 * the cube writers ask for each actor and place known. In any order: the VoID graph is sorted
 * before it is written.
 */
public interface KnownEntities {
    void forEachActor(Consumer<Node> action);

    void forEachPlace(Consumer<Node> action);

    /** The subjects a graph (the shared graph, materialised) types {@code tes:Actor} and {@code tes:Place}. */
    static KnownEntities in(Graph graph) {
        return new KnownEntities() {
            public void forEachActor(Consumer<Node> action) {
                graph.find(Node.ANY, Terms.TYPE, Terms.ACTOR_CLASS).forEach(t -> action.accept(t.getSubject()));
            }

            public void forEachPlace(Consumer<Node> action) {
                graph.find(Node.ANY, Terms.TYPE, Terms.PLACE_CLASS).forEach(t -> action.accept(t.getSubject()));
            }
        };
    }
}
