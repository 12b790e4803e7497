package org.tessera.build;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The counts by place and by actor follow the rules of the scans that {@code place-hierarchy}
 * and {@code actors-by-kind} made before, where an account cannot reach them: a place within
 * two parents, an event with two places under one ancestor, an actor in two roles of one
 * event, one participation that two events name, a fact that is no event, a mention by
 * something that is no source. The cubes built
 * from such a dataset hold what the scans find in it.
 */
class PlaceAndActorCountsTest {
    private static final String PREFIXES = """
            PREFIX tes:    <https://w3id.org/tessera/ontology#>
            PREFIX schema: <https://schema.org/>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
            PREFIX id:     <https://example.org/kg/>
            """;
    private static final String DATA = PREFIXES + """
            GRAPH id:graph\\/shared {
              id:place\\/world a tes:Place . id:place\\/levant a tes:Place ; tes:within id:place\\/world .
              id:place\\/syria a tes:Place ; tes:within id:place\\/levant . id:place\\/iraq a tes:Place .
              id:place\\/kurdistan a tes:Place ; tes:within id:place\\/syria, id:place\\/iraq .
              id:place\\/kobani a tes:Place ; tes:within id:place\\/kurdistan .
              id:place\\/nowhere a tes:Place .
              id:actor\\/isis a tes:Actor . id:actor\\/ypg a tes:Actor . id:actor\\/un a tes:Actor .
            }
            GRAPH id:graph\\/source\\/a {
              id:source\\/a a tes:Source ; schema:mentions id:actor\\/isis, id:actor\\/ypg .
              id:event\\/a\\/1 a tes:Event ; tes:place id:place\\/kobani, id:place\\/levant ;
                  tes:participation id:event\\/a\\/1\\/attacker\\/isis, id:event\\/a\\/1\\/speaker\\/isis, id:event\\/a\\/1\\/target\\/ypg .
              id:event\\/a\\/1\\/attacker\\/isis tes:actor id:actor\\/isis .
              id:event\\/a\\/1\\/speaker\\/isis tes:actor id:actor\\/isis .
              id:event\\/a\\/1\\/target\\/ypg tes:actor id:actor\\/ypg .
              id:event\\/a\\/2 a tes:Event ; tes:place id:place\\/syria .
              id:figure\\/a\\/1 a tes:Figure ; tes:place id:place\\/iraq ;
                  tes:participation id:figure\\/a\\/1\\/subject\\/un .
              id:figure\\/a\\/1\\/subject\\/un tes:actor id:actor\\/un .
              id:quote\\/a\\/1 schema:mentions id:actor\\/un .
            }
            GRAPH id:graph\\/source\\/b {
              id:source\\/b a tes:Source ; schema:mentions id:actor\\/isis .
              id:event\\/b\\/1 a tes:Event ; tes:place id:place\\/iraq ;
                  tes:participation id:event\\/b\\/1\\/attacker\\/isis .
              id:event\\/b\\/1\\/attacker\\/isis tes:actor id:actor\\/isis .
              id:event\\/b\\/2 a tes:Event ; tes:participation id:event\\/b\\/1\\/attacker\\/isis .
            }
            """;

    private static DatasetGraph dataset;

    @BeforeAll
    static void build() {
        dataset = DatasetGraphFactory.create();
        RDFParser.fromString(DATA, Lang.TRIG).parse(dataset);
        new VoidWriter(new Iris("https://example.org/kg/")).write(dataset, null);
    }

    @Test
    void theCubeByPlaceHoldsWhatAWalkUpFromEveryEventFinds() {
        String scanned = rows("""
                SELECT ?place (COUNT(DISTINCT ?event) AS ?events)
                WHERE { ?event a tes:Event ; tes:place ?eventPlace . ?eventPlace tes:within* ?place }
                GROUP BY ?place ORDER BY ?place""");
        String fromCube = rows("""
                SELECT ?place (xsd:integer(?n) AS ?events)
                WHERE { ?o a qb:Observation ; qb:dataSet <https://example.org/kg/dataset/place-counts> ;
                           tes:refPlace ?place ; tes:eventCount ?n }
                ORDER BY ?place""");
        assertEquals(scanned, fromCube);
        // a/1 reaches the world through Kobani and through the Levant: once. Iraq has b/1 and, through Kurdistan, a/1.
        assertEquals("""
                ?place\t?events
                <https://example.org/kg/place/iraq>\t2
                <https://example.org/kg/place/kobani>\t1
                <https://example.org/kg/place/kurdistan>\t1
                <https://example.org/kg/place/levant>\t2
                <https://example.org/kg/place/syria>\t2
                <https://example.org/kg/place/world>\t2
                """, scanned);
    }

    @Test
    void theCubeByActorHoldsWhatAScanOfEventsAndSourcesFinds() {
        String scanned = rows("""
                SELECT ?actor (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?source) AS ?sources)
                WHERE { { ?event a tes:Event ; tes:participation/tes:actor ?actor }
                        UNION { ?source a tes:Source ; schema:mentions ?actor } }
                GROUP BY ?actor ORDER BY ?actor""");
        String fromCube = rows("""
                SELECT ?actor (xsd:integer(?e) AS ?events) (xsd:integer(?s) AS ?sources)
                WHERE { ?o a qb:Observation ; qb:dataSet <https://example.org/kg/dataset/actor-counts> ;
                           tes:refActor ?actor ; tes:eventCount ?e ; tes:sourceCount ?s }
                ORDER BY ?actor""");
        assertEquals(scanned, fromCube);
        // isis: a/1 (two roles), b/1 and b/2 (one participation that both name), sources a and b;
        // ypg: a/1, source a; un: only a figure and a quote.
        assertEquals("""
                ?actor\t?events\t?sources
                <https://example.org/kg/actor/isis>\t3\t2
                <https://example.org/kg/actor/ypg>\t1\t1
                """, scanned);
    }

    private static String rows(String query) {
        return EventCountsTest.rows(dataset, PREFIXES + "PREFIX qb: <http://purl.org/linked-data/cube#>\n" + query);
    }
}
