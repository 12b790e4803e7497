package org.tessera.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.server.TesseraServer;
import org.tessera.vocabulary.Namespaces;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dereferencing minted IRIs on the running server: 303 to a document, content negotiation, VoID, dumps. */
class LinkedDataTest {
    private static final String IS = "https://w3id.org/tessera/is/";
    private static final String EVENT = "event/telegraph-2016-10-18/afghan-veterans-bosnia";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TesseraServer server;

    @BeforeAll
    static void start() {
        server = CorpusStore.startServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @ParameterizedTest(name = "Accept {0} -> 303 to the .{1} document")
    @CsvSource({"text/html, html", "text/turtle, ttl", "application/ld+json, jsonld", "application/n-triples, nt",
            "application/rdf+xml, rdf", "'text/turtle;q=0.5, application/ld+json', jsonld"})
    void aThingAnswers303ToTheDocumentInTheFormatAsked(String accept, String extension) throws Exception {
        HttpResponse<byte[]> thing = get("/" + EVENT, accept);
        assertEquals(303, thing.statusCode());
        assertEquals("/doc/" + EVENT + "." + extension, header(thing, "Location"));
        assertTrue(header(thing, "Vary").contains("Accept"));

        HttpResponse<byte[]> document = get(header(thing, "Location"), accept);
        assertEquals(200, document.statusCode());
        assertTrue(header(document, "Content-Type").startsWith(accept.contains("ld+json") ? "application/ld+json" : accept.split(",")[0]),
                header(document, "Content-Type"));
    }

    @ParameterizedTest(name = "the {0} document describes the event, its participants and its evidence")
    @CsvSource({"ttl, TTL", "nt, NT", "rdf, RDFXML", "jsonld, JSONLD"})
    void everyRdfDocumentDescribesTheThingWithItsEvidence(String extension, String langName) throws Exception {
        HttpResponse<byte[]> document = get("/doc/" + EVENT + "." + extension, "*/*");
        assertEquals(200, document.statusCode());
        Graph graph = GraphFactory.createDefaultGraph();
        Lang lang = org.apache.jena.riot.RDFLanguages.nameToLang(langName);
        RDFParser.source(new ByteArrayInputStream(document.body())).lang(lang).context(ContextLoader.jenaContext()).parse(graph);
        Node event = iri(IS + EVENT);
        assertTrue(graph.contains(event, iri(Namespaces.TES + "place"), iri(IS + "place/bosnia-and-herzegovina")));
        assertTrue(graph.contains(iri(IS + "place/bosnia-and-herzegovina"), iri("http://www.w3.org/2000/01/rdf-schema#label"), Node.ANY),
                "the linked place comes with its label");
        assertTrue(graph.contains(Node.ANY, iri(Namespaces.OA + "exact"), NodeFactory.createLiteralString("Bosnia")),
                "the evidence quote is in the description");
    }

    @Test
    void aDocumentWithoutExtensionIsNegotiated() throws Exception {
        HttpResponse<byte[]> document = get("/doc/" + EVENT, "application/n-triples");
        assertEquals(200, document.statusCode());
        assertTrue(header(document, "Content-Type").startsWith("application/n-triples"));
        assertEquals("/doc/" + EVENT + ".nt", header(document, "Content-Location"));
        assertTrue(header(document, "Vary").contains("Accept"));
    }

    @Test
    void unknownResourcesAre404() throws Exception {
        assertEquals(404, get("/actor/no-such-actor", "text/html").statusCode());
        assertEquals(404, get("/doc/actor/no-such-actor.ttl", "text/turtle").statusCode());
        assertEquals(404, get("/event/nowhere/nothing", "text/turtle").statusCode());
    }

    @Test
    void theHtmlPageSaysWhatHappenedWhenWhereWhoAndWhichTextSaysSo() throws Exception {
        String page = new String(get("/doc/" + EVENT + ".html", "text/html").body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("<h1>Afghan war veterans join the war in Bosnia</h1>"), page);
        assertTrue(page.contains("<dt>When</dt><dd>after 1980</dd>"));
        assertTrue(page.contains(">year</a></dd>"), "the date precision reads as a word");
        assertTrue(page.contains("href=\"/place/bosnia-and-herzegovina\""));
        assertTrue(page.contains("href=\"/actor/afghan-mujahideen\""));
        assertTrue(page.contains("<mark>Bosnia</mark>"));
        assertTrue(page.contains("characters 1890–1896"));
        assertTrue(page.contains("href=\"/source/telegraph-2016-10-18\""));
    }

    @Test
    void theVoidDescriptionIsAtTheWellKnownPathAndCountsTheData() throws Exception {
        HttpResponse<byte[]> response = get("/.well-known/void", "*/*");
        assertEquals(200, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("text/turtle"));
        Graph voidGraph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(response.body())).lang(Lang.TURTLE).parse(voidGraph);
        Node dataset = iri(IS + "dataset");
        long triples = Long.parseLong(voidGraph.find(dataset, iri(Namespaces.VOID + "triples"), Node.ANY).next().getObject().getLiteralLexicalForm());
        DatasetGraph data = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        long dataQuads = data.stream().filter(q -> !q.getGraph().getURI().equals(IS + "graph/void")).count();
        assertEquals(dataQuads, triples);
        assertTrue(voidGraph.contains(dataset, iri(Namespaces.VOID + "sparqlEndpoint"), iri(IS + "sparql")));
        assertTrue(voidGraph.contains(dataset, iri(Namespaces.DCTERMS + "license"), Node.ANY));
        Node events = iri(IS + "dataset/class/tes-Event");
        long eventCount = data.stream().filter(q -> q.getPredicate().getURI().endsWith("#type") && q.getObject().equals(iri(Namespaces.TES + "Event")))
                .map(q -> q.getSubject()).distinct().count();
        assertEquals(String.valueOf(eventCount),
                voidGraph.find(events, iri(Namespaces.VOID + "entities"), Node.ANY).next().getObject().getLiteralLexicalForm());
        assertEquals(303, get("/.well-known/void", "text/html").statusCode(), "a browser goes to the dataset's page");
    }

