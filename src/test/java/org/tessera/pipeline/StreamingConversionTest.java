package org.tessera.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tessera.TestProjects;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conversion that streams graph by graph: the same bytes as the whole dataset
 * sorted in memory, however small its sort buffer and its graphs' parts, and however
 * many threads build the sources' graphs, and the SHACL shapes still see
 * across graphs (an event's participant is typed by the shared graph).
 */
class StreamingConversionTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 4})
    void aSortThatSpillsEveryFewQuadsAndGraphsWrittenInPartsOfAFewQuadsWriteTheSameBytesAsTheInMemoryBuild(int threads)
            throws IOException {
        Project project = new Project(TestProjects.REPO);
        InMemoryConversion inMemoryConversion = new InMemoryConversion(project);
        InMemoryConversion.Outcome outcome = inMemoryConversion.run(null);
        assertTrue(outcome.valid());
        Path inMemory = dir.resolve("in-memory");
        inMemoryConversion.write(outcome.dataset(), outcome.base(), inMemory);

        Path streamed = dir.resolve("streamed");
        var result = new StreamingConversion(project, 50, 7, threads).run(null, streamed);

        assertTrue(result.valid(), () -> result.problems() + " " + result.shapeViolations());
        assertEquals(outcome.dataset().stream().count(), result.quads());
        List<Path> files = files(inMemory);
        assertEquals(files, files(streamed));
        for (Path file : files) {
            assertEquals(-1L, Files.mismatch(inMemory.resolve(file), streamed.resolve(file)), file.toString());
        }
        try (Stream<Path> left = Files.list(project.state())) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().matches("(quadsort|trees)-.*")), "spill files are deleted");
        }
    }

    @Test
    void shapesSeeTheTypesOfWhatAGraphPointsAtInOtherGraphs() throws IOException {
        // Participants must be places: every actor that takes part breaks it, and only the shared graph types them.
        Path project = withExtraShape("""
                tesh:ParticipantsArePlaces a sh:NodeShape ;
                    sh:targetClass tes:Event ;
                    sh:property [ sh:path tes:participant ; sh:class tes:Place ] .
                """);
        var result = new StreamingConversion(new Project(project)).run(null, project.resolve("rdf"));

        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertFalse(result.shapeViolations().isEmpty());
        assertTrue(result.shapeViolations().stream().allMatch(v -> v.contains("/event/article/")), result.shapeViolations().toString());
        assertFalse(Files.exists(project.resolve("rdf")), "nothing written");
        assertEquals(List.of(), filesHeldOpenUnder(project), "the files of the graphs written before are closed");
    }

    /** The files this JVM holds open under {@code dir}, deleted or not (Linux: /proc/self/fd). */
    private static List<String> filesHeldOpenUnder(Path dir) throws IOException {
        List<String> open = new ArrayList<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith(dir.toString())) open.add(target);
                } catch (IOException closedMeanwhile) {
                    // The listing's own descriptor, closed by now.
                }
            }
        }
        return open;
    }

    @Test
    void aSharedEntityBreakingAShapeIsReportedOnceNotOncePerSourceThatMentionsIt() throws IOException {
        Path project = withExtraShape("""
                tesh:ActorsHaveAliases a sh:NodeShape ;
                    sh:targetClass tes:Actor ;
                    sh:property [ sh:path skos:altLabel ; sh:minCount 1 ] .
                """);
        var result = new StreamingConversion(new Project(project)).run(null, null);

        List<String> rebels = result.shapeViolations().stream().filter(v -> v.contains("/actor/rebels")).toList();
        assertEquals(1, rebels.size(), result.shapeViolations().toString());
        assertTrue(result.shapeViolations().stream().noneMatch(v -> v.contains("/actor/isis")), "isis has aliases");
    }

    @Test
    void problemsInEverySourceAreAllReportedTheSameOnOneThreadOrFour() throws IOException {
        Path project = dir.resolve("broken");
        for (String folder : List.of("annotations", "corpus", "ontology")) {
            TestProjects.copyTree(TestProjects.REPO.resolve(folder), project.resolve(folder));
        }
        List<Path> sources;
        try (Stream<Path> list = Files.list(project.resolve("annotations/sources"))) {
            sources = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path source : sources) {
            // A problem of form too, found by the first pass while other files are being parsed.
            Files.writeString(source, Files.readString(source).replaceFirst("actor: isis\\b", "actor: nobody-known")
                    + "\nnot_a_field: 1\n");
        }

        var one = new StreamingConversion(new Project(project), 200_000, SubjectParts.QUADS, 1)
                .run(null, project.resolve("rdf"));
        var four = new StreamingConversion(new Project(project), 200_000, SubjectParts.QUADS, 4)
                .run(null, project.resolve("rdf"));

        List<String> files = one.problems().stream().filter(p -> p.message().contains("nobody-known"))
                .map(p -> p.site().file()).distinct().toList();
        assertEquals(sources.size(), files.size(), one.problems().toString());
        assertEquals(2 * sources.size(), one.problems().size(), "only the problems made here: " + one.problems());
        assertEquals(one.problems(), four.problems());
        assertFalse(Files.exists(project.resolve("rdf")), "nothing written");
    }

    /** A copy of the minimal project whose shapes file has one more shape. */
    private Path withExtraShape(String turtle) throws IOException {
        Path project = TestProjects.copy("minimal", dir);
        Path shapes = project.resolve("ontology/shapes.ttl");
        Files.writeString(shapes, Files.readString(shapes) + "\n" + turtle);
        return project;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
