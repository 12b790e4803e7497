package org.tessera;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What hand-written files often have, and Tessera accepts (docs/annotation-format.md,
 * Limits): a UTF-8 byte-order mark, and Windows (CRLF) or old Mac (CR) line ends.
 * They give exactly the graph the plain file gives, and problems in such files
 * are reported at the same line and column.
 */
class OddButValidInputTest {
    private static final List<String> FILES = List.of("annotations/dataset.yaml", "annotations/shared.yaml",
            "annotations/sources/article.yaml");

    @TempDir
    static Path temp;
    static byte[] plainGraph;

    @BeforeAll
    static void convertThePlainProject() throws IOException {
        plainGraph = convert("plain", s -> s);
    }

    /** Converts a copy of the minimal project with every annotation file rewritten; returns rdf/tessera.nq. */
    private static byte[] convert(String name, UnaryOperator<String> rewrite) throws IOException {
        Path project = rewritten(name, rewrite);
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return Files.readAllBytes(project.resolve("rdf/tessera.nq"));
    }

    private static Path rewritten(String name, UnaryOperator<String> rewrite) throws IOException {
        Path project = TestProjects.copy("minimal", temp.resolve(name));
        for (String file : FILES) {
            Path path = project.resolve(file);
            Files.write(path, rewrite.apply(Files.readString(path)).getBytes(StandardCharsets.UTF_8));
        }
        return project;
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        assertArrayEquals(plainGraph, convert("bom", s -> "\uFEFF" + s));
    }

    @Test
    void windowsLineEndsGiveTheSameGraph() throws IOException {
        assertArrayEquals(plainGraph, convert("crlf", s -> s.replace("\n", "\r\n")));
    }

    @Test
    void oldMacLineEndsGiveTheSameGraph() throws IOException {
        assertArrayEquals(plainGraph, convert("cr", s -> s.replace("\n", "\r")));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsInJsonGiveTheSameGraph() throws IOException {
        Path project = TestProjects.copy("minimal", temp.resolve("json"));
        Files.delete(project.resolve("annotations/shared.yaml"));
        Files.writeString(project.resolve("annotations/shared.json"), "\uFEFF" + SHARED_JSON.replace("\n", "\r\n"));
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        var plain = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        org.apache.jena.riot.RDFParser.source(new java.io.ByteArrayInputStream(plainGraph)).lang(org.apache.jena.riot.Lang.NQUADS).parse(plain);
        var fromJson = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(project.resolve("rdf/tessera.nq").toString());
        assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(plain, fromJson), "the JSON file gives the same graph");
    }

    @Test
    void problemsInSuchFilesAreReportedAtTheSameLineAndColumn() throws IOException {
        UnaryOperator<String> typo = s -> s.replace("type: battle", "type: skirmish");
        String expected = "annotations/sources/article.yaml:23:11: events[1].type: unknown event type 'skirmish'";
        for (var variant : List.<UnaryOperator<String>>of(s -> s, s -> "\uFEFF" + s, s -> s.replace("\n", "\r\n"),
                s -> s.replace("\n", "\r"))) {
            Path project = rewritten("typo" + System.nanoTime(), s -> variant.apply(typo.apply(s)));
            CliRunner run = CliRunner.run("convert", "--project", project.toString());
            assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.err());
            assertTrue(run.err().contains(expected), run.err());
        }
    }

    @Test
    void anInvalidByteAfterAByteOrderMarkAndWindowsLineEndsIsPlacedRight() throws IOException {
        Path project = TestProjects.copy("minimal", temp.resolve("bad-bytes"));
        Path file = project.resolve("annotations/sources/article.yaml");
        String text = "\uFEFF" + Files.readString(file).replace("\n", "\r\n").replace("Fighting in Dabiq", "Fighting in D#biq");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == '#') bytes[i] = (byte) 0xE2;
        Files.write(file, bytes);
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("annotations/sources/article.yaml:24:25: the file is not valid UTF-8"), run.err());
    }

    @Test
    void namesThatYamlReadsAsBooleansOrNumbersStayAsWritten() throws IOException {
        Path project = TestProjects.copy("minimal", temp.resolve("as-written"));
        Path shared = project.resolve("annotations/shared.yaml");
        Files.writeString(shared, Files.readString(shared).replace("    name: Officials",
                "    name: No\n    aliases: [Yes, On, off, y, 0x1F, 1_000, 0o17, 1e3, 12:30, 2016-10-18T10:00:00Z]"));
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String nquads = Files.readString(project.resolve("rdf/tessera.nq"));
        for (String written : List.of("No", "Yes", "On", "off", "y", "0x1F", "1_000", "0o17", "1e3", "12:30", "2016-10-18T10:00:00Z")) {
            assertTrue(nquads.contains("\"" + written + "\"@en"), () -> "the name or alias «" + written + "» as written");
        }
    }

    static final String SHARED_JSON = """
            {
              "actors": [
                {"id": "isis", "name": "Islamic State", "kind": "armed-group", "aliases": ["ISIS", "Daesh"], "wikidata": "Q2429253"},
                {"id": "rebels", "name": "Syrian rebels", "kind": "armed-group"},
                {"id": "observatory", "name": "Syrian Observatory for Human Rights", "kind": "research-body"},
                {"id": "baghdadi", "name": "Abu Bakr al-Baghdadi", "kind": "person"},
                {"id": "officials", "name": "Officials", "kind": "government"}
              ],
              "places": [
                {"id": "syria", "name": "Syria", "kind": "country"},
                {"id": "dabiq", "name": "Dabiq", "kind": "town", "parent": "syria", "lat": 36.54, "long": 37.27}
              ]
            }
            """;
}
