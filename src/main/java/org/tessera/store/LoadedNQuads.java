package org.tessera.store;

import org.tessera.output.DumpWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The N-Quads file a generation was loaded from, kept in it as a hard link
 * ({@code loaded.nq}), so that the server sends the N-Quads dump as those bytes,
 * at any size, rather than sorting the whole dataset in memory for each request.
 * The converter's {@code rdf/tessera.nq} is that dump already, sorted, byte for byte.
 * A link costs no disk and no time; where the store is on another file system, or
 * several files were loaded, nothing is kept and the dump is made from the data.
 */
public final class LoadedNQuads {
    private LoadedNQuads() {}

    /** Links the one file loaded into the generation; does nothing where that cannot be. */
    static void keep(List<Path> loaded, Generation generation) {
        if (loaded.size() != 1) return;
        try {
            Files.createLink(generation.loadedNQuads(), loaded.get(0));
        } catch (IOException | UnsupportedOperationException e) {
            // Another file system, or no hard links: the dump is made from the data instead.
        }
    }

    /**
     * The kept file, while it still holds what was loaded. A link shares the file: a
     * converter replaces {@code rdf/} and leaves it alone, but a file written in place
     * after the load (its modification time later than the load's end) is not the data.
     */
    public static Optional<Path> of(Generation generation) {
        try {
            return of(generation, Manifest.read(generation.manifest()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The kept file of a generation of this manifest, checked each time it is asked for: it may be written while served. */
    static DumpWriter.NQuadsFile whileUnchanged(Generation generation, Manifest manifest) {
        return () -> of(generation, manifest);
    }

    private static Optional<Path> of(Generation generation, Manifest manifest) {
        Path file = generation.loadedNQuads();
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            Instant loadedAt = Instant.parse(manifest.loadedAt());
            return Files.getLastModifiedTime(file).toInstant().isBefore(loadedAt) ? Optional.of(file) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
