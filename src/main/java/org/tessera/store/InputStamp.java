package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The files of a load as the file system describes them: for each, its size, its
 * modification time and its file key (device and inode), with the text index's fields,
 * and when they were so described. Kept in the manifest, it tells an unchanged input by
 * its attributes alone, as rsync's quick check and git's index do, where the fingerprint
 * reads every byte: at 1M events that is 22 GB of N-Quads, 18 s from the page cache and
 * 48 s from the disk, at each start of {@code ./tessera serve}.
 * <p>
 * A converter replaces {@code rdf/tessera.nq} by a rename, which gives it a new file key;
 * a file written in place gets a new modification time. What a stamp cannot see is a file
 * written in place with its size kept and its time set back by hand.
 *
 * @param files the attributes, one line a file, then the text index's fields
 * @param takenAt when they were read, in whole seconds, before the files' bytes were
 */
public record InputStamp(String files, String takenAt) {

    /** The stamp of {@code files} now; none where the file system gives no file key, as a replaced file could look the same. */
    static Optional<InputStamp> take(List<Path> files) throws IOException {
        String takenAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder described = new StringBuilder();
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.fileKey() == null) return Optional.empty();
            described.append(attributes.size()).append(' ').append(attributes.lastModifiedTime().toInstant())
                    .append(' ').append(attributes.fileKey()).append('\n');
        }
        return Optional.of(new InputStamp(described.append(TextIndexing.layout()).toString(), takenAt));
    }

    /**
     * Whether {@code now}, a stamp of the same files taken later, shows them as this one
     * did, each last written before this one was taken. A file written in the second this
     * stamp was taken may have changed after it, and must be read.
     */
    boolean stillDescribes(InputStamp now, List<Path> paths) throws IOException {
        if (!files.equals(now.files)) return false;
        Instant taken = Instant.parse(takenAt);
        for (Path file : paths) {
            if (!Files.getLastModifiedTime(file).toInstant().isBefore(taken)) return false;
        }
        return true;
    }
}
