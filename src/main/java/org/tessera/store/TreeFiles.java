package org.tessera.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

import org.apache.jena.dboe.base.file.FileSet;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.dboe.transaction.txn.ComponentId;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeFactory;

/**
 * One B+tree of a TDB2 database folder, by its files: opened alone, without the rest
 * of its database, and deleted so that its disk comes back at once.
 */
record TreeFiles(Path folder, String name) {
    /** The files of a B+tree: its state, its internal nodes and its records. */
    private static final List<String> EXTENSIONS = List.of(Names.extBptState, Names.extBptTree, Names.extBptRecords);

    /** Whether {@code file} is one of the files of a tree named in {@code trees}. */
    static boolean isTreeFile(Path file, Collection<String> trees) {
        String name = file.getFileName().toString();
        for (String extension : EXTENSIONS) {
            if (name.endsWith("." + extension) && trees.contains(name.substring(0, name.length() - extension.length() - 1))) return true;
        }
        return false;
    }

    /** The tree, made as its database makes it ({@code TDB2StorageBuilder}), for a transaction of its own. */
    BPlusTree open(RecordFactory records) {
        return BPlusTreeFactory.createBPTree(ComponentId.allocLocal(), new FileSet(Location.create(folder), name), records);
    }

    /**
     * Deletes the tree's files, each emptied first. TDB2 maps its trees into memory, and
     * Java unmaps a file only when the garbage collector takes its buffers, however long
     * after the database is closed; Linux keeps a deleted file's blocks while it is mapped,
     * but gives back those a truncation cuts off at once. Nothing reads the mapping again:
     * the tree and its database are closed.
     */
    void delete() throws IOException {
        for (String extension : EXTENSIONS) {
            Path file = folder.resolve(name + "." + extension);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            Files.delete(file);
        }
    }
}
