package org.tessera.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicDirectoryTest {
    @TempDir
    Path parent;

    @Test
    void replacesTheContentAsAWhole() throws IOException {
        Path target = parent.resolve("rdf");
        AtomicDirectory.replace(target, staging -> Files.writeString(staging.resolve("a.nq"), "first"));
        AtomicDirectory.replace(target, staging -> Files.writeString(staging.resolve("b.nq"), "second"));
        assertEquals(List.of("rdf"), names(parent));
        assertEquals(List.of("b.nq"), names(target));
    }

    @Test
    void aTargetThatIsALinkIsReplacedWhereItPointsAndStaysALink() throws IOException {
        Path elsewhere = Files.createDirectories(parent.resolve("disk/out"));
        Files.writeString(elsewhere.resolve("a.nq"), "first");
        Path target = Files.createSymbolicLink(Files.createDirectories(parent.resolve("project")).resolve("rdf"), Path.of("../disk/out"));
        AtomicDirectory.replace(target, staging -> Files.writeString(staging.resolve("b.nq"), "second"));
        assertTrue(Files.isSymbolicLink(target));
        assertEquals(List.of("b.nq"), names(elsewhere));
        assertEquals(List.of("rdf"), names(parent.resolve("project")), "nothing staged beside the link");
        assertEquals(List.of("out"), names(parent.resolve("disk")));
    }

    @Test
    void aDanglingLinkIsFilledWhereItPoints() throws IOException {
        Path target = Files.createSymbolicLink(parent.resolve("rdf"), parent.resolve("disk/out"));
        AtomicDirectory.replace(target, staging -> Files.writeString(staging.resolve("a.nq"), "first"));
        assertTrue(Files.isSymbolicLink(target));
        assertEquals("first", Files.readString(parent.resolve("disk/out/a.nq")));
    }

    @Test
    void aFailingFillLeavesThePreviousContent() throws IOException {
        Path target = parent.resolve("rdf");
        AtomicDirectory.replace(target, staging -> Files.writeString(staging.resolve("a.nq"), "first"));
        assertThrows(IOException.class, () -> AtomicDirectory.replace(target, staging -> {
            Files.writeString(staging.resolve("half.nq"), "half");
            throw new IOException("disk full");
        }));
        assertEquals(List.of("rdf"), names(parent));
        assertEquals("first", Files.readString(target.resolve("a.nq")));
    }

    @Test
    void clearsWhatAKilledProcessLeft() throws Exception {
        Path target = parent.resolve("rdf");
        Files.createDirectories(target);
        long dead = deadPid();
        Files.createDirectories(parent.resolve(".rdf.new-" + dead + "-123/graphs"));
        Files.createDirectories(parent.resolve(".rdf.old-" + dead));
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Files.createDirectories(parent.resolve(".rdf.new-" + alive + "-456")); // another replace, still running
        Files.createDirectories(parent.resolve(".rdf.new-789")); // not named by this class: left alone
        AtomicDirectory.replace(target, staging -> Files.writeString(staging.resolve("a.nq"), "new"));
        assertEquals(Stream.of(".rdf.new-" + alive + "-456", ".rdf.new-789", "rdf").sorted().toList(), names(parent));
    }

    @Test
    void putsBackTheOldContentOfAProcessKilledBetweenTheRenames() throws Exception {
        Path old = Files.createDirectories(parent.resolve(".rdf.old-" + deadPid()));
        Files.writeString(old.resolve("a.nq"), "previous");
        Path target = parent.resolve("rdf");
        assertThrows(IOException.class, () -> AtomicDirectory.replace(target, staging -> {
            throw new IOException("invalid annotations");
        }));
        assertEquals(List.of("rdf"), names(parent));
        assertEquals("previous", Files.readString(target.resolve("a.nq")));
    }

    /** The id of a process that has ended. */
    static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
