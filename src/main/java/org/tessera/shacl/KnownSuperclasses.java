package org.tessera.shacl;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.DisjointUnion;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDFS;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The super-classes of each class in the ontology, looked up once per class and kept.
 * SHACL's {@code sh:class} follows {@code rdfs:subClassOf} up from every type of every
 * value it checks (Jena's {@code G.allTypesOfNodeRDFS}): 5-7% of a large conversion's
 * CPU (BENCHMARKS.md, round thirty). When only the ontology holds {@code rdfs:subClassOf},
 * the walk's answer for a class is the same for every graph read with it.
 */
final class KnownSuperclasses {
    private final Graph ontology;
    private final Map<Node, Set<Node>> superclasses = new ConcurrentHashMap<>();

    KnownSuperclasses(Graph ontology) {
        this.ontology = ontology;
    }

    Graph ontology() {
        return ontology;
    }

    /** How many classes' super-classes are kept. */
    int size() {
        return superclasses.size();
    }

    /** The class and every class above it, as Jena's walk finds them in the ontology. */
    Set<Node> of(Node type) {
        return superclasses.computeIfAbsent(type, t -> Set.copyOf(G.listSuperClasses(ontology, t)));
    }

    /**
     * {@code part} read with the ontology, carrying these super-classes for
     * {@link KnownSuperclassConstraint}; or the plain union when the part has an
     * {@code rdfs:subClassOf} of its own, which the kept answers would miss.
     */
    Graph readWith(Graph part) {
        if (part.contains(Node.ANY, RDFS.Nodes.subClassOf, Node.ANY)) return new DisjointUnion(part, ontology);
        return new WithOntology(part, this);
    }

    /** The data a part's shapes run on: the part and the ontology, which share no triple. */
    static final class WithOntology extends DisjointUnion {
        private final KnownSuperclasses superclasses;

        private WithOntology(Graph part, KnownSuperclasses superclasses) {
            super(part, superclasses.ontology);
            this.superclasses = superclasses;
        }

        KnownSuperclasses superclasses() {
            return superclasses;
        }
    }
}
