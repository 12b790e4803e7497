package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
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
 * <p>The terms are copied as they are, with the prefixes; the term-to-id tree and
 * every index are packed into a new database beside the old one, which then takes
 * its place.
 */
final class PackedIndexes {
    /** The files of a B+tree: its state, its internal nodes and its records. */
    private static final List<String> TREE_FILES = List.of(Names.extBptState, Names.extBptTree, Names.extBptRecords);

    private PackedIndexes() {}

    /** The outcome: the record blocks of every packed tree, before and after. */
    record Packed(long blocksBefore, long blocksAfter) {}

    /**
     * Writes a packed copy of the database in {@code tdb}, which nothing else may use
     * meanwhile, into {@code work}, a folder it makes.
     */
    static Packed pack(Path tdb, Path work) throws IOException {
        DatasetGraph source = DatabaseMgr.connectDatasetGraph(tdb.toString());
        Path sourceData = dataFolder(source);
        // The trees this packs, by the names of their files; every other file of the database is copied.
        Set<String> packedTrees = new HashSet<>(List.of(Names.nodeTableBaseName));
        for (TupleIndex index : indexes(TDBInternal.getDatasetGraphTDB(source))) packedTrees.add(index.getName());
        // The empty database whose term data and prefixes become the source's.
        DatasetGraph target = DatabaseMgr.connectDatasetGraph(work.toString());
        Path targetData = dataFolder(target);
        TDBInternal.expel(target);
        TDBInternal.expel(source);
        try (Stream<Path> files = Files.list(sourceData)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!isTree(file, packedTrees) && Files.isRegularFile(file) && !file.getFileName().toString().equals("tdb.lock")) {
                    Files.copy(file, targetData.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        source = DatabaseMgr.connectDatasetGraph(tdb.toString());
        target = DatabaseMgr.connectDatasetGraph(work.toString());
        try {
            DatasetGraphTDB from = TDBInternal.getDatasetGraphTDB(source);
            DatasetGraphTDB to = TDBInternal.getDatasetGraphTDB(target);
            List<BPlusTree[]> pairs = new ArrayList<>();
            pairs.add(new BPlusTree[] {LoaderOps.ntBPTree(from.getQuadTable().getNodeTupleTable().getNodeTable()),
                                       LoaderOps.ntBPTree(to.getQuadTable().getNodeTupleTable().getNodeTable())});
            addIndexes(pairs, indexes(from), indexes(to));
            long before = 0, after = 0;
            for (BPlusTree[] pair : pairs) {
                before += pair[0].getStateManager().getRecordsBlocksLimit();
                Txn.executeRead(source, () -> copyPacked(pair[0].iterator(), pair[1]));
                after += pair[1].getStateManager().getRecordsBlocksLimit();
            }
            return new Packed(before, after);
        } finally {
            TDBInternal.expel(target);
            TDBInternal.expel(source);
        }
    }

    /** Packs {@code tdb} and puts the packed copy in its place. */
    static Packed packInPlace(Path tdb) throws IOException {
        Path work = tdb.resolveSibling(tdb.getFileName() + "-packed");
        Packed packed = pack(tdb, work);
        FileTrees.delete(tdb);
        Files.move(work, tdb);
        return packed;
    }

    /** The triple table's indexes, then the quad table's. */
    private static List<TupleIndex> indexes(DatasetGraphTDB database) {
        List<TupleIndex> all = new ArrayList<>(List.of(database.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes()));
        all.addAll(List.of(database.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()));
        return all;
    }

    private static void addIndexes(List<BPlusTree[]> pairs, List<TupleIndex> from, List<TupleIndex> to) {
        for (TupleIndex index : from) {
            TupleIndex same = null;
            for (TupleIndex candidate : to) if (candidate.getName().equals(index.getName())) same = candidate;
            if (same == null) throw new IllegalStateException("no index " + index.getName() + " in the packed database");
            pairs.add(new BPlusTree[] {LoaderOps.idxBTree(index), LoaderOps.idxBTree(same)});
        }
    }

    /** Writes the records, in order, as the whole of an empty tree, in a transaction of that tree alone, as xloader does. */
    private static void copyPacked(Iterator<Record> records, BPlusTree target) {
        // An empty tree stays as the new database made it: the rewriter needs a first record.
        if (!records.hasNext()) return;
        TransactionCoordinator coordinator = CoLib.newCoordinator();
        coordinator.add(target);
        coordinator.start();
        Transaction transaction = coordinator.begin(TxnType.WRITE);
        try {
            BPlusTreeRewriter.packIntoBPlusTree(records, target.getParams(), target.getRecordFactory(), target.getStateManager().getBufferChannel(),
                    target.getNodeManager().getBlockMgr(), target.getRecordsMgr().getBlockMgr());
            transaction.commit();
        } catch (RuntimeException e) {
            transaction.abort();
            throw e;
        } finally {
            transaction.end();
        }
    }

    private static boolean isTree(Path file, Set<String> trees) {
        String name = file.getFileName().toString();
        for (String extension : TREE_FILES) {
            if (name.endsWith("." + extension) && trees.contains(name.substring(0, name.length() - extension.length() - 1))) return true;
        }
        return false;
    }

    private static Path dataFolder(DatasetGraph database) {
        return Path.of(TDBInternal.getDatasetGraphTDB(database).getLocation().getDirectoryPath());
    }
}
