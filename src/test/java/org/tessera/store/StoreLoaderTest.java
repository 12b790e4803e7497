package org.tessera.store;

import org.apache.jena.riot.RiotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.Tmpfs;
import org.tessera.support.FileStamp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generations: a load is published whole or not at all, and what it replaces is cleaned up. */
class StoreLoaderTest {

    @TempDir Path dir;

    private Path nquads(String name, int quads) throws IOException {
        return LabelQuads.write(dir, name, quads);
    }

    @Test
    void loadPublishesTheNewGenerationAndRemovesTheOldOne() throws IOException {
        Store store = new Store(dir.resolve("db"));
        List<String> log = new ArrayList<>();
        StoreLoader loader = new StoreLoader(store, log::add);

        var first = loader.load(List.of(nquads("a.nq", 3)));
        assertEquals("gen-0001", store.current().orElseThrow().name());
        assertEquals(3, first.manifest().quads());
        assertEquals(3, first.manifest().textEntities(), "each rdfs:label is indexed");

        var second = loader.load(List.of(nquads("b.nq", 5)));
        assertEquals("gen-0002", store.current().orElseThrow().name());
        assertEquals(5, second.manifest().quads());
        assertFalse(Files.exists(first.generation().dir()), "the replaced generation is removed");
        assertTrue(log.get(1).contains("removed gen-0001"), log.toString());
    }

