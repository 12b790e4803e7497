package org.tessera.query;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.server.QueryLimits;
import org.tessera.store.ServedDataset;
import org.tessera.store.ServedPlans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One generated test per file in {@code queries/}: its header is complete, its
 * parameters have their VALUES clauses, and run as it is against the corpus
 * (TDB2 with the text and spatial indexes) it gives the rows in
 * {@code src/test/resources/curated-queries/NAME.tsv}.
 * After a deliberate change to the corpus or a query, review and rewrite them with
 * {@code mvn test -Dtest=CuratedQueriesTest -Dtessera.updateExpected=true}.
 */
class CuratedQueriesTest {
    private static final Path EXPECTED = TestProjects.REPO.resolve("src/test/resources/curated-queries");
    private static final QueryLibrary LIBRARY = new QueryLibrary(TestProjects.REPO.resolve("queries"));
    private static final boolean UPDATE = Boolean.getBoolean("tessera.updateExpected");
    private static ServedDataset corpus;

    @BeforeAll
    static void open() {
        corpus = ServedDataset.open(CorpusStore.get().current().orElseThrow());
    }

    @AfterAll
    static void close() {
        if (corpus != null) corpus.close();
    }

    @Test
    void theLibraryHasAtLeast25Queries() throws IOException {
        assertTrue(LIBRARY.all().size() >= 25, "curated queries: " + LIBRARY.all().size());
    }

    @TestFactory
    Stream<DynamicTest> everyCuratedQueryGivesItsExpectedRows() throws IOException {
        return LIBRARY.all().stream().map(query -> DynamicTest.dynamicTest(query.name(), () -> check(query)));
    }

    /**
     * The server spills an ORDER BY or DISTINCT to disk past {@link ServedPlans#SPILL_THRESHOLD}
     * rows, which the corpus never reaches. With a threshold of two rows every sort spills,
     * and every query must still give its expected rows, in order: the spill files hold
     * the corpus's terms (language tags, dates, geometries) as they were.
     */
    @TestFactory
    Stream<DynamicTest> everyCuratedQueryGivesItsExpectedRowsWhenItsSortsSpillToDisk() throws IOException {
        return LIBRARY.all().stream().map(query -> DynamicTest.dynamicTest(query.name(), () -> {
            corpus.dataset().getContext().set(ARQ.spillToDiskThreshold, 2L);
            try {
                String expected = Files.readString(EXPECTED.resolve(query.name() + ".tsv"), StandardCharsets.UTF_8);
                assertEquals(expected, tsv(ParameterBinder.bind(query, Map.of())), query.name() + ", spilling");
            } finally {
                corpus.dataset().getContext().set(ARQ.spillToDiskThreshold, ServedPlans.SPILL_THRESHOLD);
            }
        }));
    }

    /**
     * The server caps every answer ({@link QueryLimits#cap}), and an ORDER BY under the cap
     * keeps only the best rows in a heap instead of sorting them all. Capped at half its
     * rows, every query must give the first half of its expected rows: its ORDER BY leaves
     * no ties that the heap could break another way than the sort.
     */
    @TestFactory
    Stream<DynamicTest> everyCuratedQueryCappedGivesTheFirstOfItsExpectedRows() throws IOException {
        return LIBRARY.all().stream().map(query -> DynamicTest.dynamicTest(query.name(), () -> {
            List<String> expected = Files.readAllLines(EXPECTED.resolve(query.name() + ".tsv"), StandardCharsets.UTF_8);
            int half = Math.max(1, (expected.size() - 1) / 2);
            QueryLimits limits = new QueryLimits(QueryLimits.DEFAULT.deadline(), half, QueryLimits.DEFAULT.maxRequestBytes(),
                    QueryLimits.DEFAULT.regexBudget());
            limits.keepOnlyTheRowsAnswered();
            Query capped = limits.cap(ParameterBinder.bind(query, Map.of()));
            assertEquals(half, capped.getLimit(), query.name());
            assertEquals(expected.subList(0, half + 1), tsv(capped).lines().toList(), query.name() + ", capped at " + half);
        }));
    }

