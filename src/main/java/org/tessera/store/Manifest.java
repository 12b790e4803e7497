package org.tessera.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.tessera.output.AtomicFile;
import org.tessera.support.FileStamp;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a generation holds: the fingerprint of the N-Quads it was loaded from and
 * of its text index's fields (so that an unchanged graph is not loaded again), and
 * its size. {@code input} describes those files as they were when last read
 * ({@link FileStamp}, with the text index's fields); a generation loaded before
 * stamps were kept has none until its files are read again.
 */
// A manifest written by a later version, with fields this one does not know, is still read.
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(String fingerprint, long quads, long graphs, long textEntities, String loadedAt, FileStamp input) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Manifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    /** This manifest with the stamp of its files as they are now. */
    Manifest stamped(FileStamp stamp) {
        return new Manifest(fingerprint, quads, graphs, textEntities, loadedAt, stamp);
    }

    /** Writes through a temporary file and a rename, so that a manifest is never half-written. */
    void write(Path file) throws IOException {
        AtomicFile.replace(file, temporary -> JSON.writeValue(temporary.toFile(), this));
    }
}
