package org.tessera.pipeline;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.support.FileStamp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inputs of a conversion known unchanged by their stamp, and by their bytes when the stamp cannot tell. */
class InputFingerprintTest {

    @TempDir Path root;
    private Project project;

    @BeforeEach
    void aConvertedProjectWrittenAnHourAgo() throws IOException {
        project = new Project(root);
        write("annotations/src-1.yaml", "id: src-1\n");
        write("corpus/src-1.txt", "The exact words.\n");
        write("ontology/tessera.ttl", "# the ontology\n");
        Files.createDirectories(project.rdf());
        Optional<FileStamp> stamp = InputFingerprint.stamp(project);
        InputFingerprint.record(project, InputFingerprint.of(project), stamp);
    }

    private Path write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        return file;
    }

    private boolean stampIsCurrent() throws IOException {
        return InputFingerprint.stampIsCurrent(project, InputFingerprint.stamp(project));
    }

    @Test
    void untouchedInputsAreKnownByTheirStampAlone() throws IOException {
        assertTrue(stampIsCurrent());
        // New bytes of the same length, the time set back: only reading tells, and the stamp does not read.
        Path text = root.resolve("corpus/src-1.txt");
        FileTime written = Files.getLastModifiedTime(text);
        Files.writeString(text, "The EXACT words.\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        Files.setLastModifiedTime(text, written);
        assertTrue(stampIsCurrent(), "not read");
        assertFalse(InputFingerprint.isCurrent(project, InputFingerprint.of(project)), "the fingerprint reads it");
    }

    @Test
    void aFileWrittenAgainIsNotKnownByTheStamp() throws IOException {
        Path annotation = root.resolve("annotations/src-1.yaml");
        Files.setLastModifiedTime(annotation, FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
        assertFalse(stampIsCurrent(), "written again");
        Files.setLastModifiedTime(annotation, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        assertFalse(stampIsCurrent(), "its time set to another: written again too");
    }

    @Test
    void anAddedOrRenamedFileIsNotKnownByTheStamp() throws IOException {
        write("corpus/src-2.txt", "More words.\n");
        assertFalse(stampIsCurrent(), "added");
        Files.delete(root.resolve("corpus/src-2.txt"));
        assertTrue(stampIsCurrent(), "and removed again");
        Files.move(root.resolve("corpus/src-1.txt"), root.resolve("corpus/src-0.txt"));
        assertFalse(stampIsCurrent(), "renamed: its size, time and inode kept");
    }

    @Test
    void aStampTakenWhileTheFilesWereWrittenIsNotTrusted() throws IOException {
        Path annotation = root.resolve("annotations/src-1.yaml");
        Files.setLastModifiedTime(annotation, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
        InputFingerprint.record(project, InputFingerprint.of(project), InputFingerprint.stamp(project));
        assertFalse(stampIsCurrent(), "last written after the stamp was taken");
    }

    @Test
    void aNewFingerprintRecordedWithoutAStampLeavesNone() throws IOException {
        InputFingerprint.record(project, "another", Optional.empty());
        assertFalse(stampIsCurrent(), "the old stamp does not stand beside another fingerprint");
    }

    @Test
    void withoutRdfNothingIsCurrent() throws IOException {
        Files.delete(project.rdf());
        assertFalse(stampIsCurrent());
    }
}
