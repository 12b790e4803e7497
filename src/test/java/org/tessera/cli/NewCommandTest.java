package org.tessera.cli;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CliRunner;
import org.tessera.TestProjects;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tessera new}: a project of one's own, from its first command to a graph. */
class NewCommandTest {
    @TempDir Path dir;

    @Test
    void aNewProjectValidatesAndConvertsAndTakesItsFirstSource() throws Exception {
        Path project = dir.resolve("boko-haram");
        CliRunner created = CliRunner.run("new", project.toString(), "--base", "https://w3id.org/boko-haram/",
                "--title", "Boko Haram: 2009-2015", "--description", "Reports on Boko Haram.");
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.out().contains("Created " + project), created.out());
        for (String file : List.of("ontology/tessera.ttl", "ontology/shapes.ttl", "ontology/vocabularies.ttl", "queries/actor-timeline.rq",
                "annotations/schema/tessera-annotations.schema.json", "annotations/sources/.gitkeep", "corpus/.gitkeep", ".gitignore")) {
            assertTrue(Files.isRegularFile(project.resolve(file)), file);
        }
        assertEquals(Files.readString(TestProjects.REPO.resolve("ontology/tessera.ttl")), Files.readString(project.resolve("ontology/tessera.ttl")));

        CliRunner validated = CliRunner.run("validate", "--project", project.toString());
        assertEquals(0, validated.exitCode(), validated.err());
        assertTrue(validated.out().startsWith("OK: 0 sources"), validated.out());

        // A first text and its annotation, as the next step says.
        String text = "Boko Haram fighters attacked the town of Baga on 3 January 2015.\n";
        Files.writeString(project.resolve("corpus/baga.txt"), text);
        Files.writeString(project.resolve("annotations/actors/core.yaml"), """
                actors:
                  - {id: boko-haram, name: Boko Haram, kind: armed-group}
                """);
        Files.writeString(project.resolve("annotations/places/core.yaml"), """
                places:
                  - {id: baga, name: Baga, kind: town}
                """);
        Files.writeString(project.resolve("annotations/sources/baga.yaml"), """
                source:
                  id: baga-report
                  title: Baga
                  kind: report
                  published: 2015-01-05
                  language: en
                  corpus_file: baga.txt
                  sha256: %s
                events:
                  - id: baga-attack
                    type: attack
                    label: Boko Haram attacks Baga
                    date: 2015-01-03
                    place: baga
                    participants:
                      - {actor: boko-haram, role: agent}
                    evidence: ["Boko Haram fighters attacked the town of Baga"]
                """.formatted(sha256(text)));
        CliRunner converted = CliRunner.run("convert", "--project", project.toString());
        assertEquals(0, converted.exitCode(), converted.err());
        DatasetGraph graph = RDFDataMgr.loadDatasetGraph(project.resolve("rdf/tessera.nq").toString());
        assertTrue(graph.getUnionGraph().contains(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/boko-haram/event/baga-report/baga-attack"),
                org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY), "the event, under the project's own base");
    }

    @Test
    void badSettingsAreNamedByLineAndFieldAndNothingIsWritten() {
        Path project = dir.resolve("p");
        CliRunner run = CliRunner.run("new", project.toString(), "--base", "not an iri", "--license", "cc-by");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("annotations/dataset.yaml:") && run.err().contains("dataset.base: 'not an iri' is not an http(s) IRI"), run.err());
        assertTrue(run.err().contains("dataset.license: 'cc-by' is not an absolute IRI"), run.err());
        assertTrue(run.err().contains("nothing written"), run.err());
        assertFalse(Files.exists(project));
        assertEquals(List.of(), leftBeside(dir), "no staging folder left");
    }

    @Test
    void aFolderThatHoldsSomethingIsLeftAlone() throws Exception {
        Path project = Files.createDirectories(dir.resolve("p"));
        Files.writeString(project.resolve("notes.txt"), "mine");
        CliRunner run = CliRunner.run("new", project.toString(), "--base", "https://example.org/p/");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("exists and is not an empty folder"), run.err());
        assertEquals(List.of(project.resolve("notes.txt")), leftBeside(project));
    }

    @Test
    void aTemplateWithoutAnOntologyIsRefused() {
        CliRunner run = CliRunner.run("new", dir.resolve("p").toString(), "--base", "https://example.org/p/", "--template", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("No folder " + dir.resolve("ontology")), run.err());
    }

    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<Path> leftBeside(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
