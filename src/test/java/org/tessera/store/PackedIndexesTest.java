package org.tessera.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.dboe.sys.SystemIndex;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CliRunner;
import org.tessera.Tmpfs;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A phased load's B+trees rewritten full: the same tuples in every index, the same terms, in fewer blocks. */
class PackedIndexesTest {
    @TempDir Path dir;

    private Generation load(String store, BulkLoader loader) throws IOException {
        return new StoreLoader(new Store(dir.resolve(store)), loader, line -> { }).load(List.of(Path.of("rdf/tessera.nq"))).generation();
    }

    /** Every index of the database, by name, with its tuples in its own order, and each term the first tuple names. */
    private static Map<String, List<String>> indexes(Path tdb) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(tdb.toString());
        try {
            DatasetGraphTDB database = TDBInternal.getDatasetGraphTDB(dataset);
            return Txn.calculateRead(dataset, () -> {
                Map<String, List<String>> all = new LinkedHashMap<>();
                for (var table : List.of(database.getTripleTable().getNodeTupleTable(), database.getQuadTable().getNodeTupleTable())) {
                    for (TupleIndex index : table.getTupleTable().getIndexes()) {
                        List<String> tuples = Iter.toList(Iter.map(index.all(), Tuple::toString));
                        Tuple<NodeId> first = Iter.first(index.all(), t -> true);
                        if (first != null) {
                            // The ids name the same terms, and each term finds its id again.
                            for (NodeId id : first) {
                                var term = table.getNodeTable().getNodeForNodeId(id);
                                tuples.add(id + " " + term + " " + table.getNodeTable().getNodeIdForNode(term));
                            }
                        }
                        all.put(index.getName(), tuples);
                    }
                }
                return all;
            });
        } finally {
            TDBInternal.expel(dataset);
        }
    }

    /** The record blocks of every index's B+tree. */
    private static long recordBlocks(Path tdb) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(tdb.toString());
        try {
            DatasetGraphTDB database = TDBInternal.getDatasetGraphTDB(dataset);
            long blocks = 0;
            for (var table : List.of(database.getTripleTable().getNodeTupleTable(), database.getQuadTable().getNodeTupleTable())) {
                for (TupleIndex index : table.getTupleTable().getIndexes()) {
                    blocks += ((BPlusTree) ((TupleIndexRecord) index).getRangeIndex()).getStateManager().getRecordsBlocksLimit();
                }
            }
            return blocks;
        } finally {
            TDBInternal.expel(dataset);
        }
    }

    /** The bytes of the largest B+tree of the database: its blocks, internal and of records. */
    private static long largestTreeBytes(Path tdb) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(tdb.toString());
        try {
            DatasetGraphTDB database = TDBInternal.getDatasetGraphTDB(dataset);
            List<BPlusTree> trees = new ArrayList<>(List.of(LoaderOps.ntBPTree(database.getQuadTable().getNodeTupleTable().getNodeTable())));
            for (var table : List.of(database.getTripleTable().getNodeTupleTable(), database.getQuadTable().getNodeTupleTable())) {
                for (TupleIndex index : table.getTupleTable().getIndexes()) trees.add(LoaderOps.idxBTree(index));
            }
            long largest = 0;
            for (BPlusTree tree : trees) {
                var state = tree.getStateManager();
                largest = Math.max(largest, (state.getNodeBlocksLimit() + state.getRecordsBlocksLimit()) * SystemIndex.BlockSize);
            }
            return largest;
        } finally {
            TDBInternal.expel(dataset);
        }
    }

    private static long used(FileStore disk) throws IOException {
        return disk.getTotalSpace() - disk.getUsableSpace();
    }

    @Test
    void everyIndexHoldsTheSameTuplesInFewerBlocks() throws IOException {
        Path phased = load("phased", BulkLoader.PHASED).tdb();
        Map<String, List<String>> expected = indexes(phased);
        assertEquals(java.util.Set.of("SPO", "POS", "OSP", "GSPO", "GPOS", "GOSP", "SPOG", "POSG", "OSPG"), expected.keySet());
        assertTrue(expected.get("SPOG").size() > 10_000, "the corpus is loaded: " + expected.get("SPOG").size());

        PackedIndexes.Packed packed = PackedIndexes.pack(phased, dir.resolve("packed"));
        assertEquals(expected, indexes(dir.resolve("packed")));
        assertTrue(packed.blocksAfter() < packed.blocksBefore() * 0.8, "the records take fewer blocks: " + packed);
        assertEquals(expected, indexes(phased), "the database packed is left as it was");
    }

    @Test
    void thePackedLoaderServesTheSameQuadsAndTextIndexAsThePhasedOne() throws IOException {
        Generation phased = load("phased", BulkLoader.PHASED);
        Generation packed = load("packed", BulkLoader.PACKED);
        assertEquals(indexes(phased.tdb()), indexes(packed.tdb()));
        Manifest a = Manifest.read(phased.manifest()), b = Manifest.read(packed.manifest());
        assertEquals(List.of(a.quads(), a.graphs(), a.textEntities()), List.of(b.quads(), b.graphs(), b.textEntities()));
        try (var files = Files.list(packed.dir())) {
            String kept = packed.loadedNQuads().getFileName().toString();
            assertEquals(List.of("generation.json", "spatial.index", "tdb2", "text"),
                    files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(kept)).sorted().toList(),
                    "the database packed took the place of the one loaded");
        }
        String db = dir.resolve("by-name").toString();
        CliRunner load = CliRunner.run("load", "--loader", "packed", "--db", db, "rdf/tessera.nq");
        assertEquals(ExitCodes.OK, load.exitCode(), load.err());
        assertTrue(load.out().contains("(packed loader, " + b.textEntities() + " text entries)"), load.out());
        CliRunner query = CliRunner.run("query", "--db", db, "--format", "tsv", "queries/actor-timeline.rq");
        assertEquals(ExitCodes.OK, query.exitCode(), query.err());
        assertTrue(query.out().contains("Baghdadi's organisation breaks with Al Qaeda"), query.out());
    }

    @Test
    void theAutomaticChoicePacksWhenThePhasedDatabaseWouldNotFitInMemory() throws IOException {
        long gigabyte = 1L << 30;
        assertEquals(BulkLoader.PHASED, BulkLoader.AUTO.chosenFor(10 * gigabyte, 24 * gigabyte), "18 GB in 24: it fits");
        assertEquals(BulkLoader.PACKED, BulkLoader.AUTO.chosenFor(14 * gigabyte, 24 * gigabyte), "25 GB in 24: it does not");
        assertEquals(BulkLoader.PHASED, BulkLoader.AUTO.chosenFor(14 * gigabyte, 0), "memory unknown");
        assertEquals(BulkLoader.SORTED, BulkLoader.SORTED.chosenFor(14 * gigabyte, 24 * gigabyte), "a loader named is the one used");

        Generation phased = load("phased", BulkLoader.PHASED);
        long phasedBlocks = recordBlocks(phased.tdb());
        Map<String, String> loaded = new LinkedHashMap<>();
        for (String memory : List.of("1000000", Long.toString(1L << 40))) {
            String db = dir.resolve("auto-" + memory).toString();
            System.setProperty(StoreLoader.MEMORY_PROPERTY, memory);
            try {
                CliRunner load = CliRunner.run("load", "--db", db, "rdf/tessera.nq");
                assertEquals(ExitCodes.OK, load.exitCode(), load.err());
                loaded.put(memory, load.out());
            } finally {
                System.clearProperty(StoreLoader.MEMORY_PROPERTY);
            }
            Generation generation = new Store(Path.of(db)).current().orElseThrow();
            assertEquals(indexes(phased.tdb()), indexes(generation.tdb()));
            long blocks = recordBlocks(generation.tdb());
            if (memory.equals("1000000")) assertTrue(blocks < phasedBlocks * 0.8, "packed: " + blocks + " record blocks against " + phasedBlocks);
            else assertEquals(phasedBlocks, blocks, "loaded as the phased loader loads");
        }
        System.setProperty(StoreLoader.MEMORY_PROPERTY, "24G");
        try {
            CliRunner refused = CliRunner.run("load", "--db", dir.resolve("auto-bad").toString(), "rdf/tessera.nq");
            assertEquals(ExitCodes.INTERNAL_ERROR, refused.exitCode());
            assertTrue(refused.err().contains("tessera.load.memoryBytes: a number of bytes, not '24G'"), refused.err());
        } finally {
            System.clearProperty(StoreLoader.MEMORY_PROPERTY);
        }
        long megabytes = Files.size(Path.of("rdf/tessera.nq")) >> 20;
        assertTrue(loaded.get("1000000").contains("(packed loader, chosen for " + megabytes + " MB of N-Quads and 0.0 GB of memory, "), loaded.get("1000000"));
        assertTrue(loaded.get(Long.toString(1L << 40)).contains("(phased loader, chosen for " + megabytes + " MB of N-Quads and 1099.5 GB of memory, "),
                loaded.get(Long.toString(1L << 40)));
    }

    /**
     * In place, the disk holds one tree twice at most: each old tree is deleted once its
     * packed copy is committed, and the other files are moved. On a file system of its own,
     * whose use counts a file deleted but still mapped, as the loader's process maps the
     * database it loads.
     */
    @Test
    void packingInPlaceHoldsOneTreeTwiceAtMost() throws Exception {
        try (Tmpfs own = Tmpfs.mount(dir.resolve("own-disk"), "256m")) {
            Path disk = own.root();
            Path tdb = disk.resolve("tdb2");
            PhasedLoad.load(tdb, List.of(Path.of("rdf/tessera.nq")));
            Map<String, List<String>> expected = indexes(tdb);
            FileStore store = Files.getFileStore(disk);
            long start = used(store);
            Map<String, Long> usedWhenPacked = new LinkedHashMap<>();
            PackedIndexes.packInPlace(tdb, tree -> usedWhenPacked.put(tree, used(store)));

            assertEquals(java.util.Set.of("nodes", "SPO", "POS", "OSP", "GSPO", "GPOS", "GOSP", "SPOG", "POSG", "OSPG"), usedWhenPacked.keySet());
            long largest = largestTreeBytes(tdb);
            long peak = usedWhenPacked.values().stream().mapToLong(Long::longValue).max().orElseThrow() - start;
            assertTrue(peak <= largest + (1 << 20), "at most the largest packed tree, " + largest + " bytes, more than at the start: " + peak
                    + " bytes more at most, by tree " + usedWhenPacked + " from " + start);
            assertTrue(used(store) < start - largest, "the packed database takes less than the one loaded: " + used(store) + " bytes against " + start);
            assertEquals(expected, indexes(tdb));
            try (var files = Files.list(disk)) {
                assertEquals(List.of("tdb2"), files.map(p -> p.getFileName().toString()).toList(), "the packed database took the old one's place");
            }
        }
    }

    /** The largest packed tree is written beside the database loaded: the disk check asks for it before any work. */
    @Test
    void theDiskCheckCountsOnePackedTree() throws Exception {
        try (Tmpfs small = Tmpfs.mount(dir.resolve("small-disk"), "40m")) {
            // Outside the small disk, so the load writes its dump too: 4 times the input without the tree, 4.25 with it.
            Path input = dir.resolve("input.nq");
            try (var out = Files.newBufferedWriter(input)) {
                for (int i = 0; Files.size(input) < (97L << 20) / 10; i++) {
                    out.write("<https://example.org/s" + i + "> <https://example.org/p> \"value " + i + "\" <https://example.org/g> .\n");
                    if (i % 10_000 == 0) out.flush();
                }
            }
            Store store = new Store(small.root().resolve("db"));
            IOException refused = assertThrows(IOException.class, () -> new StoreLoader(store, BulkLoader.PACKED, line -> { }).load(List.of(input)));
            var needed = java.util.regex.Pattern.compile("(\\d+) MB free, a load of (\\d+) MB of N-Quads needs about (\\d+) MB, its dump included, the packed loader's copy of a tree included;")
                    .matcher(refused.getMessage());
            assertTrue(needed.find(), refused.getMessage());
            assertEquals(4.25 * Files.size(input) / (1 << 20), Long.parseLong(needed.group(3)), 1, refused.getMessage());
            assertTrue(4 * Files.size(input) < Long.parseLong(needed.group(1)) << 20, "without the tree, it would fit: " + refused.getMessage());
            assertTrue(store.current().isEmpty(), "nothing is loaded");
        }
    }
}
