package org.tessera.build;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.tessera.model.TermKind;
import org.tessera.validate.ReferenceChecker;
import org.tessera.vocabulary.OntologyTerms;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.tessera.vocabulary.Terms.EVENT;

/**
 * The types of the actors, places and events that a part of the data points at
 * but does not describe, from the ids validation indexed: what SHACL's
 * {@code sh:class} needs to check one graph at a time, without the others.
 */
public final class ReferencedTypes {
    private final Iris iris;
    private final OntologyTerms terms;
    private final GraphBuilder builder;
    private final ReferenceChecker references;

    public ReferencedTypes(Iris iris, OntologyTerms terms, GraphBuilder builder, ReferenceChecker references) {
        this.iris = iris;
        this.terms = terms;
        this.builder = builder;
        this.references = references;
    }

    /** The types of the resources a part refers to, as triples apart from it, and those resources. */
    public record Found(Graph types, Set<Node> resources) {}

    /** The types of the known resources {@code part} refers to without typing them, with their super-classes. */
    public Found in(Graph part) {
        Set<Node> typed = new HashSet<>();
        part.find(Node.ANY, RDF.Nodes.type, Node.ANY).forEach(t -> typed.add(t.getSubject()));
        Set<Node> referenced = new HashSet<>();
        part.find().forEach(t -> {
            if (t.getSubject().isURI() && !typed.contains(t.getSubject())) referenced.add(t.getSubject());
            if (t.getObject().isURI() && !typed.contains(t.getObject())) referenced.add(t.getObject());
        });
        Graph types = GraphFactory.createDefaultGraph();
        Set<Node> elsewhere = new HashSet<>();
        for (Node node : referenced) {
            Node type = typeOf(node);
            if (type == null) continue;
            elsewhere.add(node);
            builder.withSuperClasses(type).forEach(c -> types.add(Triple.create(node, RDF.Nodes.type, c)));
        }
        return new Found(types, elsewhere);
    }

    /** The type of a resource minted for an indexed actor, place or event, or null. */
    private Node typeOf(Node node) {
        String uri = node.getURI();
        if (!uri.startsWith(iris.base())) return null;
        String path = uri.substring(iris.base().length());
        for (String segment : List.of("actor/", "place/", "event/")) {
            if (!path.startsWith(segment)) continue;
            String id = path.substring(segment.length());
            switch (segment) {
                case "actor/" -> { String kind = references.actorKind(id); return kind == null ? null : terms.iri(TermKind.ACTOR_KIND, kind); }
                case "place/" -> { String kind = references.placeKind(id); return kind == null ? null : terms.iri(TermKind.PLACE_KIND, kind); }
                default -> { return references.isEvent(id) ? EVENT : null; }
            }
        }
        return null;
    }
}
