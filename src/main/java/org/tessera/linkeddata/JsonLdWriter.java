package org.tessera.linkeddata;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import com.apicatalog.rdf.Rdf;
import com.apicatalog.rdf.RdfDataset;
import com.apicatalog.rdf.RdfResource;
import com.apicatalog.rdf.RdfValue;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.tessera.support.IoConsumer;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JSON-LD compacted with Tessera's published context, {@value #CONTEXT_IRI},
 * plus an {@code @base} so that minted IRIs read as {@code actor/isis}. The
 * context is read from the jar, never fetched; a consumer resolves the IRI
 * (the server answers it at {@code /context.jsonld}) or maps it to the copy
 * in this project.
 */
public final class JsonLdWriter {
    public static final String CONTEXT_IRI = "https://w3id.org/tessera/context.jsonld";
    public static final String CONTEXT_RESOURCE = "/org/tessera/jsonld/context.jsonld";

    /** The context's own object, read once: it is compacted with for every graph of a dump. */
    private static final JsonValue CONTEXT = readContext();
    private static final Map<String, Object> PRETTY = Map.of(JsonGenerator.PRETTY_PRINTING, true);

    /** The quads of a graph compacted at once, about: past it, the graph is compacted in parts. */
    static final int QUADS_AT_ONCE = 20_000;

    private final String base;
    private final int quadsAtOnce;

    public JsonLdWriter(String base) {
        this(base, QUADS_AT_ONCE);
    }

    JsonLdWriter(String base, int quadsAtOnce) {
        this.base = base;
        this.quadsAtOnce = quadsAtOnce;
    }

