package org.tessera.query;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.tessera.CliRunner;
import org.tessera.TestProjects;
import org.tessera.store.ServedDataset;
import org.tessera.store.Store;
import org.tessera.store.StoreLoader;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code source-summary} reads its counts from the VoID description of each source's
 * graph. A second query, which counts by scanning the accounts as the curated query
 * did before, must give the same rows on a synthetic corpus from the bench's generator,
 * whose sources link their events to other sources' and whose last source is shorter
 * than the rest ({@code CuratedQueriesTest} checks the same on the corpus).
 */
class SourceSummaryTest {
    static final Path SCANNING = TestProjects.REPO.resolve("src/test/resources/queries/source-summary-by-scanning.rq");
    private static final QueryLibrary LIBRARY = new QueryLibrary(TestProjects.REPO.resolve("queries"));
    private static final Path GENERATOR = TestProjects.REPO.resolve("bench/src/org/tessera/bench/Generate.java");

    @Test
    void aSyntheticCorpusCountsAreTheCountsAScanFinds() throws Exception {
        Path work = TestProjects.folderForThisJvm("tessera-source-summary");
        Path project = work.resolve("project");
        generate(1250, project, work.resolve("generator"));
        CliRunner convert = CliRunner.run("convert", "--project", project.toString());
        assertEquals(0, convert.exitCode(), convert.err());
        Store store = new Store(work.resolve("db"));
        new StoreLoader(store, line -> { }).load(List.of(project.resolve("rdf/tessera.nq")));
        try (ServedDataset synthetic = ServedDataset.open(store.current().orElseThrow())) {
            String fromVoid = summary(synthetic);
            assertEquals(scan(synthetic), fromVoid);
            // 1,250 events at 60 a source: 21 sources, the last with 50.
            assertEquals(22, fromVoid.lines().count());
            assertTrue(fromVoid.lines().skip(1).allMatch(row -> !row.contains("\t0\t")), "every source holds some of each:\n" + fromVoid);
        }
    }

    private static String summary(ServedDataset dataset) throws IOException {
        return CuratedQueriesTest.tsv(dataset.dataset(), ParameterBinder.bind(LIBRARY.find("source-summary").orElseThrow(), Map.of()));
    }

    private static String scan(ServedDataset dataset) throws IOException {
        return CuratedQueriesTest.tsv(dataset.dataset(), QueryFactory.create(Files.readString(SCANNING, StandardCharsets.UTF_8)));
    }

    /** Compiles the bench's generator from its source, as {@code bench/run} does, and runs it. */
    private static void generate(int events, Path out, Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK's compiler");
        Files.createDirectories(classes);
        int compiled = javac.run(null, null, null, "-nowarn", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), GENERATOR.toString());
        assertEquals(0, compiled, "javac " + GENERATOR);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, SourceSummaryTest.class.getClassLoader())) {
            Method main = loader.loadClass("org.tessera.bench.Generate").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[]{"--events", String.valueOf(events), "--seed", "7", "--out", out.toString(),
                    "--ontology", TestProjects.REPO.resolve("ontology").toString()});
        }
    }
}
