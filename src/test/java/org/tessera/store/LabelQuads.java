package org.tessera.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small N-Quads files for the store's tests: one subject with as many labels as asked, each indexed as text. */
final class LabelQuads {
    private static final String QUAD = "<https://example.org/s> <http://www.w3.org/2000/01/rdf-schema#label> \"%s\" <https://example.org/g> .\n";

    private LabelQuads() {}

    static Path write(Path dir, String name, int quads) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < quads; i++) text.append(String.format(QUAD, "label " + i));
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
