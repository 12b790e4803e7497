package org.tessera.server;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CliRunner;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.Tools;
import org.tessera.store.ServedPlans;
import org.tessera.store.Store;
import org.tessera.store.StoreLoader;
import org.tessera.store.TextIndexing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tessera against the stock Fuseki server ({@code jena-fuseki-server}, copied by
 * the build into target/fuseki), started as its own process: {@code push} fills it
 * through the Graph Store Protocol, and {@code fuseki/config.ttl} serves a
 * Tessera database with the same services as the embedded server.
 */
class StandaloneFusekiTest {
    private static final Path FUSEKI_JAR = TestProjects.REPO.resolve("target/fuseki/jena-fuseki-server.jar");
    private static final String IS = "https://w3id.org/tessera/is/";

    @TempDir Path dir;

    @Test
    void pushSendsEveryGraphToAGraphStore() throws Exception {
        int port = Tools.freePort();
        Process fuseki = start(dir, "--port=" + port, "--update", "--mem", "/kg");
        try {
            CliRunner push = CliRunner.run("push", "--project", TestProjects.REPO.toString(),
                    "--endpoint", "http://127.0.0.1:" + port + "/kg/data");
            assertEquals(0, push.exitCode(), push.err());
            DatasetGraph local = RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
            List<Node> graphs = new ArrayList<>();
            local.listGraphNodes().forEachRemaining(graphs::add);
            assertTrue(graphs.size() >= 7, "five sources, shared, ontology, VoID: " + graphs);
            for (Node graph : graphs) {
                String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph.getURI() + "> { ?s ?p ?o } }";
                var response = Http.getQuery("http://127.0.0.1:" + port + "/kg/sparql", query, "text/csv");
                assertEquals(200, response.statusCode(), response.body());
                assertEquals(local.getGraph(graph).size(), Long.parseLong(response.body().lines().skip(1).findFirst().orElseThrow().strip()),
                        "triples in " + graph);
            }
            assertTrue(push.out().contains("Sent " + graphs.size() + " graphs"), push.out());
        } finally {
            fuseki.destroy();
        }
    }

