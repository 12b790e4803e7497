package org.tessera.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Which of Jena's bulk loaders builds a generation's TDB2 database. */
public enum BulkLoader {
    /**
     * The packed loader when the phased one's database would not fit in memory, the
     * phased loader otherwise: packing costs a few per cent more load time, and pays only
     * where the page cache cannot hold every page (BENCHMARKS.md, round thirty-five).
     */
    AUTO {
        @Override
        long load(Path tdb, List<Path> nquads, Path work) {
            throw new IllegalStateException("the automatic choice loads with the loader it picks: call chosenFor first");
        }

        @Override
        BulkLoader chosenFor(long nquadsBytes, long memoryBytes) {
            boolean fits = memoryBytes <= 0 || nquadsBytes * PHASED_BYTES_PER_NQUADS_BYTE <= memoryBytes;
            return fits ? PHASED : PACKED;
        }
    },
    /**
     * The default of {@code tdb2.tdbloader}: B+tree inserts, index by index. The fastest
     * while the indexes fit in memory.
     */
    PHASED {
        @Override
        long load(Path tdb, List<Path> nquads, Path work) throws IOException {
            return PhasedLoad.load(tdb, nquads);
        }
    },
    /**
     * The phased loader, then each B+tree rewritten with full blocks from its own order
     * ({@link PackedIndexes}): the database of the sorted loader, 40% smaller than the
     * phased one's, for 4-11% more time than the phased load (BENCHMARKS.md, round thirty-five).
     */
    PACKED {
        @Override
        long load(Path tdb, List<Path> nquads, Path work) throws IOException {
            long count = PhasedLoad.load(tdb, nquads);
            PackedIndexes.packInPlace(tdb);
            return count;
        }

        /**
         * The largest packed tree, beside the database loaded: the database is packed tree by
         * tree, each old tree deleted once its copy is committed. At 1M events each packed quad
         * index took 3.68 GB for 22 GB of N-Quads, 0.17 of them; 0.25 leaves a margin.
         */
        @Override
        double spaceBeside() {
            return 0.25;
        }
    },
    /**
     * {@code tdb2.xloader}: the terms, then each index, sorted on disk by sort(1) and
     * written as packed B+trees. Little memory at any size, and a database about 40%
     * smaller, which the page cache holds for longer.
     */
    SORTED {
        @Override
        long load(Path tdb, List<Path> nquads, Path work) throws IOException {
            return SortedLoad.load(tdb, nquads, work);
        }
    };

    /**
     * The phased loader's database against its N-Quads, in bytes: 38 GB for 22 GB at 1M
     * events, 4.2 GB for 2.2 GB at 100k (BENCHMARKS.md, round thirty-five).
     */
    static final double PHASED_BYTES_PER_NQUADS_BYTE = 1.8;

    /**
     * Builds a new database in {@code tdb} from the files, with any temporary files in
     * a folder it makes in {@code work} and removes, and returns the number of quads
     * and triples loaded.
     */
    abstract long load(Path tdb, List<Path> nquads, Path work) throws IOException;

    /**
     * The loader that loads {@code nquadsBytes} of N-Quads on a machine of {@code memoryBytes}
     * (0 when unknown): this one, but for {@link #AUTO}.
     */
    BulkLoader chosenFor(long nquadsBytes, long memoryBytes) {
        return this;
    }

    /** The disk this loader takes for a while beside the database, per byte of N-Quads. */
    double spaceBeside() {
        return 0;
    }
}
