package org.tessera.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.output.DumpWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The N-Quads file a generation was loaded from, kept for the server's dump while it holds the data. */
class LoadedNQuadsTest {
    @TempDir Path dir;

    private Path written(String name, int quads) throws IOException {
        Path file = LabelQuads.write(dir, name, quads);
        // Written well before the load, as a converter's output is; the load's time is kept to the second.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        return file;
    }

    @Test
    void theOneFileLoadedIsKeptAsALinkAndTheServedDatasetNamesIt() throws IOException {
        Path input = written("a.nq", 3);
        Generation generation = new StoreLoader(new Store(dir.resolve("db")), line -> { }).load(List.of(input)).generation();
        assertTrue(Files.isSameFile(input, generation.loadedNQuads()), "a hard link: no copy of the bytes");
        assertEquals(generation.loadedNQuads(), LoadedNQuads.of(generation).orElseThrow());
        try (ServedDataset served = ServedDataset.open(generation, false)) {
            assertEquals(generation.loadedNQuads(), kept(served).now().orElseThrow());
        }
    }

    @Test
    void aFileWrittenInPlaceAfterTheLoadIsNotTheDumpAnyMore() throws IOException {
        Path input = written("a.nq", 3);
        Generation generation = new StoreLoader(new Store(dir.resolve("db")), line -> { }).load(List.of(input)).generation();
        try (ServedDataset served = ServedDataset.open(generation, false)) {
            assertTrue(kept(served).now().isPresent());
            // Written while served: the server asks at each request, so the next one no longer sends it.
            Files.writeString(input, "<urn:x> <urn:y> <urn:z> <urn:g> .\n", StandardOpenOption.APPEND);
            assertTrue(LoadedNQuads.of(generation).isEmpty(), "the link shares the changed file");
            assertTrue(kept(served).now().isEmpty());
        }
    }

    private static DumpWriter.NQuadsFile kept(ServedDataset served) {
        return (DumpWriter.NQuadsFile) served.dataset().getContext().get(DumpWriter.NQUADS_FILE);
    }

    @Test
    void severalFilesLoadedKeepNothing() throws IOException {
        Generation generation = new StoreLoader(new Store(dir.resolve("db")), line -> { })
                .load(List.of(written("a.nq", 2), written("b.nq", 2))).generation();
        assertFalse(Files.exists(generation.loadedNQuads()));
        assertTrue(LoadedNQuads.of(generation).isEmpty());
    }
}
