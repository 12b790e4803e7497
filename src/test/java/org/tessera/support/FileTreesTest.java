package org.tessera.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertFalse;

class FileTreesTest {
    @TempDir Path dir;

    /**
     * The server prunes after it switches generations, and a load after it publishes
     * one; both may delete the same old generation at once. A CI run of LoadTest
     * failed when one found a file the other had just deleted.
     */
    @Test
    void twoPrunersDeletingTheSameTreeAtOnceBothSucceed() throws Exception {
        ExecutorService pruners = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Path tree = tree(dir.resolve("gen-" + round));
                Callable<Void> delete = () -> {
                    FileTrees.delete(tree);
                    return null;
                };
                List<Future<Void>> both = new ArrayList<>(List.of(pruners.submit(delete), pruners.submit(delete)));
                for (Future<Void> pruner : both) pruner.get();
                assertFalse(Files.exists(tree), "round " + round);
            }
        } finally {
            pruners.shutdownNow();
        }
    }

    @Test
    void deletingATreeThatIsGoneIsNotAnError() throws IOException {
        FileTrees.delete(dir.resolve("never-there"));
        Path tree = tree(dir.resolve("gen-0001"));
        FileTrees.delete(tree);
        FileTrees.delete(tree);
        assertFalse(Files.exists(tree));
    }

    /** A folder shaped like a generation: nested folders with many small files. */
    private static Path tree(Path root) throws IOException {
        for (int folder = 0; folder < 20; folder++) {
            Path sub = Files.createDirectories(root.resolve("tdb2/Data-" + folder));
            for (int file = 0; file < 100; file++) Files.writeString(sub.resolve("f" + file + ".bpt"), "x");
        }
        return root;
    }
}
