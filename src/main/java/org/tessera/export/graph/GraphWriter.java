package org.tessera.export.graph;

import org.tessera.output.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a view in one file format. */
interface GraphWriter {
    void write(PropertyGraph graph, Path out) throws IOException;

    /** Writes beside {@code out} and renames, so that a failure leaves no half-written file. */
    default void replace(PropertyGraph graph, Path out) throws IOException {
        AtomicFile.replace(out, temporary -> write(graph, temporary));
    }
}
