package org.tessera.build;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the RDFS closure of the ontology's class and property hierarchies into
 * the data: every tes:Event is also a sem:Event and a crm:E5_Event, every
 * tes:place triple also a sem:hasPlace triple. A client that knows only the
 * standards then finds the data without a reasoner.
 */
final class Materializer {
    private final Map<Node, Set<Node>> superClasses;
    private final Map<Node, Set<Node>> superProperties;

    Materializer(Graph ontology) {
        superClasses = closure(ontology, RDFS.subClassOf.asNode());
        superProperties = closure(ontology, RDFS.subPropertyOf.asNode());
    }

    void materialize(DatasetGraph dataset, Node skipGraph) {
        List<Quad> added = new ArrayList<>();
        dataset.find().forEachRemaining(q -> {
            if (q.getGraph().equals(skipGraph)) return;
            if (q.getPredicate().equals(RDF.Nodes.type)) {
                for (Node sup : superClasses.getOrDefault(q.getObject(), Set.of())) {
                    added.add(Quad.create(q.getGraph(), q.getSubject(), RDF.Nodes.type, sup));
                }
            }
            for (Node sup : superProperties.getOrDefault(q.getPredicate(), Set.of())) {
                added.add(Quad.create(q.getGraph(), q.getSubject(), sup, q.getObject()));
            }
        });
        added.forEach(dataset::add);
    }

    Set<Node> withSuperClasses(Node type) {
        Set<Node> all = new LinkedHashSet<>();
        all.add(type);
        all.addAll(superClasses.getOrDefault(type, Set.of()));
        return all;
    }

    /** For each term, every term above it through {@code property}, transitively. */
    private static Map<Node, Set<Node>> closure(Graph ontology, Node property) {
        Map<Node, Set<Node>> direct = new HashMap<>();
        ontology.find(Node.ANY, property, Node.ANY).forEach(t -> {
            if (t.getObject().isURI()) direct.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject());
        });
        Map<Node, Set<Node>> all = new HashMap<>();
        for (Node term : direct.keySet()) {
            Set<Node> seen = new LinkedHashSet<>();
            List<Node> todo = new ArrayList<>(direct.get(term));
            while (!todo.isEmpty()) {
                Node next = todo.remove(todo.size() - 1);
                if (seen.add(next)) todo.addAll(direct.getOrDefault(next, Set.of()));
            }
            seen.remove(term);
            all.put(term, seen);
        }
        return all;
    }
}