    /** A source graph's class partition and linkset dereference, and count what the graph holds. */
    @Test
    void aSourceGraphsPartitionsDereferenceWithTheirCounts() throws Exception {
        String graph = "graph/source/telegraph-2016-10-18";
        DatasetGraph data = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        Graph account = data.getGraph(iri(IS + graph));
        long events = account.stream(Node.ANY, org.apache.jena.vocabulary.RDF.Nodes.type, iri(Namespaces.TES + "Event")).count();
        long actorsMentioned = account.stream(Node.ANY, iri(Namespaces.SCHEMA + "mentions"), Node.ANY)
                .filter(t -> t.getObject().getURI().startsWith(IS + "actor/")).count();

        String partitionPath = graph + "/class/tes-Event";
        Graph partition = described("/" + partitionPath);
        assertTrue(partition.contains(iri(IS + partitionPath), iri(Namespaces.VOID + "class"), iri(Namespaces.TES + "Event")));
        assertEquals(String.valueOf(events), partition.find(iri(IS + partitionPath), iri(Namespaces.VOID + "entities"), Node.ANY)
                .next().getObject().getLiteralLexicalForm());
        Node linkset = iri(IS + graph + "/links/schema-mentions/tes-Actor");
        Graph linksetDescription = described("/" + graph + "/links/schema-mentions/tes-Actor");
        assertTrue(linksetDescription.contains(linkset, iri(Namespaces.VOID + "subjectsTarget"), iri(IS + graph)));
        assertEquals(String.valueOf(actorsMentioned), linksetDescription.find(linkset, iri(Namespaces.VOID + "triples"), Node.ANY)
                .next().getObject().getLiteralLexicalForm());
        assertTrue(events > 0 && actorsMentioned > 0, "the Telegraph's account has events and mentions actors");
    }

