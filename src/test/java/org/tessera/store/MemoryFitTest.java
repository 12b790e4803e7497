package org.tessera.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The note that a database is larger than memory: said when it is, and only then. */
class MemoryFitTest {
    @TempDir Path dir;

    @Test
    void aDatabaseLargerThanMemoryGetsANoteWithBothSizes() {
        String note = MemoryFit.note(37_000_000_000L, 24_000_000_000L).orElseThrow();
        assertTrue(note.contains("(37.0 GB)"), note);
        assertTrue(note.contains("(24.0 GB)"), note);
        assertTrue(note.contains("docs/scaling.md"), note);
        assertTrue(note.contains("--loader packed (a database about 40% smaller"), note);
    }

    @Test
    void aDatabaseThatFitsOrAnUnknownMemoryGetsNone() {
        assertTrue(MemoryFit.note(24_000_000_000L, 24_000_000_000L).isEmpty());
        assertTrue(MemoryFit.note(1_000_000L, 24_000_000_000L).isEmpty());
        assertTrue(MemoryFit.note(37_000_000_000L, 0).isEmpty());
    }

    @Test
    void theMachinesMemoryIsKnownHere() {
        // Linux reports it to the JVM; a build machine has at least a few hundred MB.
        assertTrue(MemoryFit.physicalMemory() > 256L * 1024 * 1024, String.valueOf(MemoryFit.physicalMemory()));
    }

    @Test
    void aGenerationsSizeIsTheSumOfItsFiles() throws IOException {
        Files.createDirectories(dir.resolve("gen-0001/tdb2/Data-0001"));
        Files.write(dir.resolve("gen-0001/tdb2/Data-0001/SPO.dat"), new byte[3000]);
        Files.write(dir.resolve("gen-0001/generation.json"), new byte[17]);
        assertEquals(3017, MemoryFit.bytes(dir.resolve("gen-0001")));
    }

    @Test
    void aRealLoadOfAFewQuadsFitsAndGetsNoNote() throws IOException {
        Path nquads = dir.resolve("a.nq");
        Files.writeString(nquads, "<https://example.org/s> <http://www.w3.org/2000/01/rdf-schema#label> \"a\" <https://example.org/g> .\n",
                StandardCharsets.UTF_8);
        var loaded = new StoreLoader(new Store(dir.resolve("db")), line -> {}).load(List.of(nquads));
        assertTrue(MemoryFit.bytes(loaded.generation().dir()) > 0);
        assertTrue(MemoryFit.note(loaded.generation()).isEmpty());
    }
}