    /** The context file, as published. */
    public static byte[] contextBytes() {
        try (InputStream in = JsonLdWriter.class.getResourceAsStream(CONTEXT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("Missing " + CONTEXT_RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one graph, its triples sorted, as the default graph: one compacted document. */
    public void write(Graph graph, OutputStream out) throws IOException {
        List<Quad> quads = graph.find().toList().stream().map(t -> Quad.create(Quad.defaultGraphIRI, t))
                .sorted(Comparator.comparing(Quad::toString)).toList();
        try {
            var published = Json.createObjectBuilder().add("@context", publishedContext());
            compact(quads).forEach((key, value) -> {
                if (!key.equals("@context")) published.add(key, value);
            });
            try (JsonWriter writer = Json.createWriterFactory(PRETTY).createWriter(out)) {
                writer.write(published.build());
            }
        } catch (JsonLdError e) {
            throw new IOException("Cannot write JSON-LD: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the quads of a dataset, sorted by graph as a dump is, as one JSON-LD document
     * whose {@code @graph} lists the graphs in turn. Each graph is compacted on its own, a
     * part at a time, so that memory holds one part, not the dataset: compacting a whole
     * dataset at once held all of it, several times over.
     */
    public void writeDataset(Iterator<Quad> sortedByGraph, OutputStream out) throws IOException {
        try (PartByPart document = new PartByPart(out)) {
            while (sortedByGraph.hasNext()) document.add(sortedByGraph.next());
        }
    }

    /** As {@link #writeDataset(Iterator, OutputStream)}, from an N-Quads stream read as it is written. */
    public void writeDataset(InputStream nquads, OutputStream out) throws IOException {
        try (PartByPart document = new PartByPart(out)) {
            Consumer<Quad> add = IoConsumer.unchecked(document::add);
            RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    add.accept(quad);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * A JSON-LD document written as the quads come, a part of a graph at a time: the quads
     * of one graph are compacted in parts of about {@link #quadsAtOnce}, cut where the
     * subject changes, and each part's node objects go into the graph's {@code @graph} as
     * they are made. A node object depends only on its own quads and the context, so the
     * parts make the nodes the whole graph would. One graph of 100k events (actors and
     * places, 949k quads) took Titanium minutes and gigabytes at once.
     * <p>
     * Blank nodes keep their labels across parts. A list of blank nodes whose head and
     * items fall in different parts is written as its {@code rdf:first} and {@code rdf:rest}
     * nodes rather than as {@code @list}: the same triples. Tessera's graphs have none.
     */
    private final class PartByPart implements AutoCloseable {
        private final JsonGenerator json;
        private final List<Quad> part = new ArrayList<>();
        /** The named graph whose object is open in the output, with its {@code @graph} begun; null for none. */
        private Node openGraph;

        PartByPart(OutputStream out) {
            // The generator closes what it writes to; the caller owns the stream.
            json = Json.createGeneratorFactory(PRETTY).createGenerator(new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    // FilterOutputStream's own passes the bytes on one at a time.
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            json.writeStartObject();
            json.write("@context", publishedContext());
            json.writeStartArray("@graph");
        }

        void add(Quad quad) throws IOException {
            if (!part.isEmpty()) {
                Quad last = part.get(part.size() - 1);
                if (!last.getGraph().equals(quad.getGraph())) {
                    writePart();
                    closeGraph();
                } else if (part.size() >= quadsAtOnce && !last.getSubject().equals(quad.getSubject())) {
                    writePart();
                }
            }
            part.add(quad);
        }

        private void writePart() throws IOException {
            Node graph = part.get(0).getGraph();
            JsonObject compacted;
            try {
                compacted = compact(part);
            } catch (JsonLdError e) {
                throw new IOException("Cannot write JSON-LD: " + e.getMessage(), e);
            }
            part.clear();
            if (Quad.isDefaultGraph(graph)) {
                // Triples of the default graph: each subject is a node of the dataset.
                if (compacted.containsKey("@id")) {
                    var node = Json.createObjectBuilder(compacted);
                    node.remove("@context");
                    json.write(node.build());
                } else {
                    nodes(compacted).forEach(json::write);
                }
                return;
            }
            if (!graph.equals(openGraph)) {
                json.writeStartObject();
                json.write("@id", compacted.getString("@id"));
                json.writeStartArray("@graph");
                openGraph = graph;
            }
            nodes(compacted).forEach(json::write);
        }

        private static List<JsonValue> nodes(JsonObject compacted) {
            JsonValue nodes = compacted.get("@graph");
            if (nodes == null) return List.of();
            return nodes instanceof JsonArray array ? array : List.of(nodes);
        }

        private void closeGraph() {
            if (openGraph == null) return;
            json.writeEnd();
            json.writeEnd();
            openGraph = null;
        }

        @Override
        public void close() throws IOException {
            if (!part.isEmpty()) writePart();
            closeGraph();
            json.writeEnd();
            json.writeEnd();
            json.close();
        }
    }

    /** The quads compacted with the context inline (never fetched) and the base. */
    private JsonObject compact(List<Quad> quads) throws JsonLdError {
        JsonArray expanded = JsonLd.fromRdf(RdfDocument.of(titanium(quads))).get();
        JsonArrayBuilder inline = Json.createArrayBuilder().add(CONTEXT);
        if (base != null) inline.add(baseObject());
        return JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(Json.createObjectBuilder().add("@context", inline).build())).get();
    }

    /** The context a document names: the published IRI, and the base. */
    private JsonArray publishedContext() {
        JsonArrayBuilder context = Json.createArrayBuilder().add(CONTEXT_IRI);
        if (base != null) context.add(baseObject());
        return context.build();
    }

    private JsonObject baseObject() {
        return Json.createObjectBuilder().add("@base", base).build();
    }

    private static JsonValue readContext() {
        try (var reader = Json.createReader(new ByteArrayInputStream(contextBytes()))) {
            return reader.readObject().get("@context");
        }
    }

    /**
     * The quads as Titanium's dataset, made term by term as its N-Quads reader makes them.
     * Written as N-Quads and parsed again by Titanium, two thirds of a dump's time went
     * into that parser.
     */
    private static RdfDataset titanium(List<Quad> quads) {
        RdfDataset dataset = Rdf.createDataset();
        for (Quad quad : quads) {
            RdfResource graph = quad.isDefaultGraph() ? null : resource(quad.getGraph());
            dataset.add(Rdf.createNQuad(resource(quad.getSubject()), resource(quad.getPredicate()), value(quad.getObject()), graph));
        }
        return dataset;
    }

    private static RdfResource resource(Node node) {
        return node.isBlank() ? Rdf.createBlankNode("_:" + node.getBlankNodeLabel()) : Rdf.createIRI(node.getURI());
    }

    private static RdfValue value(Node node) {
        if (!node.isLiteral()) return resource(node);
        String lexical = node.getLiteralLexicalForm();
        String language = node.getLiteralLanguage();
        if (language == null || language.isEmpty()) return Rdf.createTypedString(lexical, node.getLiteralDatatypeURI());
        TextDirection direction = node.getLiteralBaseDirection();
        return Rdf.createLangString(lexical, language, direction == null ? null : direction.direction());
    }
}
