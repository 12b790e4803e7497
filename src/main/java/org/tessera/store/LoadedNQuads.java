package org.tessera.store;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.tessera.output.AtomicFile;
import org.tessera.output.DumpWriter;
import org.tessera.output.QuadSorter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The N-Quads dump of a generation, kept in it so that the server sends the dumps from
 * a file, at any size, rather than sorting the whole dataset in memory for each request.
 * <ul>
 * <li>The one file loaded is kept as a hard link ({@code loaded.nq}): the converter's
 * {@code rdf/tessera.nq} is that dump already, sorted, byte for byte. A link costs no
 * disk and no time.</li>
 * <li>Where no link can be made (several files loaded, or the store on another file
 * system), the load writes the dump from the data it loaded ({@code dump.nq}), sorted on
 * disk: a copy of the bytes, and some of the load's time.</li>
 * </ul>
 */
public final class LoadedNQuads {
    private LoadedNQuads() {}

    /** Keeps the dump of a new generation, whose data {@code database} holds: linked where it can be, else written. */
    static void keep(List<Path> loaded, Generation generation, DatasetGraph database) throws IOException {
        if (!link(loaded, generation)) write(database, generation, QuadSorter.QUADS_IN_MEMORY);
    }

    /** Whether the files loaded into a store on {@code disk} can be kept as a link: one file, on that disk. */
    static boolean linkable(List<Path> loaded, FileStore disk) throws IOException {
        return loaded.size() == 1 && disk.equals(Files.getFileStore(loaded.get(0)));
    }

    private static boolean link(List<Path> loaded, Generation generation) {
        if (loaded.size() != 1) return false;
        try {
            Files.createLink(generation.loadedNQuads(), loaded.get(0));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Writes every quad of the database as N-Quads, in the dump's order: the bytes the
     * server would write from the data. The runs of the sort spill into the generation, so
     * that a load stopped midway leaves them with the rest of it, to be pruned.
     */
    static void write(DatasetGraph database, Generation generation, int quadsSortedInMemory) throws IOException {
        try (QuadSorter sorter = new QuadSorter(generation.dir(), quadsSortedInMemory)) {
            Txn.executeRead(database, () -> database.find().forEachRemaining(sorter::add));
            AtomicFile.replace(generation.writtenNQuads(), temporary -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                    StreamRDF nquads = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
                    nquads.start();
                    sorter.forEachSorted(nquads::quad);
                    nquads.finish();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The kept dump, while it still holds what was loaded. A link shares the file: a
     * converter replaces {@code rdf/} and leaves it alone, but a file written in place
     * after the load (its modification time later than the load's end) is not the data.
     * A written dump is the generation's own, and no one else writes it.
     */
    public static Optional<Path> of(Generation generation) {
        try {
            return of(generation, Manifest.read(generation.manifest()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The kept file of a generation of this manifest, checked each time it is asked for: it may be written while served. */
    static DumpWriter.NQuadsFile whileUnchanged(Generation generation, Manifest manifest) {
        return () -> of(generation, manifest);
    }

    private static Optional<Path> of(Generation generation, Manifest manifest) {
        if (Files.isRegularFile(generation.writtenNQuads())) return Optional.of(generation.writtenNQuads());
        Path file = generation.loadedNQuads();
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            Instant loadedAt = Instant.parse(manifest.loadedAt());
            return Files.getLastModifiedTime(file).toInstant().isBefore(loadedAt) ? Optional.of(file) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