    @Test
    void theConfigFileServesTheDatabaseWithTextAndSpatialSearchReadOnly() throws Exception {
        new StoreLoader(new Store(dir.resolve(".tessera/db")), line -> { }).load(List.of(CorpusStore.CORPUS_NQUADS));
        int port = Tools.freePort();
        Process fuseki = start(dir, "--port=" + port, "--config=" + TestProjects.REPO.resolve("fuseki/config.ttl"));
        try {
            String sparql = "http://127.0.0.1:" + port + "/tessera/sparql";
            var events = Http.getQuery(sparql, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a <https://w3id.org/tessera/ontology#Event> }", "text/csv");
            assertEquals(200, events.statusCode(), events.body());
            assertTrue(Long.parseLong(events.body().lines().skip(1).findFirst().orElseThrow().strip()) > 300, "union default graph");

            var daesh = Http.getQuery(sparql, "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query \"Daesh\" }", "text/csv");
            assertTrue(daesh.body().contains(IS + "actor/isis"), daesh.body());
            var quotes = Http.getQuery(sparql, "PREFIX text: <http://jena.apache.org/text#> PREFIX oa: <http://www.w3.org/ns/oa#> "
                    + "SELECT ?s WHERE { ?s text:query (oa:exact \"suicide\") }", "text/csv");
            assertTrue(quotes.body().lines().skip(1).count() >= 3 && quotes.body().lines().skip(1).allMatch(s -> s.contains("/quote/")),
                    "the quotes' own field: " + quotes.body());

            var near = Http.getQuery(sparql, """
                    PREFIX geo: <http://www.opengis.net/ont/geosparql#>
                    PREFIX spatial: <http://jena.apache.org/spatial#>
                    PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>
                    SELECT ?p WHERE { <https://w3id.org/tessera/is/place/mosul> geo:hasGeometry/geo:asWKT ?m .
                                      ?p spatial:nearbyGeom(?m 100 uom:kilometre) }""", "text/csv");
            assertTrue(near.body().contains(IS + "place/east-mosul"), near.body());

            // More distinct rows than the spill threshold: the stock server sorts them on disk and counts them all.
            var distinct = Http.getQuery(sparql, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o ?k WHERE { "
                    + "GRAPH ?g { ?s ?p ?o } VALUES ?k { 1 2 } } }", "text/csv");
            assertEquals(200, distinct.statusCode(), distinct.body());
            long quads = RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString()).stream()
                    .map(q -> Triple.create(q.getSubject(), q.getPredicate(), q.getObject())).distinct().count();
            assertTrue(2 * quads > ServedPlans.SPILL_THRESHOLD, "the corpus's distinct triples: " + quads);
            assertEquals(2 * quads, Long.parseLong(distinct.body().lines().skip(1).findFirst().orElseThrow().strip()));

            var update = Http.post("http://127.0.0.1:" + port + "/tessera", "application/sparql-update",
                    "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", "*/*");
            assertTrue(update.statusCode() >= 400 && update.statusCode() < 500, "update: " + update.statusCode());
        } finally {
            fuseki.destroy();
        }
    }

    @Test
    void withTesserasClassesTheStockServerPlansAndLimitsQueriesAsTheEmbeddedOne() throws Exception {
        new StoreLoader(new Store(dir.resolve(".tessera/db")), line -> { }).load(List.of(CorpusStore.CORPUS_NQUADS));
        int port = Tools.freePort();
        Process fuseki = startWithTessera(dir, "--port=" + port, "--modules=true", "--config=" + TestProjects.REPO.resolve("fuseki/config.ttl"));
        try {
            String log = Files.readString(dir.resolve("fuseki.log"));
            assertTrue(log.contains("Module: Tessera query plans and limits"), log);
            assertTrue(log.contains("Tessera's query plans for /tessera, at most 10000 rows an answer"), log);
            // A top-N with an OPTIONAL the order does not read: the served plan looks it up for the rows kept.
            String query = """
                    PREFIX tes: <https://w3id.org/tessera/ontology#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
                    SELECT ?event ?label ?begin WHERE {
                      ?event a tes:Event ; rdfs:label ?label .
                      OPTIONAL { ?event sem:hasEarliestBeginTimeStamp ?begin }
                    } ORDER BY ?label ?event LIMIT %d""";
            DatasetGraph corpus = RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
            Dataset union = DatasetFactory.wrap(
                    DatasetGraphFactory.wrap(corpus.getUnionGraph()));
            try (var all = QueryExecutionFactory.create(String.format(query, 100_000), union)) {
                List<String> events = new ArrayList<>();
                all.execSelect().forEachRemaining(row -> events.add(row.getResource("event").getURI()));
                assertEquals(events.size(), events.stream().distinct().count(), "one row an event: the order is total");
                assertTrue(events.size() > 300, "the corpus's events: " + events.size());
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (var first = QueryExecutionFactory.create(String.format(query, 40), union)) {
                ResultSetFormatter.outputAsCSV(expected, first.execSelect());
            }
            var answer = Http.getQuery("http://127.0.0.1:" + port + "/tessera/sparql", String.format(query, 40), "text/csv");
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(expected.toString(StandardCharsets.UTF_8), answer.body(), "Jena's plan in memory, the same rows");
            assertTrue(answer.body().lines().skip(1).anyMatch(row -> !row.endsWith(",")), "some rows have a begin: " + answer.body());

            // The embedded server's limits: the row cap, refusals, and a deadline that stops a sub-select being planned.
            String sparql = "http://127.0.0.1:" + port + "/tessera/sparql";
            var capped = Http.getQuery(sparql, "SELECT ?g ?s ?p WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv");
            assertEquals(200, capped.statusCode(), capped.body());
            assertEquals(1 + QueryLimits.DEFAULT.maxRows(), capped.body().strip().lines().count(), "header and the cap's rows");
            assertTrue(corpus.stream().count() > QueryLimits.DEFAULT.maxRows(), "the corpus has more quads than the cap");
            var daesh = Http.getQuery(sparql, "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query \"Daesh\" }", "text/csv");
            assertTrue(daesh.body().contains(IS + "actor/isis"), "text search, with the index in the database's context: " + daesh.body());
            assertEquals(400, Http.getQuery(sparql, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                    "text/csv").statusCode(), "SERVICE refused");
            long start = System.nanoTime();
            var grouped = Http.get(sparql + "?timeout=1&query=" + Http.encode("SELECT * WHERE { { SELECT ?a (COUNT(*) AS ?n) "
                    + "WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a } ?a ?p ?o }"), "text/csv");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertNotEquals(200, grouped.statusCode(), grouped.body());
            assertTrue(millis < 4000, "the 1 s asked for; stopped after " + millis + " ms");
        } finally {
            fuseki.destroy();
        }
    }

    @Test
    void theConfigFileIndexesTheSamePropertiesAsTheEmbeddedServer() {
        Model config = ModelFactory.createDefaultModel();
        RDFDataMgr.read(config, TestProjects.REPO.resolve("fuseki/config.ttl").toString());
        Map<Node, String> mapped = new HashMap<>();
        Property predicate = config.createProperty("http://jena.apache.org/text#predicate");
        Property field = config.createProperty("http://jena.apache.org/text#field");
        config.listSubjectsWithProperty(predicate).forEachRemaining(entry ->
                mapped.put(entry.getProperty(predicate).getObject().asNode(), entry.getProperty(field).getString()));
        assertEquals(TextIndexing.FIELDS, mapped);
        assertEquals(TextIndexing.NAMES_FIELD, config.listObjectsOfProperty(
                config.createProperty("http://jena.apache.org/text#defaultField")).next().asLiteral().getString());
        Resource tdb = config.listSubjectsWithProperty(config.createProperty("http://jena.apache.org/2016/tdb#location")).next();
        assertEquals("true", tdb.getProperty(config.createProperty("http://jena.apache.org/2016/tdb#unionDefaultGraph")).getString());
    }


    /** The stock server stops a query and spills a sort where the embedded server does. */
    @Test
    void theConfigFileSetsTheEmbeddedServersLimits() {
        Model config = ModelFactory.createDefaultModel();
        RDFDataMgr.read(config, TestProjects.REPO.resolve("fuseki/config.ttl").toString());
        String ja = "http://jena.hpl.hp.com/2005/11/Assembler#";
        Map<String, String> context = new HashMap<>();
        Resource server = config.listSubjectsWithProperty(RDF.type,
                config.createResource("http://jena.apache.org/fuseki#Server")).next();
        server.listProperties(config.createProperty(ja + "context")).forEachRemaining(setting -> context.put(
                setting.getResource().getProperty(config.createProperty(ja + "cxtName")).getString(),
                setting.getResource().getProperty(config.createProperty(ja + "cxtValue")).getString()));
        assertEquals(Map.of("arq:queryTimeout", String.valueOf(QueryLimits.DEFAULT.deadline().toMillis()),
                "arq:spillToDiskThreshold", String.valueOf(ServedPlans.SPILL_THRESHOLD)), context);
    }

    /** Starts the server in {@code workDir} and waits for its ping endpoint. */
    private static Process start(Path workDir, String... args) throws Exception {
        return start(workDir, List.of("-jar", FUSEKI_JAR.toString()), args);
    }

    /** The stock server with Tessera's classes on its class path, as {@code fuseki/README.md} shows. */
    private static Process startWithTessera(Path workDir, String... args) throws Exception {
        Path classes = TestProjects.REPO.resolve("target/classes");
        return start(workDir, List.of("-cp", FUSEKI_JAR + File.pathSeparator + classes,
                "org.apache.jena.fuseki.main.cmds.FusekiServerCmd"), args);
    }

    private static Process start(Path workDir, List<String> launch, String... args) throws Exception {
        assertTrue(Files.isRegularFile(FUSEKI_JAR), "missing " + FUSEKI_JAR + ": run the build (mvn verify)");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(launch);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("fuseki.log").toFile()).start();
        int port = Integer.parseInt(List.of(args).stream().filter(a -> a.startsWith("--port=")).findFirst().orElseThrow().substring(7));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Fuseki exited: " + Files.readString(workDir.resolve("fuseki.log")));
            }
            try {
                if (Http.get("http://127.0.0.1:" + port + "/$/ping", "*/*").statusCode() == 200) return process;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroy();
        throw new AssertionError("Fuseki did not start: " + Files.readString(workDir.resolve("fuseki.log")));
    }
}
