package org.tessera.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CliRunner;
import org.tessera.TestProjects;
import org.tessera.Tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A graph view whose temporary files find no room says where they go, and writes nothing. */
class ExportTempSpaceTest {
    @TempDir Path dir;

    @Test
    void aFullTemporaryFolderIsNamedAndNothingIsWritten() throws Exception {
        Path project = TestProjects.copy("minimal", dir);
        assertEquals(0, CliRunner.run("convert", "--project", project.toString()).exitCode());
        Path out = dir.resolve("full.gexf");
        assertEquals(0, CliRunner.run("export", "--format", "gexf", "--view", "full", "--project", project.toString(),
                "--out", out.toString()).exitCode(), "with room, the view is written");
        long viewBytes = Files.size(out);
        Files.delete(out);

        Path small = Files.createDirectories(dir.resolve("small-tmp"));
        // A tmpfs of one page: smaller than the view's nodes and edges, which wait there.
        Tools.run(dir, List.of("mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", small.toString()));
        String tmpdir = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", small.toString());
            CliRunner export = CliRunner.run("export", "--format", "gexf", "--view", "full", "--project", project.toString(),
                    "--out", out.toString());
            assertEquals(ExitCodes.INTERNAL_ERROR, export.exitCode(), export.err());
            assertTrue(export.err().contains("Exporting the full view failed: No space left on device"), export.err());
            assertTrue(export.err().contains("temporary files go to " + small), export.err());
            assertFalse(Files.exists(out), "no file half-written");
            try (var left = Files.list(small)) {
                assertEquals(List.of(), left.toList(), "no temporary file left behind");
            }
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
            Tools.run(dir, List.of("umount", "-l", small.toString()));
        }
        assertTrue(viewBytes > 4096, "the view is larger than the folder: " + viewBytes);
    }
}
