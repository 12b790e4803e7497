package org.tessera;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Converts the minimal project once and asks the written TriG, through SPARQL, for what the annotations say. */
class ConvertTest {
    private static final String PREFIXES = """
            PREFIX tes: <https://w3id.org/tessera/ontology#>
            PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
            PREFIX id: <https://example.org/kg/>
            """;

    @TempDir
    static Path temp;
    static Path project;
    static Dataset dataset;

    @BeforeAll
    static void convert() {
        project = TestProjects.copy("minimal", temp);
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        dataset = RDFDataMgr.loadDataset(project.resolve("rdf/tessera.trig").toString());
    }

    private static List<QuerySolution> select(String query) {
        try (QueryExecution exec = QueryExecution.create(PREFIXES + query, dataset)) {
            List<QuerySolution> rows = new java.util.ArrayList<>();
            exec.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    private static boolean ask(String query) {
        try (QueryExecution exec = QueryExecution.create(PREFIXES + query, dataset)) {
            return exec.execAsk();
        }
    }

    @Test
    void evidenceOffsetsPointAtTheQuotedWordsInTheCorpusText() throws IOException {
        String text = Files.readString(project.resolve("corpus/article.txt"), StandardCharsets.UTF_8);
        int start = text.indexOf("Dabiq in Syria fell");
        int end = text.indexOf("Observatory said.") + "Observatory said.".length();
        var rows = select("""
                SELECT ?start ?end ?exact WHERE { GRAPH ?g {
                  <https://example.org/kg/event/article/dabiq-falls> tes:evidence ?ev .
                  ?ev oa:hasTarget ?t . ?t oa:hasSource <https://example.org/kg/source/article> ; oa:hasSelector ?p, ?q .
                  ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact } }""");
        assertEquals(1, rows.size());
        assertEquals(start, rows.get(0).getLiteral("start").getInt());
        assertEquals(end, rows.get(0).getLiteral("end").getInt());
        assertEquals(text.substring(start, end), rows.get(0).getLiteral("exact").getString());
        assertTrue(rows.get(0).getLiteral("exact").getString().contains("\n"), "the quote crossed a line break of the text");
    }

    @Test
    void aMonthDateSpansTheWholeMonthWithItsPrecision() {
        var rows = select("""
                SELECT ?b ?e ?unit WHERE { GRAPH ?g { <https://example.org/kg/event/article/fighting> sem:hasEarliestBeginTimeStamp ?b ;
                  sem:hasLatestEndTimeStamp ?e ; tes:datePrecision ?unit } }""");
        assertEquals(1, rows.size());
        assertEquals("2016-10-01", rows.get(0).getLiteral("b").getLexicalForm());
        assertEquals("2016-10-31", rows.get(0).getLiteral("e").getLexicalForm());
        assertEquals("http://www.w3.org/2006/time#unitMonth", rows.get(0).getResource("unit").getURI());
    }

    @Test
    void standardTypesAndPropertiesAreMaterialised() {
        assertTrue(ask("ASK { GRAPH ?g { <https://example.org/kg/event/article/dabiq-falls> a sem:Event, crm:E5_Event ; sem:hasPlace <https://example.org/kg/place/dabiq> ; sem:hasActor <https://example.org/kg/actor/rebels> ; crm:P14_carried_out_by <https://example.org/kg/actor/rebels> } }"));
        assertTrue(ask("ASK { GRAPH ?g { <https://example.org/kg/actor/isis> a sem:Actor, crm:E39_Actor ; skos:altLabel \"Daesh\"@en ; owl:sameAs <http://www.wikidata.org/entity/Q2429253> } }"));
        assertTrue(ask("ASK { GRAPH ?g { <https://example.org/kg/place/dabiq> a sem:Place ; geo:hasGeometry/geo:asWKT \"POINT(37.27 36.54)\"^^geo:wktLiteral } }"));
        assertTrue(ask("ASK { GRAPH ?g { ?ev a oa:Annotation ; oa:hasBody <https://example.org/kg/relation/article/baghdadi-leads> } }"));
    }

    @Test
    void disagreeingFiguresSitSideBySideWithWhoClaimsThem() {
        var rows = select("""
                SELECT ?claimant ?low ?high WHERE { GRAPH ?g { ?f tes:event <https://example.org/kg/event/article/dabiq-falls> ;
                  tes:claimedBy ?claimant ; tes:low ?low ; tes:high ?high ; tes:reportedIn <https://example.org/kg/source/article> } }
                ORDER BY ?low""");
        assertEquals(2, rows.size());
        assertEquals("https://example.org/kg/actor/observatory", rows.get(0).getResource("claimant").getURI());
        assertEquals(40, rows.get(0).getLiteral("low").getInt());
        assertEquals(40, rows.get(0).getLiteral("high").getInt());
        assertEquals(50, rows.get(1).getLiteral("low").getInt());
        assertEquals(70, rows.get(1).getLiteral("high").getInt());
    }

    @Test
    void eachSourceHasItsOwnNamedGraph() {
        assertTrue(ask("ASK { GRAPH <https://example.org/kg/graph/source/article> { <https://example.org/kg/event/article/dabiq-falls> a tes:Event } }"));
        assertTrue(ask("ASK { GRAPH <https://example.org/kg/graph/shared> { <https://example.org/kg/actor/isis> rdfs:label \"Islamic State\"@en } }"));
        assertTrue(ask("ASK { GRAPH <https://example.org/kg/graph/ontology> { tes:Event a owl:Class } }"));
    }

    @Test
    void convertingAgainGivesByteIdenticalFiles() throws IOException {
        Path again = temp.resolve("again");
        CliRunner run = CliRunner.run("convert", "--project", project.toString(), "--out", again.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        for (String file : List.of("tessera.trig", "tessera.nq", "graphs/graph-source-article.nq")) {
            assertArrayEquals(Files.readAllBytes(project.resolve("rdf").resolve(file)), Files.readAllBytes(again.resolve(file)), file);
        }
    }

    @Test
    void theOutputMatchesTheReviewedGoldenGraph() {
        var expected = RDFDataMgr.loadDatasetGraph(TestProjects.PROJECTS.resolve("minimal-expected.trig").toString());
        var actual = dataset.asDatasetGraph();
        for (var graphName : (Iterable<org.apache.jena.graph.Node>) () -> expected.listGraphNodes()) {
            var e = expected.getGraph(graphName);
            var a = actual.getGraph(graphName);
            assertTrue(e.isIsomorphicWith(a), () -> "graph " + graphName + " differs.\nExpected:\n" + e + "\nActual:\n" + a);
        }
        assertEquals(expected.stream().count(), actual.stream().count(), "quad count");
    }
}
