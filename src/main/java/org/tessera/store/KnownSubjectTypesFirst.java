package org.tessera.store;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.optimizer.reorder.PatternTriple;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderFixed;
import org.apache.jena.vocabulary.RDF;

/**
 * Jena's fixed order for the patterns of a basic graph pattern, TDB2's default, with one
 * pattern weighed as what it is: the types of a known subject ({@code :s rdf:type ?class}).
 * Jena's {@link ReorderFixed} gives it the weight of every typing in the store
 * ({@code ?s rdf:type ?class}, 50), the worst there is, so that a query which finds a
 * resource and then its kind in the ontology ({@code ?hit a ?class . ?class
 * rdfs:isDefinedBy <ontology>}) lists every term of the ontology for each resource before it
 * looks at the resource's types. A known subject has a few types (six for an actor, with the
 * super-classes and aligned classes the converter writes): more than it has values of most
 * properties ({@code :s :p ?o}, 2), usually fewer than the subjects of a property and value
 * ({@code ?s :p :o}, 3). It weighs in between: an actor's label comes before its types.
 */
public final class KnownSubjectTypesFirst extends ReorderFixed {
    /** Between ReorderFixed's {@code :s :p ?o} (2) and {@code ?s :p :o} (3). */
    static final double KNOWN_SUBJECT_TYPES_WEIGHT = 2.5;
    private static final Node TYPE = RDF.Nodes.type;

    @Override
    public double weight(PatternTriple pattern) {
        boolean typesOfKnownSubject = !pattern.subject.isVar() && pattern.predicate.isNode()
                && TYPE.equals(pattern.predicate.getNode()) && pattern.object.isVar();
        return typesOfKnownSubject ? KNOWN_SUBJECT_TYPES_WEIGHT : super.weight(pattern);
    }
}
