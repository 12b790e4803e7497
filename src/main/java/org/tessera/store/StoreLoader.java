package org.tessera.store;

import org.apache.jena.geosparql.spatial.SpatialIndexException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tessera.support.FileLocks;
import org.tessera.support.FileStamp;
import org.tessera.support.Sha256;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Bulk-loads N-Quads into a new generation of a store (with one of TDB2's bulk
 * loaders, {@link BulkLoader}), builds its text index, writes its manifest and only
 * then publishes it as current.
 */
public final class StoreLoader {
    private final Store store;
    private final BulkLoader loader;
    private final Consumer<String> log;
    private final Duration wait;

    /** With the loader chosen for the input's size ({@link BulkLoader#AUTO}); {@code log} receives one line per completed load. */
    public StoreLoader(Store store, Consumer<String> log) {
        this(store, BulkLoader.AUTO, log);
    }

    /** @param log receives one line per completed load */
    public StoreLoader(Store store, BulkLoader loader, Consumer<String> log) {
        this(store, loader, log, Duration.ZERO);
    }

    private StoreLoader(Store store, BulkLoader loader, Consumer<String> log, Duration wait) {
        this.store = store;
        this.loader = loader;
        this.log = log;
        this.wait = wait;
    }

    /**
     * This loader, made to wait up to {@code wait} for a load into the same store that is
     * running (in this process or another) to end, instead of failing at once: loads
     * started together, by a schedule or by hand, then run one after the other.
     */
    public StoreLoader waitingUpTo(Duration wait) {
        return new StoreLoader(store, loader, log, wait);
    }

    /** The outcome of {@link #load}: the generation served now, and whether it is new. */
    public record Result(Generation generation, Manifest manifest, boolean loaded) {}

    /**
     * Loads the files unless the current generation was loaded from the same
     * bytes, in which case nothing changes. Files left as they were when last read are
     * known by their attributes ({@link FileStamp}); others are read for their fingerprint.
     */
    public Result loadIfChanged(List<Path> nquads) throws IOException {
        Optional<FileStamp> stamp = FileStamp.take(nquads, TextIndexing.layout());
        var current = store.current();
        if (current.isPresent()) {
            Manifest manifest = Manifest.read(current.get().manifest());
            if (manifest.input() != null && manifest.input().stillDescribes(stamp)) return new Result(current.get(), manifest, false);
            String fingerprint = fingerprint(nquads);
            if (manifest.fingerprint().equals(fingerprint)) return new Result(current.get(), restamped(current.get(), manifest, stamp), false);
            return load(nquads, fingerprint, stamp);
        }
        return load(nquads, fingerprint(nquads), stamp);
    }

    public Result load(List<Path> nquads) throws IOException {
        // The stamp before the bytes are read: a file written meanwhile then differs from it.
        Optional<FileStamp> stamp = FileStamp.take(nquads, TextIndexing.layout());
        return load(nquads, fingerprint(nquads), stamp);
    }

    /**
     * The manifest of the current generation with the stamp of files just read and found
     * the same, so that the next start need not read them again: a store loaded before
     * stamps were kept, or a file a converter wrote again with the same bytes. Written
     * under the load lock while the generation is still current; left as it was while a
     * load runs, which writes a manifest of its own.
     */
    private Manifest restamped(Generation generation, Manifest manifest, Optional<FileStamp> stamp) {
        if (stamp.isEmpty()) return manifest;
        Manifest restamped = manifest.stamped(stamp.get());
        try (FileLocks.Held lock = store.lockForLoad()) {
            if (!store.current().equals(Optional.of(generation))) return manifest;
            restamped.write(generation.manifest());
            return restamped;
        } catch (IOException e) {
            return manifest;
        }
    }

    private Result load(List<Path> nquads, String fingerprint, Optional<FileStamp> stamp) throws IOException {
        if (!wait.isZero() && store.loadRunning()) {
            log.accept("Another load into " + store.dir() + " is running: waiting up to " + wait.toSeconds() + " s for it to end");
        }
        try (FileLocks.Held lock = store.lockForLoad(wait)) {
            // Once the lock is ours: a load we waited for has used the disk meanwhile.
            long input = 0;
            for (Path file : nquads) input += Files.size(file);
            long memory = memoryCountedOn();
            BulkLoader chosen = loader.chosenFor(input, memory);
            // What a failed load left, and what no process has open any more, would count against this load's disk:
            // at 1M events a half-packed generation takes tens of GB.
            List<String> pruned = new ArrayList<>(store.pruneHoldingLoadLock());
            checkDiskSpace(input, nquads, chosen);
            Generation generation = store.createNext();
            Manifest manifest = fill(generation, nquads, fingerprint, stamp, chosen);
            manifest.write(generation.manifest());
            store.publish(generation);
            pruned.addAll(store.pruneHoldingLoadLock());
            log.accept(String.format("Loaded %d quads in %d graphs into %s (%s loader%s, %d text entries)%s", manifest.quads(), manifest.graphs(),
                    generation.dir(), name(chosen), chosen == loader ? "" : String.format(Locale.ROOT, ", chosen for %d MB of N-Quads and %.1f GB of memory", input >> 20, memory / 1e9),
                    manifest.textEntities(), pruned.isEmpty() ? "" : "; removed " + String.join(", ", pruned)));
            return new Result(generation, manifest, true);
        }
    }

