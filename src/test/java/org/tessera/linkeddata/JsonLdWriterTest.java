package org.tessera.linkeddata;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.api.Test;
import org.tessera.CorpusStore;
import org.tessera.output.SortedQuads;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dataset's JSON-LD is compacted a part of a graph at a time, so that a dump holds one
 * part in memory, not the dataset. Titanium compacting the whole dataset at once is the
 * reference for the nodes of each graph; their order is Titanium's within a part.
 */
class JsonLdWriterTest {
    static { JenaSystem.init(); }

    private static final String BASE = "https://w3id.org/tessera/is/";

    @Test
    void aDatasetCompactedAPartAtATimeHasTheNodesOfTitaniumsCompactionOfTheWhole() throws Exception {
        byte[] nquads = Files.readAllBytes(CorpusStore.CORPUS_NQUADS);
        JsonObject whole = JsonLd.compact(JsonDocument.of(JsonLd.fromRdf(RdfDocument.of(new ByteArrayInputStream(nquads))).get()),
                JsonDocument.of(Json.createObjectBuilder().add("@context", Json.createArrayBuilder()
                        .add(contextOfTheFile()).add(Json.createObjectBuilder().add("@base", BASE))).build())).get();

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        // Parts of 500 quads: the corpus's shared graph (actors, places) is compacted in dozens.
        new JsonLdWriter(BASE, 500).writeDataset(new ByteArrayInputStream(nquads), streamed);
        JsonObject written = Json.createReader(new ByteArrayInputStream(streamed.toByteArray())).readObject();

        Map<String, Set<JsonValue>> expected = nodesByGraph(whole.getJsonArray("@graph"));
        Map<String, Set<JsonValue>> actual = nodesByGraph(written.getJsonArray("@graph"));
        assertTrue(actual.size() > 3, "one object per graph of the corpus: " + actual.keySet());
        assertEquals(expected.keySet(), actual.keySet(), "the same graphs");
        expected.forEach((graph, nodes) -> assertEquals(nodes, actual.get(graph), graph));
        assertEquals(Json.createArrayBuilder().add(JsonLdWriter.CONTEXT_IRI).add(Json.createObjectBuilder().add("@base", BASE)).build(),
                written.getJsonArray("@context"), "the published context, by IRI, and the base");
    }

    /** Each graph object's node objects; each graph once. */
    private static Map<String, Set<JsonValue>> nodesByGraph(JsonArray graphs) {
        Map<String, Set<JsonValue>> nodes = new HashMap<>();
        for (JsonValue graph : graphs) {
            JsonObject object = graph.asJsonObject();
            assertEquals(Set.of("@id", "@graph"), object.keySet(), "a graph object");
            Set<JsonValue> its = new HashSet<>(object.getJsonArray("@graph"));
            assertEquals(object.getJsonArray("@graph").size(), its.size(), "each node once");
            assertTrue(nodes.put(object.getString("@id"), its) == null, "one object for the graph " + object.getString("@id"));
        }
        return nodes;
    }

    @Test
    void triplesOfTheDefaultGraphAboutSeveralSubjectsSitBesideTheNamedGraphs() throws Exception {
        DatasetGraph dataset = DatasetGraphFactory.create();
        var label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        dataset.add(Quad.defaultGraphIRI, NodeFactory.createURI(BASE + "actor/a"), label, NodeFactory.createLiteralString("A"));
        dataset.add(Quad.defaultGraphIRI, NodeFactory.createURI(BASE + "actor/b"), label, NodeFactory.createLiteralString("B"));
        dataset.add(NodeFactory.createURI(BASE + "graph/one"), NodeFactory.createURI(BASE + "actor/c"), label,
                NodeFactory.createLiteralString("C"));
        List<Quad> sorted = SortedQuads.of(dataset);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLdWriter(BASE).writeDataset(sorted.iterator(), out);

        DatasetGraph read = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(Lang.JSONLD).context(ContextLoader.jenaContext()).parse(read);
        assertTrue(IsoMatcher.isomorphic(dataset, read), new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonValue contextOfTheFile() {
        return Json.createReader(new ByteArrayInputStream(JsonLdWriter.contextBytes())).readObject().get("@context");
    }
}
