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

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNothingBeside() throws IOException {
        Path target = dir.resolve("exports/tessera.ttl");
        AtomicFile.replace(target, file -> Files.writeString(file, "first"));
        AtomicFile.replace(target, file -> Files.writeString(file, "second"));
        assertEquals("second", Files.readString(target));
        assertEquals(List.of("tessera.ttl"), names(target.getParent()));
    }

    @Test
    void aFailedWriteLeavesThePreviousFile() throws IOException {
        Path target = dir.resolve("tessera.ttl");
        AtomicFile.replace(target, file -> Files.writeString(file, "first"));
        assertThrows(IOException.class, () -> AtomicFile.replace(target, file -> {
            Files.writeString(file, "half");
            throw new IOException("disk full");
        }));
        assertEquals("first", Files.readString(target));
        assertEquals(List.of("tessera.ttl"), names(dir));
    }

    @Test
    void deletesWhatAKilledExportLeft() throws Exception {
        long dead = AtomicDirectoryTest.deadPid();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Files.writeString(dir.resolve(".tessera.ttl.tmp-" + dead), "half");
        Files.writeString(dir.resolve(".tessera.ttl.tmp-" + alive), "another export, still running");
        Files.writeString(dir.resolve(".tessera.nq.tmp-" + dead), "another target's: its own export clears it");
        AtomicFile.replace(dir.resolve("tessera.ttl"), file -> Files.writeString(file, "whole"));
        assertEquals(List.of(".tessera.nq.tmp-" + dead, ".tessera.ttl.tmp-" + alive, "tessera.ttl"), names(dir));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