    @Test
    void unchangedInputIsNotLoadedAgain() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        Path input = nquads("a.nq", 2);
        assertTrue(loader.loadIfChanged(List.of(input)).loaded());
        var again = loader.loadIfChanged(List.of(input));
        assertFalse(again.loaded());
        assertEquals("gen-0001", again.generation().name());
        assertTrue(loader.loadIfChanged(List.of(nquads("a.nq", 4))).loaded(), "a changed file loads");
    }

    /** A file written before the load, to the second: its stamp can be trusted once the load has ended. */
    private Path writtenAnHourAgo(String name, int quads) throws IOException {
        Path file = nquads(name, quads);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        return file;
    }

    /**
     * An input whose size, time and file key are those it was loaded with is not read: the
     * proof is a file whose bytes were changed in place and its time set back, which the
     * stamp cannot see and the fingerprint would.
     */
    @Test
    void anInputWithTheAttributesItWasLoadedWithIsNotReadAgain() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        Path input = writtenAnHourAgo("a.nq", 2);
        FileTime written = Files.getLastModifiedTime(input);
        var first = loader.loadIfChanged(List.of(input));
        assertTrue(first.manifest().input().files().startsWith(input + " " + Files.size(input) + " "), first.manifest().input().files());

        rewriteInPlaceKeepingItsAttributes(input);
        assertFalse(loader.loadIfChanged(List.of(input)).loaded(), "known by its attributes, not read");

        Files.setLastModifiedTime(input, FileTime.from(written.toInstant().plusSeconds(1)));
        var read = loader.loadIfChanged(List.of(input));
        assertTrue(read.loaded(), "a later time: read, and its changed bytes loaded");
        assertFalse(read.manifest().fingerprint().equals(first.manifest().fingerprint()));
    }

    /**
     * A file last written at or after the end of its load may have changed after its stamp
     * was taken: it is read, whatever its stamp says.
     */
    @Test
    void anInputWrittenAsItsLoadEndedIsReadWhateverItsStamp() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        Path input = nquads("a.nq", 2);
        Files.setLastModifiedTime(input, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
        loader.loadIfChanged(List.of(input));

        rewriteInPlaceKeepingItsAttributes(input);
        assertTrue(loader.loadIfChanged(List.of(input)).loaded(), "read, and its changed bytes loaded");
    }

    /** New bytes of the same length written into the file, and its modification time set back: only reading it tells. */
    private static void rewriteInPlaceKeepingItsAttributes(Path file) throws IOException {
        FileTime written = Files.getLastModifiedTime(file);
        String sameSize = Files.readString(file, StandardCharsets.UTF_8).replace("label 0", "LABEL 0");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(sameSize.getBytes(StandardCharsets.UTF_8)));
        }
        Files.setLastModifiedTime(file, written);
    }

    /** A converter's new file has a new file key: read, and left alone when its bytes are the same, its stamp then kept. */
    @Test
    void aReplacedInputWithTheSameBytesIsReadAndNotLoaded() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        Path input = writtenAnHourAgo("a.nq", 2);
        String stamp = loader.loadIfChanged(List.of(input)).manifest().input().files();

        Path replacement = nquads("a.nq.new", 2);
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(input));
        Files.move(replacement, input, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertFalse(FileStamp.take(List.of(input), TextIndexing.layout()).orElseThrow().files().equals(stamp), "the same size and time, a new file key");
        var again = loader.loadIfChanged(List.of(input));
        assertFalse(again.loaded(), "the same bytes");
        assertEquals("gen-0001", again.generation().name());

        rewriteInPlaceKeepingItsAttributes(input);
        assertFalse(loader.loadIfChanged(List.of(input)).loaded(), "the new file's stamp kept once it was read: not read again");
    }

    /** A store indexed before the quotes had a field of their own has a fingerprint of the N-Quads alone. */
    @Test
    void aStoreIndexedWithOtherTextFieldsIsLoadedAgain() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        Path input = nquads("a.nq", 2);
        var first = loader.loadIfChanged(List.of(input));
        Manifest m = first.manifest();
        String filesOnly = new org.tessera.support.Sha256().add(input).hex();
        assertFalse(filesOnly.equals(m.fingerprint()), "the fingerprint covers the index's fields too");
        new Manifest(filesOnly, m.quads(), m.graphs(), m.textEntities(), m.loadedAt(), null).write(first.generation().manifest());

        var again = loader.loadIfChanged(List.of(input));
        assertTrue(again.loaded(), "indexed again with today's fields");
        assertEquals(m.fingerprint(), again.manifest().fingerprint());
        assertFalse(loader.loadIfChanged(List.of(input)).loaded(), "and then left alone");
    }

    @Test
    void aFailedLoadLeavesTheCurrentGenerationServedAndComplete() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        loader.load(List.of(nquads("good.nq", 3)));
        Path broken = nquads("broken.nq", 2);
        Files.writeString(broken, "<https://example.org/s> <https://example.org/p> \"unterminated .\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThrows(RiotException.class, () -> loader.load(List.of(broken)));

        Generation current = store.current().orElseThrow();
        assertEquals("gen-0001", current.name());
        try (ServedDataset served = ServedDataset.open(current)) {
            long quads = org.apache.jena.system.Txn.calculateRead(served.dataset(), () -> served.dataset().stream().count());
            assertEquals(3, quads);
        }
    }

    @Test
    void aGenerationLeftByAKilledLoadIsNeverCurrentAndIsPruned() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        loader.load(List.of(nquads("a.nq", 1)));
        // What a load killed half-way leaves: a generation folder without its manifest.
        Generation orphan = store.createNext();
        Files.createDirectories(orphan.tdb());
        Files.writeString(orphan.tdb().resolve("nodes.dat"), "partial");

        assertEquals("gen-0001", store.current().orElseThrow().name());
        assertEquals(List.of("gen-0002"), store.prune());
        assertFalse(Files.exists(orphan.dir()));
    }

    /**
     * A packed load that fails half-way at 1M events leaves tens of GB in a generation
     * without a manifest; the next load removes it before it checks the disk, or it would
     * be refused for the leftover's sake.
     */
    @Test
    void aGenerationLeftByAFailedLoadDoesNotCountAgainstTheNextLoad() throws Exception {
        try (Tmpfs small = Tmpfs.mount(dir.resolve("small-disk"), "40m")) {
            Store store = new Store(small.root().resolve("db"));
            new StoreLoader(store, line -> { }).load(List.of(nquads("a.nq", 1)));
            Generation orphan = store.createNext();
            Files.createDirectories(orphan.tdb());
            Files.write(orphan.tdb().resolve("GSPO.dat"), new byte[30 << 20]);
            // Outside the small disk, so the load writes its dump too: it asks for 4 times the input.
            Path input = nquads("b.nq", 40_000);
            long free = Files.getFileStore(small.root()).getUsableSpace();
            assertTrue(free < 4 * Files.size(input), "with the leftover, the load would not fit: " + free + " bytes free");

            List<String> logged = new ArrayList<>();
            Generation loaded = new StoreLoader(store, logged::add).load(List.of(input)).generation();

            assertEquals(loaded.dir(), store.current().orElseThrow().dir());
            assertEquals(40_000, Manifest.read(loaded.manifest()).quads());
            assertTrue(logged.get(0).endsWith("; removed gen-0002, gen-0001"), logged.get(0));
            assertEquals(List.of(loaded.name()), store.generations().stream().map(Generation::name).toList());
        }
    }

    @Test
    void aGenerationOpenInThisProcessIsNotPruned() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        Generation first = loader.load(List.of(nquads("a.nq", 1))).generation();
        try (ServedDataset open = ServedDataset.open(first)) {
            loader.load(List.of(nquads("b.nq", 2)));
            assertTrue(Files.exists(first.dir()), "still open, so kept");
        }
        store.prune();
        assertFalse(Files.exists(first.dir()), "closed, so removed");
    }
}
