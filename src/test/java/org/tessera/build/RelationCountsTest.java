package org.tessera.build;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.tessera.TestProjects;
import org.tessera.query.ParameterBinder;
import org.tessera.query.QueryLibrary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relation counts follow the scanning query's rules: a pair of actors that two relations
 * of one source and a relation of another source join counts once; a relation of two types
 * counts in each; a relation with no object, and a fact not typed a relation, do not count.
 * The cube built from such a dataset gives the rows the scanning query finds in it.
 */
class RelationCountsTest {
    private static final String DATA = """
            PREFIX tes:  <https://w3id.org/tessera/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX hedge: <https://w3id.org/tessera/vocab/hedge/>
            PREFIX id:   <https://example.org/kg/>
            GRAPH id:graph\\/ontology {
              tes:memberOf rdfs:label "member of"@en . tes:alliedWith rdfs:label "allied with"@en .
            }
            GRAPH id:graph\\/source\\/a {
              id:relation\\/a\\/1 a tes:Relation ; tes:relationType tes:memberOf ; tes:subject id:actor\\/x ;
                  tes:object id:actor\\/isis ; tes:reportedIn id:source\\/a ; tes:hedge hedge:alleged .
              id:relation\\/a\\/2 a tes:Relation ; tes:relationType tes:memberOf ; tes:subject id:actor\\/x ;
                  tes:object id:actor\\/isis ; tes:reportedIn id:source\\/a .
              id:relation\\/a\\/3 a tes:Relation ; tes:relationType tes:memberOf ; tes:subject id:actor\\/y ;
                  tes:object id:actor\\/isis ; tes:reportedIn id:source\\/a .
              id:relation\\/a\\/4 a tes:Relation ; tes:relationType tes:memberOf, tes:alliedWith ; tes:subject id:actor\\/y ;
                  tes:object id:actor\\/z ; tes:reportedIn id:source\\/a .
              id:relation\\/a\\/5 a tes:Relation ; tes:relationType tes:memberOf ; tes:subject id:actor\\/z ;
                  tes:reportedIn id:source\\/a .
              id:figure\\/a\\/1 tes:relationType tes:memberOf ; tes:subject id:actor\\/z ;
                  tes:object id:actor\\/x ; tes:reportedIn id:source\\/a .
            }
            GRAPH id:graph\\/source\\/b {
              id:relation\\/b\\/1 a tes:Relation ; tes:relationType tes:memberOf ; tes:subject id:actor\\/x ;
                  tes:object id:actor\\/isis ; tes:reportedIn id:source\\/b .
            }
            """;

    @Test
    void theCubeGivesTheRowsAScanFinds() throws IOException {
        DatasetGraph dataset = DatasetGraphFactory.create();
        RDFParser.fromString(DATA, Lang.TRIG).parse(dataset);
        new VoidWriter(new Iris("https://example.org/kg/")).write(dataset, null);

        String scanned = EventCountsTest.rows(dataset, Files.readString(TestProjects.REPO.resolve(
                "src/test/resources/queries/relations-by-type-by-scanning.rq"), StandardCharsets.UTF_8));
        QueryLibrary library = new QueryLibrary(TestProjects.REPO.resolve("queries"));
        String fromCube = EventCountsTest.rows(dataset, ParameterBinder.bind(library.find("relations-by-type").orElseThrow(), Map.of()).toString());
        assertEquals(scanned, fromCube);
        // member of: a/1 to a/4 and b/1; the pairs x-isis (three times), y-isis, y-z; sources a and b; a/1 hedged.
        assertTrue(scanned.contains("<https://w3id.org/tessera/ontology#memberOf>\t\"member of\"@en\t5\t3\t2\t1\n"), scanned);
        assertTrue(scanned.contains("<https://w3id.org/tessera/ontology#alliedWith>\t\"allied with\"@en\t1\t1\t1\t0\n"), scanned);
        assertEquals(3, scanned.lines().count(), scanned);
    }
}