    /** Loads the quads and builds the text index; returns what the manifest will say. */
    private Manifest fill(Generation generation, List<Path> nquads, String fingerprint, Optional<FileStamp> stamp, BulkLoader chosen) throws IOException {
        // The sort's temporary files go in the generation: a killed load's are pruned with it.
        long quads = chosen.load(generation.tdb(), nquads, generation.dir());
        // After the phased loader, its own connection, from TDB2's cache; after the sorted one, the files xloader wrote.
        DatasetGraph database = DatabaseMgr.connectDatasetGraph(generation.tdb().toString());
        try {
            LoadedNQuads.keep(nquads, generation, database);
            long entities = TextIndexing.build(database, generation.textIndex());
            try {
                SpatialIndexing.build(database, generation.spatialIndex());
            } catch (SpatialIndexException e) {
                throw new IOException("Cannot build the spatial index of " + generation.name() + ": " + e.getMessage(), e);
            }
            long graphs = Txn.calculateRead(database, () -> countGraphs(database));
            return new Manifest(fingerprint, quads, graphs, entities, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    stamp.orElse(null));
        } finally {
            TDBInternal.expel(database);
        }
    }

    private static long countGraphs(DatasetGraph database) {
        long count = 0;
        for (Iterator<Node> it = database.listGraphNodes(); it.hasNext(); it.next()) count++;
        return count;
    }

    /**
     * A new generation takes about as much disk as its N-Quads (TDB2 stores each
     * term once, then indexes); twice that is asked for, so that a load fails here,
     * with a clear message, rather than half-way. Where the load writes its own dump
     * ({@link LoadedNQuads}), its sorted runs and its file take up to twice the N-Quads
     * more; and what the loader holds beside its database for a while ({@link BulkLoader#spaceBeside()}),
     * a quarter more for the packed loader, which holds one tree twice at most. The factor is the system
     * property {@value #SPACE_FACTOR_PROPERTY} (0 turns the check off).
     */
    private void checkDiskSpace(long input, List<Path> nquads, BulkLoader chosen) throws IOException {
        double factor = Double.parseDouble(System.getProperty(SPACE_FACTOR_PROPERTY, "2.0"));
        Files.createDirectories(store.dir());
        FileStore disk = Files.getFileStore(store.dir());
        long free = disk.getUsableSpace();
        boolean linked = LoadedNQuads.linkable(nquads, disk);
        double perByte = factor == 0 ? 0 : factor + (linked ? 0 : 2) + chosen.spaceBeside();
        long needed = (long) (input * perByte);
        if (free < needed) {
            throw new IOException(String.format("Not enough disk space in %s: %d MB free, a load of %d MB of N-Quads needs about %d MB%s%s; "
                    + "the current data stays as it is", store.dir(), free >> 20, input >> 20, needed >> 20,
                    linked ? "" : ", its dump included", chosen.spaceBeside() > 0 ? ", the " + name(chosen) + " loader's copy of a tree included" : ""));
        }
    }

    /** The property's bytes when it is set, the machine's memory otherwise. */
    private static long memoryCountedOn() {
        String set = System.getProperty(MEMORY_PROPERTY);
        if (set == null) return MemoryFit.physicalMemory();
        try {
            return Long.parseLong(set.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MEMORY_PROPERTY + ": a number of bytes, not '" + set + "'", e);
        }
    }

    private static String name(BulkLoader loader) {
        return loader.name().toLowerCase(Locale.ROOT);
    }

    static final String SPACE_FACTOR_PROPERTY = "tessera.load.spaceFactor";
    /** The memory, in bytes, that the automatic choice of loader counts on: by default the machine's, less where the store shares it. */
    static final String MEMORY_PROPERTY = "tessera.load.memoryBytes";

    /** SHA-256 over the files' bytes, in order, and the text index's fields, which a load builds. */
    static String fingerprint(List<Path> files) throws IOException {
        Sha256 digest = new Sha256();
        for (Path file : files) digest.add(file);
        digest.add(TextIndexing.layout());
        return digest.hex();
    }
}