    /**
     * The data cube's observations and years dereference. Each event of the corpus has one
     * type and at most one place, in at most one country, so the observations count every
     * event once.
     */
    @Test
    void theEventCountsDereferenceAndCountEveryEventOnce() throws Exception {
        DatasetGraph data = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        Graph description = data.getGraph(iri(IS + "graph/void"));
        assertEquals(instances(data, "Event"), sum(description, "event-counts", "eventCount"));

        String path = "dataset/event-counts/attack/2016/iraq/middle-east";
        Graph observation = described("/" + path);
        Node node = iri(IS + path);
        assertTrue(observation.contains(node, iri(Namespaces.QB + "dataSet"), iri(IS + "dataset/event-counts")));
        assertTrue(observation.contains(node, iri(Namespaces.TES + "refCountry"), iri(IS + "place/iraq")));
        assertTrue(observation.contains(node, iri(Namespaces.TES + "refEventType"), iri(Namespaces.TES_VOCAB + "event-type/attack")));
        assertEquals(description.find(node, iri(Namespaces.TES + "eventCount"), Node.ANY).next().getObject(),
                observation.find(node, iri(Namespaces.TES + "eventCount"), Node.ANY).next().getObject());
        Graph year = described("/dataset/year/2016");
        assertEquals("2016", year.find(iri(IS + "dataset/year/2016"), org.apache.jena.vocabulary.RDF.Nodes.value, Node.ANY)
                .next().getObject().getLiteralLexicalForm());
    }

    /**
     * The relation cube's observations dereference. Each relation of the corpus has one type,
     * so the observations count every relation once.
     */
    @Test
    void theRelationCountsDereferenceAndCountEveryRelationOnce() throws Exception {
        DatasetGraph data = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        Graph description = data.getGraph(iri(IS + "graph/void"));
        long relations = instances(data, "Relation");
        assertEquals(relations, sum(description, "relation-counts", "relationCount"));
        assertTrue(relations > 20, "the corpus's relations: " + relations);

        String path = "dataset/relation-counts/memberOf";
        Graph observation = described("/" + path);
        Node node = iri(IS + path);
        assertTrue(observation.contains(node, iri(Namespaces.QB + "dataSet"), iri(IS + "dataset/relation-counts")));
        assertTrue(observation.contains(node, iri(Namespaces.TES + "refRelationType"), iri(Namespaces.TES + "memberOf")));
        assertEquals(description.find(node, iri(Namespaces.TES + "actorPairCount"), Node.ANY).next().getObject(),
                observation.find(node, iri(Namespaces.TES + "actorPairCount"), Node.ANY).next().getObject());
    }

    /**
     * The observations of the cubes by place and by actor dereference. A top-level place
     * counts every event placed below it: the corpus's regions together count each placed
     * event once, as no place of the corpus is within two regions.
     */
    @Test
    void thePlaceAndActorCountsDereference() throws Exception {
        DatasetGraph data = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        Graph description = data.getGraph(iri(IS + "graph/void"));
        Graph shared = data.getGraph(iri(IS + "graph/shared"));
        Graph union = data.getUnionGraph();
        long placedEvents = union.stream(Node.ANY, iri(Namespaces.TES + "place"), Node.ANY)
                .filter(t -> union.contains(t.getSubject(), org.apache.jena.vocabulary.RDF.Nodes.type, iri(Namespaces.TES + "Event"))).count();
        long inRegions = description.stream(Node.ANY, iri(Namespaces.TES + "refPlace"), Node.ANY)
                .filter(t -> !shared.contains(t.getObject(), iri(Namespaces.TES + "within"), Node.ANY))
                .mapToLong(t -> Long.parseLong(description.find(t.getSubject(), iri(Namespaces.TES + "eventCount"), Node.ANY)
                        .next().getObject().getLiteralLexicalForm())).sum();
        assertEquals(placedEvents, inRegions);
        assertTrue(placedEvents > 50, "the corpus's placed events: " + placedEvents);

        for (String[] cube : new String[][]{{"dataset/place-counts/iraq", "refPlace", "place/iraq"},
                {"dataset/actor-counts/isis", "refActor", "actor/isis"}}) {
            Graph observation = described("/" + cube[0]);
            Node node = iri(IS + cube[0]);
            assertTrue(observation.contains(node, iri(Namespaces.TES + cube[1]), iri(IS + cube[2])), cube[0]);
            assertEquals(description.find(node, iri(Namespaces.TES + "eventCount"), Node.ANY).next().getObject(),
                    observation.find(node, iri(Namespaces.TES + "eventCount"), Node.ANY).next().getObject());
        }
    }

