package org.tessera.build;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.tessera.model.Actor;
import org.tessera.model.Annotations;
import org.tessera.model.SourceAccount;
import org.tessera.validate.Evidence;
import org.tessera.vocabulary.OntologyTerms;

import java.util.Set;
import java.util.stream.Collectors;

import static org.tessera.vocabulary.Terms.*;

/**
 * Turns validated annotations into the dataset: one named graph per source, a
 * shared graph of actors and places, and the ontology graph; then materialises
 * the standard types and properties the ontology aligns ours to.
 * <pre>{@code DatasetGraph ds = new GraphBuilder(iris, terms).build(annotations, evidence);}</pre>
 */
public final class GraphBuilder {
    private final Iris iris;
    private final OntologyTerms terms;

    public GraphBuilder(Iris iris, OntologyTerms terms) {
        this.iris = iris;
        this.terms = terms;
    }

    public DatasetGraph build(Annotations annotations, Evidence evidence) {
        // A plain in-memory dataset (a hash-indexed graph per name): the build adds millions of quads from
        // one thread and nothing reads it concurrently. The transactional one took 5 to 10 times longer per
        // add and most of the build (BENCHMARKS.md); the output is sorted, so it does not depend on this.
        DatasetGraph dataset = DatasetGraphFactory.create();
        Graph ontology = terms.graph();
        ontology.find().forEach(t -> dataset.add(iris.ontologyGraph(), t.getSubject(), t.getPredicate(), t.getObject()));

        QuadSink shared = new QuadSink(dataset, iris.sharedGraph());
        SharedEntityWriter entities = new SharedEntityWriter(iris, terms);
        entities.actors(shared, annotations.actors());
        entities.places(shared, annotations.places());
        if (annotations.dataset() != null) {
            Node d = iris.dataset();
            shared.english(d, DC_TITLE, annotations.dataset().title());
            shared.english(d, DC_DESCRIPTION, annotations.dataset().description());
            if (annotations.dataset().license() != null) {
                shared.add(d, DC_LICENSE, org.apache.jena.graph.NodeFactory.createURI(annotations.dataset().license()));
            }
        }

        Set<String> actorIds = annotations.actors().stream().map(Actor::id).collect(Collectors.toSet());
        AccountWriter accounts = new AccountWriter(iris, terms, evidence, actorIds);
        for (SourceAccount account : annotations.sources()) {
            accounts.write(new QuadSink(dataset, iris.sourceGraph(account.source().id())), account);
        }
        new Materializer(ontology).materialize(dataset, iris.ontologyGraph());
        new VoidWriter(iris).write(dataset, annotations.dataset());
        return dataset;
    }
}