    private static void check(CuratedQuery curated) throws IOException {
        assertFalse(curated.title().isBlank());
        assertTrue(curated.description().length() > 20, curated.name() + ": the description says what the query answers");
        assertFalse(curated.keywords().isEmpty(), curated.name() + ": keywords");
        assertEquals(List.of(), ParameterBinder.check(curated));
        String actual = tsv(ParameterBinder.bind(curated, Map.of()));
        Path expectedFile = EXPECTED.resolve(curated.name() + ".tsv");
        if (UPDATE) {
            Files.createDirectories(EXPECTED);
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expectedFile), "No expected rows for " + curated.name() + ": write them with -Dtessera.updateExpected=true");
        assertTrue(actual.lines().count() > 1, curated.name() + " returns rows on the corpus as it is");
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, curated.name() + ": rows differ from " + expectedFile);
    }

    static String tsv(Query query) {
        return tsv(corpus.dataset(), query);
    }

    /** The rows of a query over {@code dataset}, as Jena writes them in TSV. */
    static String tsv(org.apache.jena.sparql.core.DatasetGraph dataset, Query query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ResultSetMgr.write(out, org.apache.jena.query.ResultSet.adapt(exec.select()), ResultSetLang.RS_TSV);
                return out.toString(StandardCharsets.UTF_8);
            }
        });
    }

    @Test
    void aParameterChangesTheAnswerAndCannotChangeTheQuery() throws IOException {
        CuratedQuery timeline = LIBRARY.find("actor-timeline").orElseThrow();
        String parameter = timeline.parameters().get(0).name();
        String isis = tsv(ParameterBinder.bind(timeline, Map.of(parameter, "https://w3id.org/tessera/is/actor/isis")));
        String peshmerga = tsv(ParameterBinder.bind(timeline, Map.of(parameter, "https://w3id.org/tessera/is/actor/peshmerga")));
        assertNotEquals(isis, peshmerga);
        assertTrue(peshmerga.lines().count() > 1, peshmerga);

        // An injection attempt is one (invalid) IRI or literal, never query text.
        assertThrows(IllegalArgumentException.class, () -> ParameterBinder.bind(timeline,
                Map.of(parameter, "https://x.org/a> } ; DROP ALL ; SELECT * { <b")));
        Query literal = ParameterBinder.bind(timeline, Map.of(parameter, "\"} UNION { ?s ?p ?o }\""));
        assertEquals(1, tsv(literal).lines().count(), "a literal where an actor belongs matches nothing");
        assertThrows(IllegalArgumentException.class, () -> ParameterBinder.bind(timeline, Map.of("nope", "1")));
    }

    /** The figures paired by the key the converter writes are those that the checks of every condition pair. */
    @Test
    void theFigureComparisonsByKeyAreThoseTheChecksFind() throws IOException {
        long disagreements = ConvertTimeDerivationsTest.sameRowsAsTheChecks(corpus.dataset(), "figures-sources-disagree-on",
                ConvertTimeDerivationsTest.DISAGREE_CHECKS, "measure", ConvertTimeDerivationsTest.MEASURES);
        long disputed = ConvertTimeDerivationsTest.sameRowsAsTheChecks(corpus.dataset(), "figures-disputed-from-source",
                ConvertTimeDerivationsTest.DISPUTED_CHECKS, "source", ConvertTimeDerivationsTest.SOURCES_WITH_FIGURES);
        assertTrue(disagreements >= 10, "the corpus's disagreements: " + disagreements);
        assertTrue(disputed >= 2 * disagreements, "each disagreement seen from both sources, and the rows per place label: " + disputed);
    }

    /** The counts {@code source-summary} reads from the VoID description are those a scan of the accounts finds. */
    @Test
    void theSourceSummaryCountsAreTheCountsAScanFinds() throws IOException {
        String fromVoid = sameRowsAsTheScan("source-summary", ConvertTimeDerivationsTest.SCANNING);
        assertEquals(6, fromVoid.lines().count(), "a header and the five sources:\n" + fromVoid);
    }

    /** The counts {@code events-by-type-year-country} reads from the data cube are those a scan of the events finds. */
    @Test
    void theEventCountsAreTheCountsAScanFinds() throws IOException {
        String fromCube = sameRowsAsTheScan("events-by-type-year-country", ConvertTimeDerivationsTest.EVENTS_SCANNING);
        assertTrue(fromCube.lines().count() > 100, "the corpus's events fall in many combinations:\n" + fromCube);
        assertTrue(fromCube.lines().anyMatch(row -> row.startsWith("\t")), "undated events have a row:\n" + fromCube);
    }

    /** The counts {@code relations-by-type} reads from the data cube are those a scan of the relations finds. */
    @Test
    void theRelationCountsAreTheCountsAScanFinds() throws IOException {
        String fromCube = sameRowsAsTheScan("relations-by-type", ConvertTimeDerivationsTest.RELATIONS_SCANNING);
        assertTrue(fromCube.lines().count() > 10, "the corpus's relations are of many types:\n" + fromCube);
    }

    /** The events per place {@code place-hierarchy} reads from the data cube are those a walk up from every event finds. */
    @Test
    void thePlaceCountsAreTheCountsAScanFinds() throws IOException {
        String fromCube = sameRowsAsTheScan("place-hierarchy", ConvertTimeDerivationsTest.PLACES_SCANNING);
        assertTrue(fromCube.lines().skip(1).anyMatch(row -> row.endsWith("\t0")), "a place with no event shows 0:\n" + fromCube);
        assertTrue(fromCube.lines().skip(1).anyMatch(row -> !row.endsWith("\t0")), "some place has events:\n" + fromCube);
    }

    /** The events and sources per actor {@code actors-by-kind} reads from the data cube are those a scan finds. */
    @Test
    void theActorCountsAreTheCountsAScanFinds() throws IOException {
        String fromCube = sameRowsAsTheScan("actors-by-kind", ConvertTimeDerivationsTest.ACTORS_SCANNING);
        assertTrue(fromCube.lines().count() > 50, "the corpus has many actors:\n" + fromCube);
        assertTrue(fromCube.lines().skip(1).anyMatch(row -> row.endsWith("\t0\t0")), "an actor named by nothing shows 0:\n" + fromCube);
    }

    /** The rows of a curated query that reads counts the converter wrote, checked against those of the query that scans. */
    private static String sameRowsAsTheScan(String curated, java.nio.file.Path scanning) throws IOException {
        String read = tsv(ParameterBinder.bind(LIBRARY.find(curated).orElseThrow(), Map.of()));
        assertEquals(tsv(QueryFactory.create(Files.readString(scanning, StandardCharsets.UTF_8))), read, curated);
        return read;
    }

    /**
     * {@code triple-provenance} finds its records in a sub-query that the parameters narrow
     * first; it gives the rows the query gave before, which read every record, for a triple
     * of each kind: a relation's, an event's, a participation's, one of the shared graph.
     */
    @Test
    void tripleProvenanceGivesTheSameRowsNarrowedFirst() throws IOException {
        CuratedQuery narrowed = LIBRARY.find("triple-provenance").orElseThrow();
        CuratedQuery unnarrowed = QueryLibrary.read(TestProjects.REPO.resolve("src/test/resources/queries/triple-provenance-unnarrowed.rq"));
        String is = "https://w3id.org/tessera/is/";
        List<List<String>> triples = List.of(
                List.of(is + "actor/abu-bakr-al-baghdadi", "https://w3id.org/tessera/ontology#leaderOf", is + "actor/isis"),
                List.of(is + "event/ayub-2018-01/isis-territorial-losses", "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor", is + "actor/isis"),
                List.of(is + "event/ayub-2018-01/anti-isis-offensives/agent/us-led-coalition", "http://semanticweb.cs.vu.nl/2009/11/sem/roleType",
                        "https://w3id.org/tessera/vocab/role/agent"),
                List.of(is + "actor/isis", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://w3id.org/tessera/ontology#Actor"));
        int quoted = 0;
        for (List<String> triple : triples) {
            Map<String, String> values = Map.of("subject", triple.get(0), "predicate", triple.get(1), "object", triple.get(2));
            String rows = tsv(ParameterBinder.bind(narrowed, values));
            assertEquals(tsv(ParameterBinder.bind(unnarrowed, values)), rows, String.join(" ", triple));
            assertTrue(rows.lines().count() > 1, "the triple is in the corpus: " + triple);
            if (rows(ParameterBinder.bind(narrowed, values)).stream().anyMatch(row -> !row.get("quote").isEmpty())) quoted++;
        }
        assertEquals(3, quoted, "every triple but the shared graph's has its quotes");
    }

    /**
     * {@code events-linked-from-source} gives, for each source, the rows of
     * {@code events-linked-across-sources} that involve it, seen from its side: two
     * queries that go different ways, from one source or over all pairs, agree.
     */
    @Test
    void aSourcesLinksAreTheLinksAcrossSourcesThatInvolveIt() throws IOException {
        Map<String, String> sourceOf = rows(QueryFactory.create(
                "SELECT ?event ?source { ?event <https://w3id.org/tessera/ontology#reportedIn> ?source }")).stream()
                .collect(Collectors.toMap(row -> row.get("event"), row -> row.get("source")));
        List<Map<String, String>> across = rows(ParameterBinder.bind(LIBRARY.find("events-linked-across-sources").orElseThrow(), Map.of()));
        CuratedQuery fromSource = LIBRARY.find("events-linked-from-source").orElseThrow();
        Set<String> links = new TreeSet<>();
        int pairs = 0;
        for (String source : new TreeSet<>(sourceOf.values())) {
            Set<List<String>> expected = new HashSet<>();
            for (Map<String, String> row : across) {
                if (source.equals(sourceOf.get(row.get("event1")))) expected.add(side(row, "1", "2"));
                if (source.equals(sourceOf.get(row.get("event2")))) expected.add(side(row, "2", "1"));
            }
            Set<List<String>> actual = new HashSet<>();
            for (Map<String, String> row : rows(ParameterBinder.bind(fromSource, Map.of("source", source)))) {
                actual.add(List.of(row.get("link"), row.get("event"), row.get("label"), row.get("date"),
                        row.get("otherEvent"), row.get("otherLabel"), row.get("otherDate")));
                assertEquals(sourceOf.get(row.get("otherEvent")), row.get("otherSource"));
                links.add(row.get("link"));
            }
            assertEquals(expected, actual, source);
            pairs += actual.size();
        }
        // Every row across sources is seen from both of its sources.
        assertEquals(2 * across.size(), pairs);
        assertEquals(Set.of("\"declared\"", "\"candidate\""), links);
    }

    /**
     * A source's disputed figures are the rows of figures-sources-disagree-on, for every measure,
     * that involve the source, seen from its side; every such row is seen from both sources.
     */
    @Test
    void aSourcesDisputedFiguresAreTheDisagreementsThatInvolveIt() throws IOException {
        List<String> measures = rows(QueryFactory.create(
                "SELECT DISTINCT ?measure { ?figure <https://w3id.org/tessera/ontology#measure> ?measure } ORDER BY ?measure"))
                .stream().map(row -> row.get("measure")).toList();
        CuratedQuery disagree = LIBRARY.find("figures-sources-disagree-on").orElseThrow();
        List<Map<String, String>> across = new ArrayList<>();
        for (String measure : measures) across.addAll(rows(ParameterBinder.bind(disagree, Map.of("measure", measure))));
        CuratedQuery fromSource = LIBRARY.find("figures-disputed-from-source").orElseThrow();
        Set<String> sources = new TreeSet<>();
        across.forEach(row -> sources.addAll(List.of(row.get("source1"), row.get("source2"))));
        int pairs = 0;
        for (String source : sources) {
            Set<List<String>> expected = new HashSet<>();
            for (Map<String, String> row : across) {
                if (source.equals(row.get("source1"))) expected.add(unitAndSides(row, "1", "2", "figure", "counts", "low", "high", "date", "source"));
                if (source.equals(row.get("source2"))) expected.add(unitAndSides(row, "2", "1", "figure", "counts", "low", "high", "date", "source"));
            }
            Set<List<String>> actual = new HashSet<>();
            for (Map<String, String> row : rows(ParameterBinder.bind(fromSource, Map.of("source", source)))) {
                actual.add(List.of(row.get("unit"), row.get("figure"), row.get("counts"), row.get("low"), row.get("high"),
                        row.get("date"), source, row.get("otherFigure"), row.get("otherCounts"), row.get("otherLow"),
                        row.get("otherHigh"), row.get("otherDate"), row.get("otherSource")));
            }
            assertEquals(expected, actual, source);
            pairs += actual.size();
        }
        assertTrue(sources.size() >= 3 && across.size() >= 10, "disagreements in the corpus: " + across.size());
        assertEquals(2 * across.size(), pairs);
    }

    /** A row of a pairing query seen from side {@code from}: the unit, then each side's {@code fields}. */
    private static List<String> unitAndSides(Map<String, String> row, String from, String to, String... fields) {
        List<String> sides = new ArrayList<>(List.of(row.get("unit")));
        for (String field : fields) sides.add(row.get(field + from));
        for (String field : fields) sides.add(row.get(field + to));
        return sides;
    }

    /** One row of events-linked-across-sources seen from the side of event {@code from}. */
    private static List<String> side(Map<String, String> row, String from, String to) {
        return List.of(row.get("link"), row.get("event" + from), row.get("label" + from), row.get("date" + from),
                row.get("event" + to), row.get("label" + to), row.get("date" + to));
    }

    /** The rows of a query, each a map from variable to the term's text ("" where unbound). */
    private static List<Map<String, String>> rows(Query query) {
        return Txn.calculateRead(corpus.dataset(), () -> {
            try (QueryExec exec = QueryExec.dataset(corpus.dataset()).query(query).build()) {
                List<Map<String, String>> rows = new ArrayList<>();
                exec.select().forEachRemaining(binding -> {
                    Map<String, String> row = new HashMap<>();
                    for (Var var : query.getProjectVars()) {
                        Node value = binding.get(var);
                        row.put(var.getVarName(), value == null ? "" : value.isURI() ? value.getURI() : value.toString());
                    }
                    rows.add(row);
                });
                return rows;
            }
        });
    }
}
