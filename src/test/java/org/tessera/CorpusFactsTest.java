package org.tessera;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Converts the real corpus once and asks the graph, through SPARQL, for facts the
 * texts state: one ASK per file in {@code src/test/resources/corpus-facts/}, each
 * with a {@code # Fact:} header that names it (see the README there). A researcher
 * adds a fact by adding a file.
 */
class CorpusFactsTest {
    private static final Path FACTS = TestProjects.REPO.resolve("src/test/resources/corpus-facts");
    private static final String BASE = "https://w3id.org/tessera/is/";
    private static final String VOCAB = "https://w3id.org/tessera/vocab/";
    private static final String PREFIXES = """
            PREFIX tes: <https://w3id.org/tessera/ontology#>
            PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX schema: <https://schema.org/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX wd: <http://www.wikidata.org/entity/>
            PREFIX id: <%1$s>
            PREFIX actor: <%1$sactor/>
            PREFIX place: <%1$splace/>
            PREFIX source: <%1$ssource/>
            PREFIX graph: <%1$sgraph/>
            PREFIX sourcegraph: <%1$sgraph/source/>
            PREFIX tel: <%1$sevent/telegraph-2016-10-18/>
            PREFIX atl: <%1$sevent/atlantic-council-2016-11/>
            PREFIX bruce: <%1$sevent/james-bruce-2017-01/>
            PREFIX ayub: <%1$sevent/ayub-2018-01/>
            PREFIX indy: <%1$sevent/independent-2019-03-23/>
            PREFIX et: <%2$sevent-type/>
            PREFIX role: <%2$srole/>
            PREFIX hedge: <%2$shedge/>
            PREFIX measure: <%2$smeasure/>
            PREFIX qualifier: <%2$squalifier/>
            PREFIX unit: <%2$sunit/>
            PREFIX skind: <%2$sstatement-kind/>
            """.formatted(BASE, VOCAB);

    @TempDir
    static Path temp;
    /** The union of all graphs as the default graph, and every named graph as itself. */
    static Dataset dataset;

    @BeforeAll
    static void convertTheRealCorpus() {
        CliRunner run = CliRunner.run("convert", "--project", TestProjects.REPO.toString(), "--out", temp.resolve("rdf").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        Dataset loaded = RDFDataMgr.loadDataset(temp.resolve("rdf/tessera.trig").toString());
        Model union = ModelFactory.createDefaultModel().add(loaded.getUnionModel());
        dataset = DatasetFactory.create(union);
        loaded.listModelNames().forEachRemaining(name -> dataset.addNamedModel(name, loaded.getNamedModel(name)));
    }

    /** One file of corpus-facts/: its name, the fact in words, the query. */
    record Fact(String file, String statement, String query) {
        @Override
        public String toString() {
            return file + ": " + statement;
        }
    }

    static Stream<Fact> facts() {
        try (Stream<Path> files = Files.list(FACTS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().map(CorpusFactsTest::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Fact read(Path file) {
        try {
            String query = Files.readString(file, StandardCharsets.UTF_8);
            // "# Fact: ..." and the indented comment lines that continue it.
            StringBuilder statement = new StringBuilder();
            boolean inFact = false;
            for (String line : query.lines().toList()) {
                if (line.startsWith("# Fact:")) {
                    statement.append(line.substring("# Fact:".length()).trim());
                    inFact = true;
                } else if (inFact && line.matches("#\\s{2,}\\S.*")) {
                    statement.append(' ').append(line.substring(1).trim());
                } else if (inFact) {
                    break;
                }
            }
            return new Fact(file.getFileName().toString(), statement.toString(), query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void theGraphStatesTheFact(Fact fact) {
        assertTrue(!fact.statement().isEmpty(), fact.file() + " needs a '# Fact:' header saying the fact in words");
        Query query;
        try {
            query = QueryFactory.create(PREFIXES + fact.query());
        } catch (QueryParseException e) {
            throw new AssertionError(fact.file() + " is not valid SPARQL: " + e.getMessage(), e);
        }
        assertTrue(query.isAskType(), fact.file() + " must be an ASK query");
        try (QueryExecution exec = QueryExecution.create(query, dataset)) {
            assertTrue(exec.execAsk(), "Not in the graph: " + fact.statement() + " (" + fact.file() + ")");
        }
    }

    @Test
    void thereAreAtLeastThirtyFacts() {
        assertTrue(facts().count() >= 30, "corpus-facts/ should hold at least 30 facts, has " + facts().count());
    }

    @Test
    void baliQuoteOffsetsPointAtHisWordsInTheIndependentText() throws IOException {
        String words = "Syrian Democratic Forces declare total elimination of so-called caliphate and 100 percent territorial defeat of ISIS";
        String text = Files.readString(TestProjects.REPO.resolve("corpus/002_21f6f854b6a39456.txt"), StandardCharsets.UTF_8);
        int at = text.indexOf(words);
        assertTrue(at > 0 && text.indexOf(words, at + 1) < 0, "the words stand once in the text");
        int start = text.codePointCount(0, at);
        int end = start + words.codePointCount(0, words.length());
        List<QuerySolution> rows = select("""
                SELECT ?start ?end ?exact WHERE {
                  ?s tes:speaker actor:mustafa-bali ; tes:words ?words ; tes:evidence ?ev .
                  FILTER (STRSTARTS(?words, "Syrian Democratic Forces declare"))
                  ?ev oa:hasTarget ?t . ?t oa:hasSource source:independent-2019-03-23 ; oa:hasSelector ?p, ?q .
                  ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact }""");
        assertEquals(1, rows.size(), "one quote for Bali's statement");
        assertEquals(start, rows.get(0).getLiteral("start").getInt(), "start offset of Bali's quote (code points)");
        assertEquals(end, rows.get(0).getLiteral("end").getInt(), "end offset of Bali's quote (code points)");
        assertEquals(words, rows.get(0).getLiteral("exact").getString());
    }

    @Test
    void everyQuoteOffsetPointsAtItsExactWordsInTheCorpusText() throws IOException {
        List<QuerySolution> rows = select("""
                SELECT ?quote ?file ?start ?end ?exact WHERE {
                  ?quote oa:hasTarget ?t . ?t oa:hasSource ?source ; oa:hasSelector ?p, ?q .
                  ?source tes:corpusFile ?file .
                  ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
                  ?q a oa:TextQuoteSelector ; oa:exact ?exact }""");
        assertTrue(rows.size() >= 600, "the corpus has over 600 quotes, found " + rows.size());
        Map<String, String> texts = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (QuerySolution row : rows) {
            String text = texts.computeIfAbsent(row.getLiteral("file").getString(), CorpusFactsTest::corpusText);
            int start = row.getLiteral("start").getInt();
            int end = row.getLiteral("end").getInt();
            String exact = row.getLiteral("exact").getString();
            String atOffsets = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
            if (!atOffsets.equals(exact)) wrong.add(row.getResource("quote").getURI() + ": \"" + exact + "\" but the text has \"" + atOffsets + "\"");
        }
        assertTrue(wrong.isEmpty(), "quotes whose offsets do not point at their words:\n" + String.join("\n", wrong));
    }

    @Test
    void everySameEventLinkIsRecordedByBothSources() {
        List<QuerySolution> links = select("SELECT ?a ?b WHERE { ?a tes:sameEventAs ?b }");
        assertTrue(links.size() >= 40, "the corpus links at least 20 events across sources, both ways; found " + links.size() + " links");
        List<QuerySolution> oneSided = select("""
                SELECT ?a ?b WHERE { ?a tes:sameEventAs ?b FILTER NOT EXISTS { ?b tes:sameEventAs ?a } }""");
        if (!oneSided.isEmpty()) {
            fail("same_as recorded on one side only (add it to the other source's event too):\n"
                    + String.join("\n", oneSided.stream().map(r -> r.getResource("a").getURI() + " -> " + r.getResource("b").getURI()).toList()));
        }
    }

    private static String corpusText(String file) {
        try {
            return Files.readString(TestProjects.REPO.resolve("corpus").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<QuerySolution> select(String query) {
        try (QueryExecution exec = QueryExecution.create(PREFIXES + query, dataset)) {
            List<QuerySolution> rows = new ArrayList<>();
            exec.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }
}
