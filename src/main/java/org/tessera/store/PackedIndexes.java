package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tessera.support.FileTrees;

/**
 * Rewrites a TDB2 database's B+trees with full blocks, as xloader writes them, from
 * the trees themselves. The phased loader inserts into the trees, and a block that
 * splits keeps half its records: its database takes about twice the disk of the
 * records, and at 1M events does not fit in the page cache (BENCHMARKS.md, round
 * thirty-five). Each tree is already in its own order, so no sort is needed: a
 * packed copy is read and written once, in order.
 *
 * <p>The terms are kept as they are, with the prefixes; the term-to-id tree and
 * every index are packed, one tree at a time, into a new database beside the old one.
 * In place, the old database's other files are moved into the new one and each old
 * tree is deleted once its copy is committed, so the disk holds one tree twice at most;
 * then the new database takes the old one's place.
 */
final class PackedIndexes {
    private PackedIndexes() {}

    /** The outcome: the record blocks of every packed tree, before and after. */
    record Packed(long blocksBefore, long blocksAfter) {}

    /** Told of each tree once its packed copy is committed and before its old one goes: when the disk holds the most. */
    @FunctionalInterface
    interface TreePacked {
        void packed(String tree) throws IOException;
    }

    /**
     * Writes a packed copy of the database in {@code tdb}, which nothing else may use
     * meanwhile, into {@code work}, a folder it makes; {@code tdb} is left as it was.
     */
    static Packed pack(Path tdb, Path work) throws IOException {
        return pack(tdb, work, Source.KEPT, tree -> { });
    }

    /** Packs {@code tdb} and puts the packed database in its place. */
    static Packed packInPlace(Path tdb) throws IOException {
        return packInPlace(tdb, tree -> { });
    }

    /**
     * Packs {@code tdb} tree by tree, taking it apart as the packed database grows, and
     * puts the packed database in its place. A failure half-way leaves neither a whole old
     * database nor a whole new one. That is safe where the loader calls it: the database
     * belongs to a generation that is not current, and that {@link StoreLoader} publishes
     * only after the load has returned and its manifest is written; a generation without a
     * manifest is never current ({@link Store#current()}, {@link Store#publish}), and the
     * next load or prune deletes it.
     */
    static Packed packInPlace(Path tdb, TreePacked afterEachTree) throws IOException {
        Path work = tdb.resolveSibling(tdb.getFileName() + "-packed");
        Packed packed = pack(tdb, work, Source.CONSUMED, afterEachTree);
        FileTrees.delete(tdb);
        Files.move(work, tdb);
        return packed;
    }

    /** What becomes of the database packed. */
    private enum Source {
        /** Left as it was: its other files are copied. */
        KEPT {
            @Override
            void bring(Path file, Path into) throws IOException {
                Files.copy(file, into, StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            void release(TreeFiles tree) {}
        },
        /** Taken apart: its other files are moved, and each tree deleted once packed. */
        CONSUMED {
            @Override
            void bring(Path file, Path into) throws IOException {
                Files.move(file, into, StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            void release(TreeFiles tree) throws IOException {
                tree.delete();
            }
        };

        /** Puts a file that is not packed (the terms, the prefixes, the journal) in the new database. */
        abstract void bring(Path file, Path into) throws IOException;

        /** Called once the tree's packed copy is committed. */
        abstract void release(TreeFiles tree) throws IOException;
    }

    private static Packed pack(Path tdb, Path work, Source source, TreePacked afterEachTree) throws IOException {
        // The trees to pack and their records' layout, from the source's connection (the
        // loader's, in TDB2's cache), which is then closed: each tree is opened alone, so
        // that nothing holds it once packed.
        DatasetGraph connected = DatabaseMgr.connectDatasetGraph(tdb.toString());
        Path sourceData = dataFolder(connected);
        Map<String, RecordFactory> layouts = new LinkedHashMap<>();
        trees(TDBInternal.getDatasetGraphTDB(connected)).forEach((name, tree) -> layouts.put(name, tree.getRecordFactory()));
        TDBInternal.expel(connected);
        // The empty database whose term data and prefixes become the source's.
        DatasetGraph target = DatabaseMgr.connectDatasetGraph(work.toString());
        Path targetData = dataFolder(target);
        TDBInternal.expel(target);
        try (Stream<Path> files = Files.list(sourceData)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!TreeFiles.isTreeFile(file, layouts.keySet()) && Files.isRegularFile(file) && !file.getFileName().toString().equals("tdb.lock")) {
                    source.bring(file, targetData.resolve(file.getFileName()));
                }
            }
        }
        target = DatabaseMgr.connectDatasetGraph(work.toString());
        try {
            Map<String, BPlusTree> targetTrees = trees(TDBInternal.getDatasetGraphTDB(target));
            long before = 0, after = 0;
            for (var layout : layouts.entrySet()) {
                BPlusTree packed = targetTrees.get(layout.getKey());
                if (packed == null) throw new IllegalStateException("no tree " + layout.getKey() + " in the packed database");
                TreeFiles files = new TreeFiles(sourceData, layout.getKey());
                BPlusTree old = files.open(layout.getValue());
                try {
                    before += old.getStateManager().getRecordsBlocksLimit();
                    inOwnTransaction(old, TxnType.READ, () -> inOwnTransaction(packed, TxnType.WRITE, () -> copyPacked(old.iterator(), packed)));
                } finally {
                    old.close();
                }
                after += packed.getStateManager().getRecordsBlocksLimit();
                afterEachTree.packed(layout.getKey());
                source.release(files);
            }
            return new Packed(before, after);
        } finally {
            TDBInternal.expel(target);
        }
    }

    /** The term-to-id tree, then the triple table's indexes and the quad table's, by the names of their files. */
    private static Map<String, BPlusTree> trees(DatasetGraphTDB database) {
        Map<String, BPlusTree> trees = new LinkedHashMap<>();
        trees.put(Names.nodeTableBaseName, LoaderOps.ntBPTree(database.getQuadTable().getNodeTupleTable().getNodeTable()));
        for (var table : List.of(database.getTripleTable(), database.getQuadTable())) {
            for (TupleIndex index : table.getNodeTupleTable().getTupleTable().getIndexes()) trees.put(index.getName(), LoaderOps.idxBTree(index));
        }
        return trees;
    }

    /**
     * Runs {@code work} in a transaction of {@code tree} alone, as xloader writes a tree:
     * the tree's database, if open, is not involved.
     */
    private static void inOwnTransaction(BPlusTree tree, TxnType type, Runnable work) {
        TransactionCoordinator coordinator = CoLib.newCoordinator();
        coordinator.add(tree);
        coordinator.start();
        Transaction transaction = coordinator.begin(type);
        try {
            work.run();
            transaction.commit();
        } catch (RuntimeException e) {
            transaction.abort();
            throw e;
        } finally {
            transaction.end();
        }
    }

    /** Writes the records, in order, as the whole of an empty tree. */
    private static void copyPacked(Iterator<Record> records, BPlusTree target) {
        // An empty tree stays as the new database made it: the rewriter needs a first record.
        if (!records.hasNext()) return;
        BPlusTreeRewriter.packIntoBPlusTree(records, target.getParams(), target.getRecordFactory(), target.getStateManager().getBufferChannel(),
                target.getNodeManager().getBlockMgr(), target.getRecordsMgr().getBlockMgr());
    }

    private static Path dataFolder(DatasetGraph database) {
        return Path.of(TDBInternal.getDatasetGraphTDB(database).getLocation().getDirectoryPath());
    }
}
