package org.tessera.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.tessera.vocabulary.Terms;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a resource's page says: its own triples; those of its parts (IRIs that
 * extend it with {@code #} or {@code /}, such as an event's participations and a
 * quote's selectors); its evidence annotations with their selectors; the
 * triples that point to it; and a label for every resource named.
 */
public final class ResourceDescription {
    /** Enough incoming links to be useful on a page, few enough to keep it small. */
    static final int MAX_INCOMING = 500;
    private static final List<Node> LABELS = List.of(Terms.LABEL, Terms.PREF_LABEL);

    private ResourceDescription() {}

    /** The description, or empty when the graph says nothing of the IRI. */
    public static Optional<Graph> of(Graph union, String iri) {
        Node resource = NodeFactory.createURI(iri);
        Graph description = GraphFactory.createDefaultGraph();
        Set<Node> described = new HashSet<>();
        Deque<Node> pending = new ArrayDeque<>(List.of(resource));
        while (!pending.isEmpty()) {
            Node subject = pending.pop();
            if (!described.add(subject)) continue;
            union.find(subject, Node.ANY, Node.ANY).forEach(t -> {
                description.add(t);
                if (isPartOf(t.getObject(), iri) || isEvidenceOf(t, subject, resource)) pending.push(t.getObject());
            });
        }
        ExtendedIterator<Triple> incoming = union.find(Node.ANY, Node.ANY, resource);
        try {
            for (int n = 0; incoming.hasNext() && n < MAX_INCOMING; n++) description.add(incoming.next());
        } finally {
            incoming.close();
        }
        if (description.isEmpty()) return Optional.empty();
        addLabels(union, description);
        return Optional.of(description);
    }

    /** A part of the resource: {@code IRI#x} or {@code IRI/x}, or a part of a part. */
    private static boolean isPartOf(Node node, String iri) {
        return node.isURI() && (node.getURI().startsWith(iri + "#") || node.getURI().startsWith(iri + "/"));
    }

    /** The evidence of the resource or of its parts, and the target and selectors of that evidence. */
    private static boolean isEvidenceOf(Triple t, Node subject, Node resource) {
        Node p = t.getPredicate();
        return t.getObject().isURI() && (p.equals(Terms.HAS_EVIDENCE) || p.equals(Terms.OA_HAS_TARGET) || p.equals(Terms.OA_HAS_SELECTOR));
    }

    private static void addLabels(Graph union, Graph description) {
        Set<Node> named = new HashSet<>();
        description.find().forEach(t -> {
            named.add(t.getSubject());
            if (t.getObject().isURI()) named.add(t.getObject());
        });
        for (Node node : named) {
            for (Node label : LABELS) {
                if (description.contains(node, label, Node.ANY)) continue;
                union.find(node, label, Node.ANY).forEach(description::add);
            }
        }
    }
}
