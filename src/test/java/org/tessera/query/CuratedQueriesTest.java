package org.tessera.query;

import org.apache.jena.query.Query;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.store.ServedDataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        return Txn.calculateRead(corpus.dataset(), () -> {
            try (QueryExec exec = QueryExec.dataset(corpus.dataset()).query(query).build()) {
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
}
