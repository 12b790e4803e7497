package org.tessera.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Files as the file system describes them: for each, its path, size, modification time
 * and file key (device and inode), with what else their reader depends on, and when they
 * were so described. Kept beside a digest of the files, it tells them unchanged by their
 * attributes alone, as rsync's quick check and git's index do, where the digest reads
 * every byte: at 1M events, 22 GB of N-Quads (51-60 s from the disk, 18 s from the page
 * cache) and 1.2 GB of annotations and texts (5.0 s and 1.35 s) at each start of
 * {@code ./tessera serve}.
 * <p>
 * A converter replaces its output by a rename, which gives each file a new file key; a
 * file written in place gets a new modification time. What a stamp cannot see is a file
 * written in place with its size kept and its time set back by hand.
 *
 * @param files the attributes, one line a file, then the context
 * @param lastWritten the latest of the files' modification times
 * @param takenAt when they were read, in whole seconds, before the files' bytes were
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileStamp(String files, String lastWritten, String takenAt) {

    /**
     * Inputs at least this large take longer to read again than the wait for the next
     * second (at 256 MB, 0.3-1 s to hash from the page cache, more from the disk).
     */
    public static final long WORTH_A_WAIT_BYTES = 256L << 20;

    /**
     * The stamp of {@code files} now, with {@code context} (what else their reader depends
     * on); none where the file system gives no file key, as a replaced file could look the same.
     * <p>
     * A stamp taken in the second its files were last written cannot be trusted (a file
     * system may keep whole seconds, and a write later in that second would not move the
     * time), so the files would be read once more at the next start. Where they are
     * {@value #WORTH_A_WAIT_BYTES} bytes or more, as a converter's output just written is at
     * scale, the stamp waits for the next second instead: at 1M events that spares a read
     * of 22 GB for a wait of under a second.
     */
    public static Optional<FileStamp> take(List<Path> files, String context) throws IOException {
        return take(files, context, WORTH_A_WAIT_BYTES);
    }

    static Optional<FileStamp> take(List<Path> files, String context, long worthAWaitBytes) throws IOException {
        Described now = describe(files, context);
        if (now.stamp().isEmpty() || now.bytes() < worthAWaitBytes) return now.stamp();
        FileStamp stamp = now.stamp().get();
        Instant taken = Instant.parse(stamp.takenAt);
        if (!Instant.parse(stamp.lastWritten).truncatedTo(ChronoUnit.SECONDS).equals(taken)) return now.stamp();
        try {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), taken.plusSeconds(1)).toMillis() + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return now.stamp();
        }
        return describe(files, context).stamp();
    }

    private record Described(Optional<FileStamp> stamp, long bytes) {}

    private static Described describe(List<Path> files, String context) throws IOException {
        String takenAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder described = new StringBuilder();
        Instant lastWritten = Instant.EPOCH;
        long bytes = 0;
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.fileKey() == null) return new Described(Optional.empty(), 0);
            Instant written = attributes.lastModifiedTime().toInstant();
            if (written.isAfter(lastWritten)) lastWritten = written;
            bytes += attributes.size();
            described.append(file).append(' ').append(attributes.size()).append(' ')
                    .append(written).append(' ').append(attributes.fileKey()).append('\n');
        }
        return new Described(Optional.of(new FileStamp(described.append(context).toString(), lastWritten.toString(), takenAt)), bytes);
    }

    /**
     * Whether {@code now}, a stamp of the same files taken later, shows them as this one
     * did, all last written before this one was taken. A file written in the second this
     * stamp was taken may have changed after it, and must be read.
     */
    public boolean stillDescribes(Optional<FileStamp> now) {
        // A stamp of an older layout, with a field missing, describes nothing.
        if (files == null || lastWritten == null || takenAt == null) return false;
        return now.isPresent() && files.equals(now.get().files)
                && Instant.parse(lastWritten).isBefore(Instant.parse(takenAt));
    }
}
