package org.tessera.output;

import org.apache.jena.graph.Triple;

import java.io.IOException;

/** Where the sorted triples of a dump without named graphs go: Turtle or RDF/XML. */
interface TripleSink extends AutoCloseable {
    void accept(Triple triple) throws IOException;

    @Override
    void close() throws IOException;
}
