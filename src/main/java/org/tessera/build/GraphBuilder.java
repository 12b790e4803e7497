package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.tessera.model.Actor;
import org.tessera.model.Annotations;
import org.tessera.model.DatasetInfo;
import org.tessera.model.Place;
import org.tessera.model.SourceAccount;
import org.tessera.validate.Evidence;
import org.tessera.vocabulary.OntologyTerms;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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

    private final Materializer materializer;

    public GraphBuilder(Iris iris, OntologyTerms terms) {
        this.iris = iris;
        this.terms = terms;
        this.materializer = new Materializer(terms.graph());
    }

    public DatasetGraph build(Annotations annotations, Evidence evidence) {
        // A plain in-memory dataset (a hash-indexed graph per name): the build adds millions of quads from
        // one thread and nothing reads it concurrently. The transactional one took 5 to 10 times longer per
        // add and most of the build (BENCHMARKS.md); the output is sorted, so it does not depend on this.
        DatasetGraph dataset = DatasetGraphFactory.create();
        ontology(dataset);
        sharedEntities(dataset, annotations.actors(), annotations.places());
        datasetInfo(dataset, annotations.dataset());
        Set<String> actorIds = annotations.actors().stream().map(Actor::id).collect(Collectors.toSet());
        for (SourceAccount account : annotations.sources()) account(dataset, account, evidence, actorIds::contains);
        materializer.materialize(dataset, iris.ontologyGraph());
        new VoidWriter(iris).write(dataset, annotations.dataset());
        return dataset;
    }

    /** Adds the ontology graph. */
    public void ontology(DatasetGraph dataset) {
        terms.graph().find().forEach(t -> dataset.add(iris.ontologyGraph(), t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /** Adds actors and places to the shared graph, not yet materialised. */
    public void sharedEntities(DatasetGraph dataset, List<Actor> actors, List<Place> places) {
        QuadSink shared = new QuadSink(dataset, iris.sharedGraph());
        SharedEntityWriter entities = new SharedEntityWriter(iris, terms);
        entities.actors(shared, actors);
        entities.places(shared, places);
    }

    /** Adds the dataset's title, description and license to the shared graph. */
    public void datasetInfo(DatasetGraph dataset, DatasetInfo info) {
        if (info == null) return;
        QuadSink shared = new QuadSink(dataset, iris.sharedGraph());
        Node d = iris.dataset();
        shared.english(d, DC_TITLE, info.title());
        shared.english(d, DC_DESCRIPTION, info.description());
        if (info.license() != null) shared.add(d, DC_LICENSE, NodeFactory.createURI(info.license()));
    }

    /** Adds one source's account to its graph, not yet materialised. */
    public void account(DatasetGraph dataset, SourceAccount account, Evidence evidence, Predicate<String> isActor) {
        new AccountWriter(iris, terms, evidence, isActor).write(new QuadSink(dataset, iris.sourceGraph(account.source().id())), account);
    }

    /** Adds the types and properties the ontology puts above ours, in every graph but the ontology's. */
    public void materialize(DatasetGraph dataset) {
        materializer.materialize(dataset, iris.ontologyGraph());
    }

    /** A type with every class above it in the ontology. */
    public Set<Node> withSuperClasses(Node type) {
        return materializer.withSuperClasses(type);
    }
}
