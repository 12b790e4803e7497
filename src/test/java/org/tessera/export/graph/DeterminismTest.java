package org.tessera.export.graph;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CorpusStore;
import org.tessera.store.ServedDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every view in every format it supports comes out byte for byte the same: twice
 * from the corpus in memory, and once from the corpus loaded into the TDB2 store
 * (as the server serves it), where the same queries meet other index orders.
 */
class DeterminismTest {
    @TempDir
    static Path temp;
    static ServedDataset store;

    @BeforeAll
    static void open() {
        store = ServedDataset.open(CorpusStore.get().current().orElseThrow());
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    @TestFactory
    Stream<DynamicTest> everyViewAndFormatGivesTheSameBytesEachTime() {
        return GraphExport.VIEWS.stream().flatMap(view -> View.of(view).formats.stream().map(format ->
                DynamicTest.dynamicTest(view + " as " + format, () -> {
                    String name = GraphExport.defaultFileName(format, view);
                    Path first = temp.resolve("first").resolve(name);
                    Path second = temp.resolve("second").resolve(name);
                    Path stored = temp.resolve("stored").resolve(name);
                    GraphExport.write(ExportFixtures.corpus(), format, view, first);
                    GraphExport.write(ExportFixtures.corpus(), format, view, second);
                    GraphExport.write(store.dataset(), format, view, stored);
                    for (Path file : files(first)) {
                        Path relative = first.relativize(file);
                        assertEquals(-1, Files.mismatch(file, second.resolve(relative)), "written twice: " + relative);
                        assertEquals(-1, Files.mismatch(file, stored.resolve(relative)), "from TDB2: " + relative);
                    }
                })));
    }

    /** The file, or the files of a csv directory. */
    private static List<Path> files(Path out) throws IOException {
        if (!Files.isDirectory(out)) return List.of(out);
        try (Stream<Path> list = Files.list(out)) {
            return list.sorted().toList();
        }
    }
}
