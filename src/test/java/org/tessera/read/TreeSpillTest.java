package org.tessera.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeSpillTest {
    @TempDir Path dir;

    @Test
    void treesPutInOneOrderComeBackInAnyOrderOnSeveralThreads() throws Exception {
        List<Path> paths = new ArrayList<>();
        List<Node> trees = new ArrayList<>();
        try (TreeSpill spill = new TreeSpill(dir)) {
            for (int i = 0; i < 200; i++) {
                Node tree = new TreeParser().parse("f.yaml", ("id: file-" + i + "\nitems: [" + "x, ".repeat(i) + "end]\n")
                        .getBytes(StandardCharsets.UTF_8), new Problems()).orElseThrow();
                Path path = dir.resolve("file-" + i + ".yaml");
                spill.put(path, TreeCodec.encode(tree));
                paths.add(path);
                trees.add(tree);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Optional<Node>>> read = new ArrayList<>();
                for (int i = paths.size() - 1; i >= 0; i--) {
                    Path path = paths.get(i);
                    read.add(pool.submit(() -> spill.get(path)));
                }
                for (int i = 0; i < read.size(); i++) {
                    assertEquals(Optional.of(trees.get(paths.size() - 1 - i)), read.get(i).get());
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(Optional.empty(), spill.get(dir.resolve("never-put.yaml")));
            try (Stream<Path> left = Files.list(dir)) {
                assertTrue(left.findAny().isEmpty(), "the spill file is unlinked while open: a killed convert leaves none");
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.findAny().isEmpty(), "the spill file is deleted on close");
        }
    }
}
