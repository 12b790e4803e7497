package org.tessera.query;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seven curated queries read what the converter works out. Five read counts it writes into
 * the VoID graph: {@code source-summary} those of each source's graph, {@code
 * events-by-type-year-country} and {@code relations-by-type} the data cubes of events by
 * type, year and place, and of relations by type, {@code place-hierarchy} and {@code
 * actors-by-kind} those of events by place and of events and sources by actor. Two pair
 * figures by the key it writes for each ({@code tes:comparisonKey}): {@code
 * figures-sources-disagree-on} and {@code figures-disputed-from-source}. A second query
 * for each, which counts by scanning or checks every condition as the curated query did
 * before, must give the same rows on a synthetic corpus from the bench's generator, whose
 * sources link their events to other sources', whose dates come in every form, whose
 * figures are about the same few actors, at a place or none, and whose last source is
 * shorter than the rest ({@code CuratedQueriesTest} checks the same on the corpus).
 */
class ConvertTimeDerivationsTest {
    static final Path SCANNING = TestProjects.REPO.resolve("src/test/resources/queries/source-summary-by-scanning.rq");
    static final Path EVENTS_SCANNING = TestProjects.REPO.resolve("src/test/resources/queries/events-by-type-year-country-by-scanning.rq");
    static final Path RELATIONS_SCANNING = TestProjects.REPO.resolve("src/test/resources/queries/relations-by-type-by-scanning.rq");
    static final Path PLACES_SCANNING = TestProjects.REPO.resolve("src/test/resources/queries/place-hierarchy-by-scanning.rq");
    static final Path ACTORS_SCANNING = TestProjects.REPO.resolve("src/test/resources/queries/actors-by-kind-by-scanning.rq");
    static final Path DISAGREE_CHECKS = TestProjects.REPO.resolve("src/test/resources/queries/figures-sources-disagree-on-by-checks.rq");
    static final Path DISPUTED_CHECKS = TestProjects.REPO.resolve("src/test/resources/queries/figures-disputed-from-source-by-checks.rq");
    static final String MEASURES = "SELECT DISTINCT ?value { ?figure <https://w3id.org/tessera/ontology#measure> ?value } ORDER BY ?value";
    static final String SOURCES_WITH_FIGURES = "SELECT DISTINCT ?value { ?figure a <https://w3id.org/tessera/ontology#Figure> ; "
            + "<https://w3id.org/tessera/ontology#reportedIn> ?value } ORDER BY ?value";
    private static final QueryLibrary LIBRARY = new QueryLibrary(TestProjects.REPO.resolve("queries"));
    private static final Path GENERATOR = TestProjects.REPO.resolve("bench/src/org/tessera/bench/Generate.java");

    private static ServedDataset synthetic;

    @BeforeAll
    static void convertAndLoad() throws Exception {
        Path work = TestProjects.folderForThisJvm("tessera-convert-time-counts");
        Path project = work.resolve("project");
        generate(1250, project, work.resolve("generator"));
        CliRunner convert = CliRunner.run("convert", "--project", project.toString());
        assertEquals(0, convert.exitCode(), convert.err());
        Store store = new Store(work.resolve("db"));
        new StoreLoader(store, line -> { }).load(List.of(project.resolve("rdf/tessera.nq")));
        synthetic = ServedDataset.open(store.current().orElseThrow());
    }

    @AfterAll
    static void close() {
        if (synthetic != null) synthetic.close();
    }

    @Test
    void theCountsPerSourceAreTheCountsAScanFinds() throws IOException {
        String fromVoid = sameRowsAsTheScan("source-summary", SCANNING);
        // 1,250 events at 60 a source: 21 sources, the last with 50.
        assertEquals(22, fromVoid.lines().count());
        assertTrue(fromVoid.lines().skip(1).allMatch(row -> !row.contains("\t0\t")), "every source holds some of each:\n" + fromVoid);
    }

    @Test
    void theEventCountsAreTheCountsAScanFinds() throws IOException {
        String fromCube = sameRowsAsTheScan("events-by-type-year-country", EVENTS_SCANNING);
        assertTrue(fromCube.lines().count() > 50, fromCube);
        assertTrue(fromCube.lines().skip(1).anyMatch(row -> !row.endsWith("\t1")), "some combination is in several sources:\n" + fromCube);
    }

