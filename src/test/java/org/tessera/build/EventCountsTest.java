package org.tessera.build;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;
import org.tessera.TestProjects;
import org.tessera.query.ParameterBinder;
import org.tessera.query.QueryLibrary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The counts follow the scanning query's rules where an account cannot reach them: an event
 * with two types and two places, a place within two parents, a chain with two countries, an
 * event dated only by its end, one with no date and no place, and a fact that is no event.
 * The cube built from such a dataset gives the rows the scanning query finds in it.
 */
class EventCountsTest {
    private static final String BASE = "https://example.org/kg/";
    private static final String DATA = """
            PREFIX tes:  <https://w3id.org/tessera/ontology#>
            PREFIX sem:  <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX et:   <https://w3id.org/tessera/vocab/event-type/>
            PREFIX id:   <https://example.org/kg/>
            GRAPH id:graph\\/ontology {
              et:attack skos:prefLabel "attack"@en . et:battle skos:prefLabel "battle"@en .
            }
            GRAPH id:graph\\/shared {
              id:place\\/world a tes:Place ; rdfs:label "World" .
              id:place\\/levant a tes:Place ; rdfs:label "Levant" ; tes:within id:place\\/world .
              id:place\\/syria a tes:Place, tes:Country ; rdfs:label "Syria" ; tes:within id:place\\/levant .
              id:place\\/kurdistan a tes:Place, tes:Country ; rdfs:label "Kurdistan" ; tes:within id:place\\/syria, id:place\\/iraq .
              id:place\\/iraq a tes:Place, tes:Country ; rdfs:label "Iraq" .
              id:place\\/kobani a tes:Place ; rdfs:label "Kobani" ; tes:within id:place\\/kurdistan .
            }
            GRAPH id:graph\\/source\\/a {
              id:event\\/a\\/1 a tes:Event ; tes:eventType et:attack, et:battle ; tes:reportedIn id:source\\/a ;
                  sem:hasEarliestBeginTimeStamp "2016-03-01"^^xsd:date ; tes:place id:place\\/kobani, id:place\\/levant .
              id:event\\/a\\/2 a tes:Event ; tes:eventType et:attack ; tes:reportedIn id:source\\/a ;
                  sem:hasLatestEndTimeStamp "2015-12-31"^^xsd:date ; tes:place id:place\\/syria .
              id:event\\/a\\/3 a tes:Event ; tes:eventType et:attack ; tes:reportedIn id:source\\/a .
              id:figure\\/a\\/1 a tes:Figure ; tes:reportedIn id:source\\/a ; tes:place id:place\\/iraq .
            }
            GRAPH id:graph\\/source\\/b {
              id:event\\/b\\/1 a tes:Event ; tes:eventType et:attack ; tes:reportedIn id:source\\/b ;
                  sem:hasEarliestBeginTimeStamp "2016-07-01"^^xsd:date ; sem:hasLatestEndTimeStamp "2017-01-01"^^xsd:date ;
                  tes:place id:place\\/syria .
            }
            """;

    @Test
    void theCubeGivesTheRowsAScanFinds() throws IOException {
        DatasetGraph dataset = DatasetGraphFactory.create();
        RDFParser.fromString(DATA, Lang.TRIG).parse(dataset);
        new VoidWriter(new Iris(BASE)).write(dataset, null);

        String scanned = rows(dataset, Files.readString(TestProjects.REPO.resolve(
                "src/test/resources/queries/events-by-type-year-country-by-scanning.rq"), StandardCharsets.UTF_8));
        QueryLibrary library = new QueryLibrary(TestProjects.REPO.resolve("queries"));
        String fromCube = rows(dataset, ParameterBinder.bind(library.find("events-by-type-year-country").orElseThrow(), Map.of()).toString());
        assertEquals(scanned, fromCube);
        // A header; a/1: 2 types x (Kobani: 3 countries x 2 tops, Levant: no country); a/2; a/3. b/1 shares a cell with a/1.
        assertEquals(1 + 2 * (3 * 2 + 1) + 1 + 1, scanned.lines().count(), scanned);
        // Syria in 2016 has events from both sources (a/1 through Kobani, b/1).
        assertEquals(1, scanned.lines().filter(row -> row.startsWith("2016\t\"Syria\"\t\"World\"\t\"attack\"@en\t2\t2")).count(), scanned);
    }

    static String rows(DatasetGraph dataset, String query) {
        try (QueryExec exec = QueryExec.graph(dataset.getUnionGraph()).query(QueryFactory.create(query)).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultSetMgr.write(out, org.apache.jena.query.ResultSet.adapt(exec.select()), ResultSetLang.RS_TSV);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
