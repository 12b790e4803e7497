package org.tessera.shacl;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.validation.ReportItem;
import org.apache.jena.system.G;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * Jena's {@code sh:class}, with the super-classes of each type taken from
 * {@link KnownSuperclasses} when the data carries them: the same verdict and message,
 * without walking {@code rdfs:subClassOf} for every value. On any other data it is
 * Jena's own.
 */
final class KnownSuperclassConstraint extends ClassConstraint {

    KnownSuperclassConstraint(Node expectedClass) {
        super(expectedClass);
    }

    @Override
    public ReportItem validate(ValidationContext context, Graph data, Node focusNode) {
        if (focusNode.isLiteral() || !(data instanceof KnownSuperclasses.WithOntology known)) {
            return super.validate(context, data, focusNode);
        }
        ExtendedIterator<Node> types = G.find(data, focusNode, RDF.Nodes.type, Node.ANY).mapWith(Triple::getObject);
        try {
            while (types.hasNext()) {
                if (known.superclasses().of(types.next()).contains(getExpectedClass())) return null;
            }
        } finally {
            types.close();
        }
        // Not an instance: Jena's walk finds the same, and words the report.
        return super.validate(context, data, focusNode);
    }
}
