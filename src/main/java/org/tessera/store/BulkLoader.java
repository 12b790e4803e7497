package org.tessera.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Which of Jena's bulk loaders builds a generation's TDB2 database. */
public enum BulkLoader {
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

        /** The packed copy, beside the database loaded: 23 GB beside 38 GB for 22 GB of N-Quads at 1M events. */
        @Override
        double spaceBeside() {
            return 1.0;
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
     * Builds a new database in {@code tdb} from the files, with any temporary files in
     * a folder it makes in {@code work} and removes, and returns the number of quads
     * and triples loaded.
     */
    abstract long load(Path tdb, List<Path> nquads, Path work) throws IOException;

    /** The disk this loader takes for a while beside the database, per byte of N-Quads. */
    double spaceBeside() {
        return 0;
    }
}
