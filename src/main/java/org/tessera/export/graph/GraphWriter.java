package org.tessera.export.graph;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a view in one file format. */
interface GraphWriter {
    void write(PropertyGraph graph, Path out) throws IOException;
}
