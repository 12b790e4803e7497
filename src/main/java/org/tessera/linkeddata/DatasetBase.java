package org.tessera.linkeddata;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.tessera.vocabulary.Namespaces;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The base IRI stated in an N-Quads file, found by reading it line by line rather than
     * loading it: the lines that state {@code void:uriSpace} are the only ones parsed.
     */
    public static Optional<String> of(Path nquads) throws IOException {
        String predicate = "<" + URI_SPACE.getURI() + ">";
        try (BufferedReader lines = Files.newBufferedReader(nquads, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.contains(predicate)) continue;
                DatasetGraph one = RDFParser.fromString(line, Lang.NQUADS).toDatasetGraph();
                Optional<String> base = of(one);
                if (base.isPresent()) return base;
            }
        }
        return Optional.empty();
    }
}