    @Test
    void theRelationCountsAreTheCountsAScanFinds() throws IOException {
        String fromCube = sameRowsAsTheScan("relations-by-type", RELATIONS_SCANNING);
        assertTrue(fromCube.lines().count() > 5, fromCube);
        // The generator draws actors from a pool, so that sources repeat pairs: the pairs are fewer than the relations.
        assertTrue(fromCube.lines().skip(1).map(row -> row.split("\t"))
                .anyMatch(cells -> Long.parseLong(cells[3]) < Long.parseLong(cells[2])), "some pair stands in several relations:\n" + fromCube);
    }

    @Test
    void thePlaceCountsAreTheCountsAScanFinds() throws IOException {
        String fromCube = sameRowsAsTheScan("place-hierarchy", PLACES_SCANNING);
        // The generator nests places (cities within countries within regions): a place above another counts its events too.
        assertTrue(fromCube.lines().skip(1).map(row -> row.split("\t")).anyMatch(cells -> !cells[1].equals("0")
                && Long.parseLong(cells[cells.length - 1]) > 1), "some place within another has events:\n" + fromCube);
    }

    @Test
    void theActorCountsAreTheCountsAScanFinds() throws IOException {
        String fromCube = sameRowsAsTheScan("actors-by-kind", ACTORS_SCANNING);
        assertTrue(fromCube.lines().skip(1).map(row -> row.split("\t"))
                .anyMatch(cells -> Long.parseLong(cells[3]) > 1 && Long.parseLong(cells[4]) > 1), "some actor is in several events and sources:\n" + fromCube);
    }

    @Test
    void theFiguresSourcesDisagreeOnAreThoseTheChecksFind() throws IOException {
        long rows = sameRowsAsTheChecks(synthetic.dataset(), "figures-sources-disagree-on", DISAGREE_CHECKS, "measure", MEASURES);
        assertTrue(rows >= 20, "disagreements in the synthetic corpus: " + rows);
    }

    @Test
    void theFiguresDisputedFromEachSourceAreThoseTheChecksFind() throws IOException {
        long rows = sameRowsAsTheChecks(synthetic.dataset(), "figures-disputed-from-source", DISPUTED_CHECKS, "source", SOURCES_WITH_FIGURES);
        assertTrue(rows >= 40, "disputed figures in the synthetic corpus, each seen from both sources: " + rows);
    }

    /**
     * Runs {@code curated} and the query that checks every condition itself with each value
     * of {@code parameter} that {@code valuesQuery} finds, checks that they give the same
     * rows, and returns the rows in all.
     */
    static long sameRowsAsTheChecks(DatasetGraph dataset, String curated, Path checks, String parameter, String valuesQuery)
            throws IOException {
        CuratedQuery byKey = LIBRARY.find(curated).orElseThrow();
        CuratedQuery byChecks = QueryLibrary.read(checks);
        List<String> values = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(valuesQuery).build()) {
                exec.select().forEachRemaining(row -> values.add(row.get("value").getURI()));
            }
        });
        assertTrue(values.size() > 1, valuesQuery);
        long rows = 0;
        for (String value : values) {
            String paired = CuratedQueriesTest.tsv(dataset, ParameterBinder.bind(byKey, Map.of(parameter, value)));
            assertEquals(CuratedQueriesTest.tsv(dataset, ParameterBinder.bind(byChecks, Map.of(parameter, value))), paired,
                    curated + " " + parameter + "=" + value);
            rows += paired.lines().count() - 1;
        }
        return rows;
    }

    /** The rows of a curated query that reads counts the converter wrote, checked against those of the query that scans. */
    private static String sameRowsAsTheScan(String curated, Path scanning) throws IOException {
        String read = CuratedQueriesTest.tsv(synthetic.dataset(), ParameterBinder.bind(LIBRARY.find(curated).orElseThrow(), Map.of()));
        String scanned = CuratedQueriesTest.tsv(synthetic.dataset(), QueryFactory.create(Files.readString(scanning, StandardCharsets.UTF_8)));
        assertEquals(scanned, read, curated);
        return read;
    }

    /** Compiles the bench's generator from its source, as {@code bench/run} does, and runs it. */
    private static void generate(int events, Path out, Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK's compiler");
        Files.createDirectories(classes);
        int compiled = javac.run(null, null, null, "-nowarn", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), GENERATOR.toString());
        assertEquals(0, compiled, "javac " + GENERATOR);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, ConvertTimeDerivationsTest.class.getClassLoader())) {
            Method main = loader.loadClass("org.tessera.bench.Generate").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[]{"--events", String.valueOf(events), "--seed", "7", "--out", out.toString(),
                    "--ontology", TestProjects.REPO.resolve("ontology").toString()});
        }
    }
}
