package org.tessera.export.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * networkx (Debian's python3-networkx; the test fails, not skips, without it)
 * reads the GraphML and GEXF exports of the corpus and finds as many nodes and
 * edges as SPARQL counts on the same dataset, with the attributes typed as declared.
 */
class NetworkxTest {
    private static final String SCRIPT = """
            import sys, json, collections
            import networkx as nx
            out = {}
            for path in sys.argv[1:]:
                g = nx.read_graphml(path) if path.endswith('.graphml') else nx.read_gexf(path)
                nodes = [d for _, d in g.nodes(data=True)]
                edges = [d for _, _, d in g.edges(data=True)]
                def types(items, key):
                    return sorted({type(d[key]).__name__ for d in items if key in d})
                out[path.rsplit('/', 1)[-1]] = {
                    'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
                    'directed': g.is_directed(), 'mode': g.graph.get('mode'),
                    'nodeKinds': collections.Counter(d.get('kind') for d in nodes),
                    'edgeKinds': collections.Counter(d.get('kind') for d in edges),
                    'nodeTypes': {k: types(nodes, k) for k in ('label', 'kind', 'sources', 'lat', 'start', 'date_precision', 'event_type')},
                    'edgeTypes': {k: types(edges, k) for k in ('label', 'weight', 'sources', 'events', 'role', 'start')},
                    'weightSum': sum(d['weight'] for d in edges),
                    'nodesWithStart': sum(1 for d in nodes if 'start' in d),
                    'eventsWithTime': sum(1 for d in nodes if d.get('kind') == 'event' and ('start' in d or 'end' in d)),
                }
            print(json.dumps(out))
            """;

    @TempDir
    static Path temp;
    static DatasetGraph corpus;
    static JsonNode read;

    @BeforeAll
    static void exportAndRead() throws Exception {
        corpus = ExportFixtures.corpus();
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", SCRIPT));
        for (String view : List.of("full", "actors", "events-places", "timeline")) {
            for (String format : List.of("graphml", "gexf")) {
                Path file = temp.resolve(GraphExport.defaultFileName(format, view));
                GraphExport.write(corpus, format, view, file);
                command.add(file.toString());
            }
        }
        read = new ObjectMapper().readTree(ExportFixtures.run(command));
    }

    private static long count(String query) {
        return ExportFixtures.count(corpus, query);
    }

    private static void assertCounts(String view, long nodes, long edges) {
        for (String format : List.of("graphml", "gexf")) {
            JsonNode file = read.get(GraphExport.defaultFileName(format, view));
            assertEquals(nodes, file.get("nodes").asLong(), view + " " + format + " nodes");
            assertEquals(edges, file.get("edges").asLong(), view + " " + format + " edges");
        }
    }

    private static void assertTypes(String file, String group, String key, String type) {
        assertEquals("[\"" + type + "\"]", read.get(file).get(group).get(key).toString(), file + " " + key);
    }

    @Test
    void theFullGraphHasEveryActorPlaceEventAndSourceAndEveryLink() {
        long actors = count("SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a tes:Actor }");
        long places = count("SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a tes:Place }");
        long events = count("SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a tes:Event }");
        long sources = count("SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a tes:Source }");
        long participations = count("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?e a tes:Event ; tes:participation ?p }");
        long relations = count("SELECT (COUNT(DISTINCT ?r) AS ?n) { ?r a tes:Relation }");
        long sameEvent = count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?a ?b { ?a tes:sameEventAs ?b FILTER(STR(?a) < STR(?b)) } }");
        long links = count("""
                SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o {
                  { ?s a tes:Event . VALUES ?p { tes:place tes:reportedIn tes:subEventOf } ?s ?p ?o }
                  UNION { ?s a tes:Place ; tes:within ?o BIND(tes:within AS ?p) }
                  UNION { ?s a tes:Source . VALUES ?p { schema:publisher schema:author } ?s ?p ?o } } }""");
        assertCounts("full", actors + places + events + sources, participations + relations + sameEvent + links);
        JsonNode gexf = read.get("tessera-full.gexf");
        assertEquals(actors, gexf.get("nodeKinds").get("actor").asLong());
        assertEquals(events, gexf.get("nodeKinds").get("event").asLong());
        assertEquals(relations, gexf.get("edgeKinds").get("relation").asLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a tes:Event ; sem:hasEarliestBeginTimeStamp ?d }")
                + sources, gexf.get("nodesWithStart").asLong(), "events and sources with a start date");
        for (String file : List.of("tessera-full.gexf", "tessera-full.graphml")) {
            assertTypes(file, "nodeTypes", "label", "str");
            assertTypes(file, "nodeTypes", "sources", "int");
            assertTypes(file, "nodeTypes", "lat", "float");
            assertTypes(file, "nodeTypes", "start", "str");
            assertTypes(file, "nodeTypes", "date_precision", "str");
            assertTypes(file, "nodeTypes", "event_type", "str");
            assertTypes(file, "edgeTypes", "weight", "float");
            assertTypes(file, "edgeTypes", "role", "str");
        }
    }

    @Test
    void theActorNetworkTiesActorsByRelationsAndSharedEventsWeightedByHowOften() {
        long actors = count("SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a tes:Actor }");
        String pairs = """
                { ?e tes:participation/tes:actor ?a, ?b FILTER(STR(?a) < STR(?b)) BIND(?e AS ?why) }
                UNION { ?r tes:subject ?s ; tes:object ?o FILTER(?s != ?o)
                        BIND(IF(STR(?s) < STR(?o), ?s, ?o) AS ?a) BIND(IF(STR(?s) < STR(?o), ?o, ?s) AS ?b) BIND(?r AS ?why) }
                """;
        long ties = count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?a ?b { " + pairs + " } }");
        long weight = count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?a ?b ?why { " + pairs + " } }");
        assertCounts("actors", actors, ties);
        for (String file : List.of("tessera-actors.gexf", "tessera-actors.graphml")) {
            JsonNode f = read.get(file);
            assertEquals(false, f.get("directed").asBoolean(), file);
            assertEquals(actors, f.get("nodeKinds").get("actor").asLong(), file);
            assertEquals(weight, f.get("weightSum").asDouble(), 0.0, file + ": weights sum the events and relations");
            assertTypes(file, "edgeTypes", "weight", "float");
            assertTypes(file, "edgeTypes", "events", "int");
            assertTypes(file, "edgeTypes", "sources", "int");
        }
    }

    @Test
    void theMapViewHasEventsWithAPlaceAndEveryPlace() {
        long located = count("SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a tes:Event ; tes:place ?p }");
        long places = count("SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a tes:Place }");
        long within = count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?a ?b { ?a a tes:Place ; tes:within ?b } }");
        assertCounts("events-places", located + places, located + within);
        assertTypes("tessera-events-places.gexf", "nodeTypes", "lat", "float");
    }

    @Test
    void theTimelineIsDynamicWithEveryDatedEventAndWhatTheyTouch() {
        String dated = "?e a tes:Event . FILTER EXISTS { { ?e sem:hasEarliestBeginTimeStamp ?d } UNION { ?e sem:hasLatestEndTimeStamp ?d } }";
        long events = count("SELECT (COUNT(DISTINCT ?e) AS ?n) { " + dated + " }");
        long touched = count("SELECT (COUNT(DISTINCT ?x) AS ?n) { " + dated + " { ?e tes:participation/tes:actor ?x } UNION { ?e tes:place ?x } }");
        long edges = count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?e ?p { " + dated + " { ?e tes:participation ?p } UNION { ?e tes:place ?p } } }");
        assertCounts("timeline", events + touched, edges);
        JsonNode gexf = read.get("tessera-timeline.gexf");
        assertEquals("dynamic", gexf.get("mode").asText());
        assertEquals(events, gexf.get("eventsWithTime").asLong(), "every event has its time");
        assertTrue(gexf.get("nodesWithStart").asLong() > events, "actors and places have spans too");
        assertTypes("tessera-timeline.gexf", "edgeTypes", "start", "str");
        assertEquals("static", read.get("tessera-full.gexf").get("mode").asText());
    }
}
