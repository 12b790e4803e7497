package org.tessera.pipeline;

import org.apache.jena.graph.Node;
import org.tessera.build.Iris;
import org.tessera.build.KnownEntities;
import org.tessera.validate.ReferenceChecker;

import java.util.function.Consumer;

/**
 * The actors and places the conversion declared, from the index of ids it keeps to check
 * references: the shared graph's actors and places, without holding them a second time.
 */
final class IndexedEntities implements KnownEntities {
    private final Iris iris;
    private final ReferenceChecker references;

    IndexedEntities(Iris iris, ReferenceChecker references) {
        this.iris = iris;
        this.references = references;
    }

    @Override
    public void forEachActor(Consumer<Node> action) {
        references.forEachActorId(id -> action.accept(iris.actor(id)));
    }

    @Override
    public void forEachPlace(Consumer<Node> action) {
        references.forEachPlaceId(id -> action.accept(iris.place(id)));
    }
}
