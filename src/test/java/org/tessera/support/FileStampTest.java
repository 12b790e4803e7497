package org.tessera.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileStampTest {
    private static final String CONTEXT = "context";

    @TempDir Path dir;

    /** A small input written in the second its stamp is taken: the stamp is not trusted, and it is read again. */
    @Test
    void aSmallInputStampedInTheSecondItWasWrittenIsNotTrusted() throws IOException {
        Path file = written("small.nq");
        FileStamp stamp = takenInTheSecondOfItsWrite(file);
        assertEquals(stamp.takenAt(), Instant.parse(stamp.lastWritten()).truncatedTo(ChronoUnit.SECONDS).toString(),
                "taken without a wait, in the second of the write");
        assertFalse(stamp.stillDescribes(FileStamp.take(List.of(file), CONTEXT)), "a write later in that second would not show");
    }

    /** An input worth a wait is stamped in the next second: trusted at once, as a converter's 22 GB just written. */
    @Test
    void anInputWorthAWaitIsStampedInTheNextSecondAndTrusted() throws IOException {
        Path file = written("large.nq");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        FileStamp stamp = FileStamp.take(List.of(file), CONTEXT, 1).orElseThrow();
        assertTrue(Instant.parse(stamp.lastWritten()).isBefore(Instant.parse(stamp.takenAt())), "taken after the second of the write");
        assertTrue(stamp.stillDescribes(FileStamp.take(List.of(file), CONTEXT)), "trusted while the file is left as it is");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(stamp.takenAt()).plusMillis(1500)));
        assertFalse(stamp.stillDescribes(FileStamp.take(List.of(file), CONTEXT)), "a later write shows");
    }

    /** A file whose time is ahead of the clock (another machine's, or set by hand) gets no wait: it could be long. */
    @Test
    void anInputWrittenAheadOfTheClockIsNotWaitedFor() throws IOException {
        Path file = written("ahead.nq");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Files.setLastModifiedTime(file, FileTime.from(before.plusSeconds(4)));
        FileStamp stamp = FileStamp.take(List.of(file), CONTEXT, 1).orElseThrow();
        assertTrue(Instant.parse(stamp.takenAt()).isBefore(before.plusSeconds(2)), "taken at once, not after the file's time");
        assertFalse(stamp.stillDescribes(FileStamp.take(List.of(file), CONTEXT)), "never trusted while its time is ahead");
    }

    private Path written(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "<urn:s> <urn:p> <urn:o> <urn:g> .\n");
    }

    /** The stamp of a file whose time is set to now, taken again if the clock passed into the next second between the two. */
    private static FileStamp takenInTheSecondOfItsWrite(Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            FileStamp stamp = FileStamp.take(List.of(file), CONTEXT, Long.MAX_VALUE).orElseThrow();
            if (Instant.parse(stamp.lastWritten()).truncatedTo(ChronoUnit.SECONDS).toString().equals(stamp.takenAt()) || attempt == 4) return stamp;
        }
    }
}
