package org.tessera.linkeddata;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.tessera.vocabulary.Namespaces;

import java.util.Optional;

/** The base IRI of a served dataset, as its VoID description states it ({@code void:uriSpace}). */
public final class DatasetBase {
    private static final Node URI_SPACE = NodeFactory.createURI(Namespaces.VOID + "uriSpace");

    private DatasetBase() {}

    public static Optional<String> of(DatasetGraph dataset) {
        var found = dataset.find(Node.ANY, Node.ANY, URI_SPACE, Node.ANY);
        while (found.hasNext()) {
            Node space = found.next().getObject();
            if (space.isLiteral() && space.getLiteralLexicalForm().endsWith("/")) return Optional.of(space.getLiteralLexicalForm());
        }
        return Optional.empty();
    }
}
