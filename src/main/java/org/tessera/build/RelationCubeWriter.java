package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.tessera.vocabulary.Namespaces;

import java.util.Map;

import static org.tessera.build.Cubes.qb;
import static org.tessera.build.Cubes.tes;

/**
 * Writes the relations counted by type ({@link RelationCounts}) as an RDF Data Cube (W3C,
 * {@code qb:}) of the ontology's structure {@code tes:relationCountsStructure}: one
 * {@code qb:Observation} per relation type, with the number of relations, of distinct pairs
 * of actors, of sources and of hedged relations.
 * <pre>{@code <…/dataset/relation-counts/foughtAgainst> a qb:Observation ;
 *     qb:dataSet <…/dataset/relation-counts> ; tes:refRelationType tes:foughtAgainst ;
 *     tes:relationCount 36 ; tes:actorPairCount 26 ; tes:sourceCount 5 ; tes:hedgedRelationCount 2 .}</pre>
 */
final class RelationCubeWriter {
    static final String NAME = "relation-counts";

    private final Iris iris;

    RelationCubeWriter(Iris iris) {
        this.iris = iris;
    }

    void write(QuadSink sink, Map<Node, RelationCounts.Count> types) {
        Node cube = Cubes.dataSet(iris, sink, NAME, "relationCountsStructure", "Relations by type");
        types.forEach((type, count) -> {
            Node observation = Cubes.observation(cube, Cubes.key(type, Namespaces.TES));
            sink.add(observation, RDF.Nodes.type, qb("Observation"));
            sink.add(observation, qb("dataSet"), cube);
            sink.add(observation, tes("refRelationType"), type);
            sink.integer(observation, tes("relationCount"), count.relations());
            sink.integer(observation, tes("actorPairCount"), count.actorPairs());
            sink.integer(observation, tes("sourceCount"), count.sources());
            sink.integer(observation, tes("hedgedRelationCount"), count.hedged());
        });
    }
}