    /** The members of a Tessera class in all graphs. */
    private static long instances(DatasetGraph data, String tesClass) {
        return data.stream().filter(q -> q.getPredicate().equals(org.apache.jena.vocabulary.RDF.Nodes.type)
                && q.getObject().equals(iri(Namespaces.TES + tesClass))).count();
    }

    /** The sum of one measure over the observations of one cube. */
    private static long sum(Graph description, String cube, String measure) {
        return description.stream(Node.ANY, iri(Namespaces.TES + measure), Node.ANY)
                .filter(t -> description.contains(t.getSubject(), iri(Namespaces.QB + "dataSet"), iri(IS + "dataset/" + cube)))
                .mapToLong(t -> Long.parseLong(t.getObject().getLiteralLexicalForm())).sum();
    }

    /** The Turtle a thing's IRI leads to, through its 303. */
    private Graph described(String path) throws Exception {
        HttpResponse<byte[]> thing = get(path, "text/turtle");
        assertEquals(303, thing.statusCode(), path);
        HttpResponse<byte[]> document = get(header(thing, "Location"), "text/turtle");
        assertEquals(200, document.statusCode(), path);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(document.body())).lang(Lang.TURTLE).parse(graph);
        return graph;
    }

    @Test
    void theEndpointAndDumpsTheVoidNamesAnswer() throws Exception {
        HttpResponse<byte[]> ask = get("/sparql?query=" + java.net.URLEncoder.encode("ASK { ?s a <" + Namespaces.TES + "Event> }",
                StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(new String(ask.body(), StandardCharsets.UTF_8).contains("true"));

        HttpResponse<byte[]> dump = get("/dumps/tessera.nq.gz", "*/*");
        assertEquals(200, dump.statusCode());
        DatasetGraph fromDump = DatasetGraphFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(dump.body()))).lang(Lang.NQUADS).parse(fromDump);
        DatasetGraph committed = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        assertTrue(IsoMatcher.isomorphic(committed, fromDump), "the dump holds what was loaded");
        HttpResponse<byte[]> plain = get("/dumps/tessera.nq", "*/*");
        byte[] loaded = java.nio.file.Files.readAllBytes(CorpusStore.CORPUS_NQUADS);
        assertArrayEquals(loaded, plain.body(), "the N-Quads the store was loaded from, byte for byte");
        assertEquals(String.valueOf(loaded.length), header(plain, "Content-Length"), "sent as the file kept, of known length");
        HttpResponse<byte[]> trig = get("/dumps/tessera.trig", "*/*");
        assertArrayEquals(java.nio.file.Files.readAllBytes(TestProjects.REPO.resolve("rdf/tessera.trig")), trig.body(),
                "the TriG written from the kept N-Quads as they are read: the converter's own bytes");
        HttpResponse<byte[]> jsonld = get("/dumps/tessera.jsonld", "*/*");
        String base = DatasetBase.of(committed).orElseThrow();
        java.io.ByteArrayOutputStream sortedInMemory = new java.io.ByteArrayOutputStream();
        new org.tessera.output.DumpWriter(Namespaces.prefixes(base), base)
                .write(org.tessera.output.SortedQuads.of(committed), org.tessera.output.DumpFormat.JSONLD, sortedInMemory);
        assertArrayEquals(sortedInMemory.toByteArray(), jsonld.body(),
                "the JSON-LD written from the kept N-Quads, a graph at a time: the bytes of the dataset sorted in memory");
        for (org.tessera.output.DumpFormat union : List.of(org.tessera.output.DumpFormat.TURTLE, org.tessera.output.DumpFormat.RDFXML)) {
            java.io.ByteArrayOutputStream unionInMemory = new java.io.ByteArrayOutputStream();
            new org.tessera.output.DumpWriter(Namespaces.prefixes(base), base)
                    .write(org.tessera.output.SortedQuads.of(committed), union, unionInMemory);
            assertArrayEquals(unionInMemory.toByteArray(), get("/dumps/tessera." + union.extension(), "*/*").body(),
                    union.cliName() + ", the union of the graphs sorted on disk from the kept N-Quads: the bytes of the dataset sorted in memory");
        }
        assertEquals(404, get("/dumps/secrets.txt", "*/*").statusCode());

        HttpResponse<byte[]> context = get("/context.jsonld", "application/ld+json");
        assertArrayEquals(JsonLdWriter.contextBytes(), context.body());
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
