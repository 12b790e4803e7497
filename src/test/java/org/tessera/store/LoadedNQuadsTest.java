package org.tessera.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.output.DumpWriter;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tessera.TestProjects;
import org.tessera.output.SortedQuads;
import org.tessera.support.FileTrees;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    void severalFilesLoadedAreKeptAsTheDumpWrittenFromTheData() throws IOException {
        // The converter's dump cut in two: the load writes it again from the data, sorted, byte for byte.
        byte[] converted = Files.readAllBytes(TestProjects.REPO.resolve("rdf/tessera.nq"));
        List<String> lines = Files.readAllLines(TestProjects.REPO.resolve("rdf/tessera.nq"));
        Collections.reverse(lines);
        Path first = dir.resolve("first.nq");
        Path second = dir.resolve("second.nq");
        Files.write(first, lines.subList(0, lines.size() / 2));
        Files.write(second, lines.subList(lines.size() / 3, lines.size()));
        Generation generation = new StoreLoader(new Store(dir.resolve("db")), line -> { }).load(List.of(first, second)).generation();

        assertFalse(Files.exists(generation.loadedNQuads()), "no one file to link");
        assertArrayEquals(converted, Files.readAllBytes(generation.writtenNQuads()), "each quad once, in the dump's order");
        try (ServedDataset served = ServedDataset.open(generation, false)) {
            assertEquals(generation.writtenNQuads(), kept(served).now().orElseThrow());
        }
        try (Stream<Path> left = Files.list(generation.dir())) {
            assertEquals(List.of("dump.nq", "generation.json", "spatial.index", "tdb2", "text"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no sorted run and no temporary file left");
        }
    }

    @Test
    void theOneFileLoadedFromAnotherFileSystemIsKeptAsTheDumpWrittenFromTheData() throws IOException {
        // /dev/shm is a tmpfs on Linux machines: a hard link from there into the store cannot be made.
        Path elsewhere = Files.createTempDirectory(Path.of("/dev/shm"), "tessera-");
        try {
            Path input = LabelQuads.write(elsewhere, "a.nq", 12);
            assertNotEquals(Files.getFileStore(input), Files.getFileStore(dir), "the input is on another file system");
            Generation generation = new StoreLoader(new Store(dir.resolve("db")), line -> { }).load(List.of(input)).generation();
            assertFalse(Files.exists(generation.loadedNQuads()));
            // Sorted as text: "label 10" before "label 2", as the converter sorts its dump.
            List<String> sorted = Files.readAllLines(input).stream().sorted().toList();
            assertEquals("<https://example.org/s> <http://www.w3.org/2000/01/rdf-schema#label> \"label 10\" <https://example.org/g> .", sorted.get(2));
            assertEquals(sorted, Files.readAllLines(generation.writtenNQuads()));
            assertEquals(generation.writtenNQuads(), LoadedNQuads.of(generation).orElseThrow());
        } finally {
            FileTrees.delete(elsewhere);
        }
    }

    @Test
    void aDumpSortedInManyRunsHasTheBytesOfOneSortedInMemory() throws IOException {
        Path input = TestProjects.REPO.resolve("rdf/tessera.nq");
        Generation generation = new StoreLoader(new Store(dir.resolve("db")), line -> { }).load(List.of(input)).generation();
        DatasetGraph database = DatabaseMgr.connectDatasetGraph(generation.tdb().toString());
        try {
            LoadedNQuads.write(database, generation, 1_000);
            List<Quad> sorted = Txn.calculateRead(database, () -> SortedQuads.of(database));
            assertTrue(sorted.size() > 30_000, "more than thirty runs of a thousand quads: " + sorted.size());
            ByteArrayOutputStream inMemory = new ByteArrayOutputStream();
            new DumpWriter(Map.of(), null).stream(sorted, inMemory, RDFFormat.NQUADS);
            assertArrayEquals(inMemory.toByteArray(), Files.readAllBytes(generation.writtenNQuads()));
        } finally {
            TDBInternal.expel(database);
        }
    }
}
