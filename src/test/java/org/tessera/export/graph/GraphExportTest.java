package org.tessera.export.graph;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The API the export command calls: names, file names, the formats each view takes, csv as a directory. */
class GraphExportTest {
    @TempDir
    static Path temp;
    static DatasetGraph minimal;

    @BeforeAll
    static void convert() {
        minimal = ExportFixtures.minimal(temp);
    }

    @Test
    void formatsAndViewsAreTheAgreedOnes() {
        assertEquals(List.of("gexf", "graphml", "cytoscape", "csv", "geojson", "dot"), GraphExport.FORMATS);
        assertEquals(List.of("full", "actors", "events-places", "timeline"), GraphExport.VIEWS);
    }

    @Test
    void defaultFileNamesSayTheViewAndFormat() {
        assertEquals("tessera-actors.gexf", GraphExport.defaultFileName("gexf", "actors"));
        assertEquals("tessera-events-places.geojson", GraphExport.defaultFileName("geojson", "events-places"));
        assertEquals("tessera-full-csv", GraphExport.defaultFileName("csv", "full"));
        assertEquals("tessera-full.cyjs", GraphExport.defaultFileName("cytoscape", "full"));
        assertEquals("tessera-timeline.graphml", GraphExport.defaultFileName("graphml", "timeline"));
        assertEquals("tessera-actors.dot", GraphExport.defaultFileName("dot", "actors"));
    }

    @Test
    void unknownNamesAndUnsupportedPairsAreRefusedWithTheChoices() {
        Path out = temp.resolve("never");
        assertEquals("Unknown format 'xml': use gexf, graphml, cytoscape, csv, geojson, dot",
                assertThrows(IllegalArgumentException.class, () -> GraphExport.write(minimal, "xml", "full", out)).getMessage());
        assertEquals("Unknown view 'map': use full, actors, events-places, timeline",
                assertThrows(IllegalArgumentException.class, () -> GraphExport.defaultFileName("gexf", "map")).getMessage());
        assertEquals("The full view cannot be written as geojson: use gexf, graphml, cytoscape, csv, dot",
                assertThrows(IllegalArgumentException.class, () -> GraphExport.write(minimal, "geojson", "full", out)).getMessage());
        assertEquals("The timeline view cannot be written as dot: use gexf, graphml, cytoscape, csv",
                assertThrows(IllegalArgumentException.class, () -> GraphExport.defaultFileName("dot", "timeline")).getMessage());
        assertEquals(false, Files.exists(out));
    }

    @Test
    void csvIsADirectoryWithANodeTableAndAnEdgeTable() throws Exception {
        Path dir = temp.resolve("out").resolve(GraphExport.defaultFileName("csv", "full"));
        GraphExport.write(minimal, "csv", "full", dir);
        long nodes = ExportFixtures.count(minimal,
                "SELECT (COUNT(DISTINCT ?x) AS ?n) { VALUES ?c { tes:Actor tes:Place tes:Event tes:Source } ?x a ?c }");
        // Participations (2), places of events (2), place within (1), events reported in the source (2), sub-event (1), relation (1).
        long edges = ExportFixtures.count(minimal, """
                SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o {
                  { ?s tes:participation ?o BIND(tes:participation AS ?p) } UNION { ?p a tes:Relation }
                  UNION { ?s a tes:Event . VALUES ?p { tes:place tes:reportedIn tes:subEventOf } ?s ?p ?o }
                  UNION { ?s tes:within ?o BIND(tes:within AS ?p) } } }""");
        assertEquals(nodes + 1, Files.readAllLines(dir.resolve("nodes.csv")).size(), "a header and a row a node");
        assertEquals(edges + 1, Files.readAllLines(dir.resolve("edges.csv")).size(), "a header and a row an edge");
    }

    @Test
    void theTimelineSpansAPlaceOverItsEvents() throws Exception {
        Path gexf = temp.resolve("timeline.gexf");
        GraphExport.write(minimal, "gexf", "timeline", gexf);
        String text = Files.readString(gexf);
        // Dabiq falls on 15-16 October 2016; the fighting in Dabiq is dated October 2016.
        assertEquals(true, text.contains("<node id=\"https://example.org/kg/place/dabiq\" label=\"Dabiq\" start=\"2016-10-01\" end=\"2016-10-31\">"), text);
        assertEquals(true, text.contains("<node id=\"https://example.org/kg/actor/rebels\" label=\"Syrian rebels\" start=\"2016-10-15\" end=\"2016-10-16\">"), text);
    }
}
