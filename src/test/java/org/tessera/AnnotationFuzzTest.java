package org.tessera;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.tessera.output.DumpWriter;
import org.tessera.output.SortedQuads;
import org.tessera.pipeline.CheckedAnnotations;
import org.tessera.pipeline.InMemoryConversion;
import org.tessera.pipeline.Project;
import org.tessera.read.Problem;
import org.tessera.vocabulary.Namespaces;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing (Jazzer) of the annotation reader, the validator and
 * the converter, over the minimal fixture project. The first byte of an input
 * picks the file it replaces (the source file or the shared actors and places,
 * as YAML or as JSON); the rest is that file's bytes. Whatever the bytes, the
 * pipeline must either report problems, each with its file, or build a graph
 * that meets the SHACL shapes and parses back from the TriG and N-Quads the
 * writers make to the same graph. Anything
 * thrown (a RuntimeException, a StackOverflowError, an OutOfMemoryError) is a
 * finding.
 *
 * <p>In a normal test run only the saved inputs in
 * {@code src/test/resources/org/tessera/AnnotationFuzzTestInputs/annotationFile/}
 * are replayed. To fuzz, see docs/robustness.md ({@code mvn test -Pfuzz}).
 */
class AnnotationFuzzTest {
    /** What the first byte of an input replaces; the other file of the pair is removed. */
    private static final String[][] TARGETS = {
            {"annotations/sources/article.yaml", "annotations/sources/article.json"},
            {"annotations/sources/article.json", "annotations/sources/article.yaml"},
            {"annotations/shared.yaml", "annotations/shared.json"},
            {"annotations/shared.json", "annotations/shared.yaml"},
    };

    private static Path project;
    private static InMemoryConversion pipeline;
    private static byte[] articleYaml;
    private static byte[] sharedYaml;

    private static synchronized void setUp() throws IOException {
        if (pipeline != null) return;
        Path temp = TestProjects.folderForThisJvm("tessera-fuzz");
        project = TestProjects.copy("minimal", temp);
        articleYaml = Files.readAllBytes(project.resolve(TARGETS[0][0]));
        sharedYaml = Files.readAllBytes(project.resolve(TARGETS[2][0]));
        pipeline = new InMemoryConversion(new Project(project));
    }

    @FuzzTest(maxDuration = "5m")
    void annotationFile(byte[] data) throws IOException {
        if (data.length == 0) return;
        setUp();
        String[] target = TARGETS[data[0] & 3];
        // Back to the fixture, then the fuzzed file in place of one of its files.
        Files.write(project.resolve(TARGETS[0][0]), articleYaml);
        Files.write(project.resolve(TARGETS[2][0]), sharedYaml);
        Files.deleteIfExists(project.resolve(TARGETS[1][0]));
        Files.deleteIfExists(project.resolve(TARGETS[3][0]));
        Files.deleteIfExists(project.resolve(target[1]));
        Files.write(project.resolve(target[0]), Arrays.copyOfRange(data, 1, data.length));

        CheckedAnnotations checked = pipeline.check();
        if (!checked.valid()) {
            for (Problem problem : checked.problems()) {
                if (problem.site().file().isEmpty() || problem.message().isBlank()) {
                    throw new AssertionError("a problem without its place or message: " + problem);
                }
                // Messages quote the input, so only their openings tell the reader's own words.
                if (problem.message().startsWith("cannot be read (internal error")
                        || problem.message().startsWith("nested too deeply (stack overflow")) {
                    throw new AssertionError("the reader caught an exception it should not meet: " + problem);
                }
            }
            return;
        }
        // Build; what the validator let through must meet the SHACL shapes, or convert
        // would fail with a message that names no file, line or column.
        DatasetGraph dataset = pipeline.build(checked, null);
        List<String> violations = pipeline.shapeViolations(dataset);
        if (!violations.isEmpty()) throw new AssertionError("valid annotations break the SHACL shapes: " + violations);
        // Write as rdf/tessera.trig and rdf/tessera.nq are written, and parse back.
        String base = pipeline.base(checked, null);
        List<Quad> sorted = SortedQuads.of(dataset);
        DumpWriter writer = new DumpWriter(Namespaces.prefixes(base), base);
        for (RDFFormat format : new RDFFormat[] {RDFFormat.TRIG_BLOCKS, RDFFormat.NQUADS}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.stream(sorted, bytes, format);
            DatasetGraph back = DatasetGraphFactory.create();
            RDFParser.source(new ByteArrayInputStream(bytes.toByteArray())).lang(format.getLang()).parse(back);
            if (!IsoMatcher.isomorphic(dataset, back)) {
                throw new AssertionError(format + " does not parse back to the graph that was written");
            }
        }
    }
}
