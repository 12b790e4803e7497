package org.tessera;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * src/main/sh/jvm-options, which the launcher and bench/run take the JVM's options from:
 * C2 alone and the throughput collector for commands that convert or export a large corpus, nothing otherwise.
 */
class JvmOptionsTest {
    private static final Path SCRIPT = TestProjects.REPO.resolve("src/main/sh/jvm-options");
    private static final String LARGE_CORPUS = "-XX:-TieredCompilation -XX:+UseParallelGC -Xmn256m";

    @TempDir Path dir;

    @Test
    void aLargeCorpusConvertsValidatesCountsAndExportsWithC2Alone() throws Exception {
        Path large = project("large", 33L * 1024 * 1024);
        for (String command : List.of("convert", "validate", "stats", "export")) {
            assertEquals(LARGE_CORPUS, options(command, "--project", large.toString()), command);
        }
        assertEquals(LARGE_CORPUS, options("convert", "--project=" + large));
        assertEquals(LARGE_CORPUS, options("convert", "-p", large.toString(), "--base", "https://example.org/"));
        assertEquals(LARGE_CORPUS, options("convert", "-p" + large));
        // The current folder is the project when none is named.
        assertEquals(LARGE_CORPUS, optionsIn(large, "convert"));
    }

    @Test
    void aCollectorNamedInTesseraJavaOptsWinsSinceTheJvmRefusesTwo() throws Exception {
        Path large = project("large", 33L * 1024 * 1024);
        List<String> command = List.of("env", "TESSERA_JAVA_OPTS=-Xmx2g -XX:+UseG1GC", "bash", SCRIPT.toString(),
                "convert", "--project", large.toString());
        assertEquals("-XX:-TieredCompilation", Tools.run(dir, command).strip());
    }

    @Test
    void aSmallCorpusTheRepositorysOwnAndOtherCommandsKeepTheJvmsDefaults() throws Exception {
        Path small = project("small", 1024 * 1024);
        Path large = project("large", 33L * 1024 * 1024);
        assertEquals("", options("convert", "--project", small.toString()));
        assertEquals("", options("export", "--format", "gexf", "--project", small.toString()));
        assertEquals("", options("convert", "--project", TestProjects.REPO.toString()));
        assertEquals("", options("serve", "--project", large.toString()), "serve starts an HTTP server: its start counts");
        assertEquals("", options("load", "--project", large.toString()));
        assertEquals("", options("convert", "--project", dir.resolve("missing").toString()));
        assertEquals("", options());
    }

    /** A project whose annotations/ holds one file of {@code bytes} bytes (sparse: du -b counts its length). */
    private Path project(String name, long bytes) throws IOException {
        Path annotations = Files.createDirectories(dir.resolve(name).resolve("annotations"));
        try (RandomAccessFile file = new RandomAccessFile(annotations.resolve("big.yaml").toFile(), "rw")) {
            file.setLength(bytes);
        }
        return dir.resolve(name);
    }

    private String options(String... args) throws Exception {
        return optionsIn(dir, args);
    }

    /** The script's output, run in {@code workDir} without the caller's TESSERA_JAVA_OPTS, which may name a collector. */
    private String optionsIn(Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "-u", "TESSERA_JAVA_OPTS", "bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        return Tools.run(workDir, command).strip();
    }
}
