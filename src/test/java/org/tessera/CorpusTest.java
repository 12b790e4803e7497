package org.tessera;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The project's own corpus: it validates, and the committed rdf/ is exactly what convert makes of it. */
class CorpusTest {
    @Test
    void theCorpusAnnotationsValidate() {
        CliRunner run = CliRunner.run("validate", "--project", TestProjects.REPO.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    }

    @Test
    void committedRdfMatchesWhatConvertMakes(@TempDir Path temp) throws IOException {
        CliRunner run = CliRunner.run("convert", "--project", TestProjects.REPO.toString(), "--out", temp.resolve("rdf").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        Path committed = TestProjects.REPO.resolve("rdf");
        List<Path> made;
        try (Stream<Path> walk = Files.walk(temp.resolve("rdf"))) {
            made = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : made) {
            Path relative = temp.resolve("rdf").relativize(file);
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(committed.resolve(relative)),
                    "rdf/" + relative + " is stale: run ./tessera convert and commit rdf/");
        }
    }
}
