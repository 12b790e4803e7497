package org.tessera.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CliRunner;
import org.tessera.Tools;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertEquals(List.of("generation.json", "tdb2", "text"),
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

    /** The packed copy is written beside the database loaded: the disk check asks for it before any work. */
    @Test
    void theDiskCheckCountsThePackedCopy() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("small-disk"));
        Tools.run(dir, List.of("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", disk.toString()));
        try {
            // Outside the small disk, so the load writes its dump too: 4 times the input without the copy, 5 with it.
            Path input = dir.resolve("input.nq");
            try (var out = Files.newBufferedWriter(input)) {
                for (int i = 0; Files.size(input) < 9L << 20; i++) {
                    out.write("<https://example.org/s" + i + "> <https://example.org/p> \"value " + i + "\" <https://example.org/g> .\n");
                    if (i % 10_000 == 0) out.flush();
                }
            }
            Store store = new Store(disk.resolve("db"));
            IOException refused = assertThrows(IOException.class, () -> new StoreLoader(store, BulkLoader.PACKED, line -> { }).load(List.of(input)));
            var needed = java.util.regex.Pattern.compile("of (\\d+) MB of N-Quads needs about (\\d+) MB, its dump included, the packed copy included;")
                    .matcher(refused.getMessage());
            assertTrue(needed.find(), refused.getMessage());
            assertEquals(5 * Long.parseLong(needed.group(1)), Long.parseLong(needed.group(2)), 5, refused.getMessage());
            assertTrue(store.current().isEmpty(), "nothing is loaded");
        } finally {
            Tools.run(dir, List.of("umount", "-l", disk.toString()));
        }
    }
}
