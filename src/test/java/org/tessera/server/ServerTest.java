package org.tessera.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tessera.CorpusStore;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded Fuseki server over the corpus, over real HTTP on loopback. */
class ServerTest {
    private static final String IS = "https://w3id.org/tessera/is/";
    private static final String PREFIXES = """
            PREFIX tes: <https://w3id.org/tessera/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX spatial: <http://jena.apache.org/spatial#>
            PREFIX spatialF: <http://jena.apache.org/function/spatial#>
            PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>
            """;

    private static TesseraServer server;
    private static String sparql;

    @BeforeAll
    static void start() {
        server = CorpusStore.startServer();
        sparql = server.sparqlEndpoint();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static ResultSet select(String query) {
        HttpResponse<String> response = Http.getQuery(sparql, PREFIXES + query, "application/sparql-results+json");
        assertEquals(200, response.statusCode(), response.body());
        return ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
    }

    private static long count(String query) {
        return select(query).next().getLiteral("n").getLong();
    }

    private static List<String> column(String query, String var) {
        List<String> values = new ArrayList<>();
        select(query).forEachRemaining(row -> values.add(row.get(var).toString()));
        return values;
    }

    @ParameterizedTest(name = "SELECT answered as {0}")
    @CsvSource({
            "application/sparql-results+json, RS_JSON",
            "application/sparql-results+xml, RS_XML",
            "text/csv, RS_CSV",
            "text/tab-separated-values, RS_TSV"})
    void selectInEveryStandardResultFormat(String accept, String lang) {
        String query = "SELECT ?event WHERE { ?event a tes:Event } ORDER BY ?event LIMIT 7";
        HttpResponse<String> response = Http.getQuery(sparql, PREFIXES + query, accept);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(accept), response.headers().toString());
        ResultSetLang.init();
        Lang resultLang = switch (lang) {
            case "RS_JSON" -> ResultSetLang.RS_JSON;
            case "RS_XML" -> ResultSetLang.RS_XML;
            case "RS_CSV" -> ResultSetLang.RS_CSV;
            default -> ResultSetLang.RS_TSV;
        };
        ResultSet results = ResultSetFactory.copyResults(ResultSetMgr.read(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), resultLang));
        int rows = 0;
        while (results.hasNext()) {
            assertTrue(results.next().get("event").toString().startsWith(IS + "event/"));
            rows++;
        }
        assertEquals(7, rows);
    }

    @Test
    void queryByPostAsFormAndAsSparqlBodyGivesTheSameAnswer() {
        String query = PREFIXES + "SELECT (COUNT(?e) AS ?n) WHERE { ?e a tes:Event }";
        HttpResponse<String> form = Http.postForm(sparql, "query", query, "text/csv");
        HttpResponse<String> body = Http.post(sparql, "application/sparql-query", query, "text/csv");
        assertEquals(200, form.statusCode());
        assertEquals(form.body(), body.body());
        assertTrue(form.body().matches("(?s)n\\r?\\n[1-9]\\d*\\r?\\n"), form.body());
    }

    @Test
    void constructAnswersInRdfSyntaxesByContentNegotiation() {
        String query = "CONSTRUCT { ?a skos:altLabel ?l } WHERE { ?a skos:altLabel ?l }";
        Graph turtle = parse(Http.getQuery(sparql, PREFIXES + query, "text/turtle"), Lang.TURTLE);
        Graph jsonld = parse(Http.getQuery(sparql, PREFIXES + query, "application/ld+json"), Lang.JSONLD);
        Graph ntriples = parse(Http.getQuery(sparql, PREFIXES + query, "application/n-triples"), Lang.NTRIPLES);
        assertFalse(turtle.isEmpty());
        assertTrue(turtle.isIsomorphicWith(jsonld));
        assertTrue(turtle.isIsomorphicWith(ntriples));
    }

    private static Graph parse(HttpResponse<String> response, Lang lang) {
        assertEquals(200, response.statusCode(), response.body());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), lang).parse(graph);
        return graph;
    }

    @Test
    void theDefaultGraphIsTheUnionOfTheSourcesAndEachSourceIsANamedGraph() {
        long union = count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a tes:Event }");
        long bySource = count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a tes:Event } }");
        long oneSource = count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <" + IS
                + "graph/source/telegraph-2016-10-18> { ?e a tes:Event } }");
        assertTrue(union > 300, "all events without GRAPH: " + union);
        assertEquals(bySource, union);
        assertTrue(oneSource > 10 && oneSource < union, "one source's events: " + oneSource);
        List<String> graphs = column("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g", "g");
        long stored = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString()).stream()
                .map(q -> q.getGraph()).distinct().count();
        assertEquals(stored, graphs.size(), graphs.toString());
        assertTrue(graphs.contains(IS + "graph/source/ayub-2018-01"));
    }

    @Test
    void graphStoreReadsReturnOneNamedGraph() {
        HttpResponse<String> response = Http.get(server.baseUrl() + "/tessera/get?graph=" + Http.encode(IS + "graph/shared"),
                "text/turtle");
        Graph shared = parse(response, Lang.TURTLE);
        assertTrue(shared.contains(org.apache.jena.graph.NodeFactory.createURI(IS + "actor/isis"),
                org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"),
                org.apache.jena.graph.NodeFactory.createLiteralLang("Daesh", "en")));
        long sharedTriples = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + IS + "graph/shared> { ?s ?p ?o } }");
        assertEquals(sharedTriples, shared.size());
    }

    @Test
    void fullTextSearchFindsAliasesByDefaultAndQuotesInTheirOwnField() {
        List<String> daesh = column("SELECT ?s WHERE { ?s text:query \"Daesh\" } ORDER BY ?s", "s");
        assertTrue(daesh.contains(IS + "actor/isis"), daesh.toString());

        ResultSet suicide = select("SELECT ?s ?text WHERE { (?s ?score ?text) text:query (oa:exact \"suicide\") }");
        Set<String> quotes = new TreeSet<>();
        while (suicide.hasNext()) {
            var row = suicide.next();
            assertTrue(row.getLiteral("text").getString().toLowerCase().contains("suicide"), row.toString());
            assertTrue(row.getResource("s").getURI().contains("/quote/"), "only quotes in the quotes' field: " + row);
            quotes.add(row.getResource("s").getURI());
        }
        assertTrue(quotes.size() >= 3, "quotes about suicide attacks: " + quotes);

        // The default field has the names (events, figures, the SKOS concept of suicide bombings), and no quote.
        Set<String> names = new TreeSet<>(column("SELECT ?s WHERE { ?s text:query \"suicide\" }", "s"));
        assertTrue(names.contains("https://w3id.org/tessera/vocab/event-type/suicide-bombing"), names.toString());
        assertTrue(names.stream().noneMatch(s -> s.contains("/quote/")), names.toString());

        // Naming properties of both fields searches both.
        Set<String> both = new TreeSet<>(column("SELECT ?s WHERE { ?s text:query (skos:prefLabel oa:exact \"suicide\") }", "s"));
        Set<String> union = new TreeSet<>(names);
        union.addAll(quotes);
        assertEquals(union, both);
    }

    @Test
    void textSearchInsideGraphKeepsToThatSource() {
        long everywhere = count("SELECT (COUNT(?s) AS ?n) WHERE { ?s text:query \"Mosul\" }");
        long telegraph = count("SELECT (COUNT(?s) AS ?n) WHERE { GRAPH <" + IS
                + "graph/source/telegraph-2016-10-18> { ?s text:query \"Mosul\" } }");
        assertTrue(telegraph > 0 && telegraph < everywhere, telegraph + " of " + everywhere);
    }

    @Test
    void spatialSearchFindsPlacesWithinADistance() {
        String mosul = "<" + IS + "place/mosul> geo:hasGeometry/geo:asWKT ?m . ";
        List<String> nearby = column("SELECT ?p WHERE { " + mosul + " ?p spatial:nearbyGeom(?m 100 uom:kilometre) } ORDER BY ?p", "p");
        assertTrue(nearby.contains(IS + "place/east-mosul"), nearby.toString());
        assertFalse(nearby.contains(IS + "place/raqqa"), nearby.toString());

        var row = select("SELECT ?km WHERE { " + mosul + " <" + IS + "place/raqqa> geo:hasGeometry/geo:asWKT ?r . "
                + "BIND(spatialF:greatCircleGeom(?m, ?r, uom:kilometre) AS ?km) }").next();
        double km = row.getLiteral("km").getDouble();
        assertTrue(km > 330 && km < 420, "Mosul to Raqqa: " + km + " km");
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
            "POST, /tessera/update, application/sparql-update",
            "POST, /tessera, application/sparql-update",
            "POST, /tessera/sparql, application/sparql-update",
            "PUT, /tessera/data?default, text/turtle",
            "POST, /tessera/data?default, text/turtle",
            "DELETE, /tessera/data?default, text/turtle",
            "PUT, /tessera/get?default, text/turtle",
            "POST, /$/datasets, text/turtle",
            "POST, /$/backup/tessera, text/turtle",
            "POST, /$/compact/tessera, text/turtle",
            "DELETE, /$/datasets/tessera, text/turtle"})
    void everyWritePathIsRefused(String method, String path, String contentType) {
        String body = contentType.equals("text/turtle") ? "<urn:x:s> <urn:x:p> <urn:x:o> ."
                : "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
        HttpResponse<String> response = Http.method(server.baseUrl() + path, method, contentType, body);
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, method + " " + path + " -> " + response.statusCode());
        assertEquals(0, count("SELECT (COUNT(*) AS ?n) WHERE { { <urn:x:s> ?p ?o } UNION { GRAPH ?g { <urn:x:s> ?p ?o } } }"));
    }

    @Test
    void theRootPageOffersTheQueryEditorAndTheCuratedQueries() throws Exception {
        HttpResponse<String> page = Http.get(server.baseUrl() + "/", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("yasgui/yasgui.min.js") && page.body().contains("Curated queries"));
        assertEquals(200, Http.get(server.baseUrl() + "/yasgui/yasgui.min.js", "*/*").statusCode());
        assertEquals(200, Http.get(server.baseUrl() + "/tessera.js", "*/*").statusCode());

        HttpResponse<String> library = Http.get(server.baseUrl() + "/api/queries", "application/json");
        assertEquals(200, library.statusCode());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(library.body());
        assertEquals("/tessera/sparql", json.get("endpoint").asText());
        assertTrue(json.get("queries").size() >= 25, "curated queries: " + json.get("queries").size());
        assertTrue(json.get("queries").get(0).get("text").asText().contains("SELECT"));
    }
}
