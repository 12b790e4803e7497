package org.tessera.linkeddata;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

    private final String base;

    public JsonLdWriter(String base) {
        this.base = base;
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

    /** Writes one graph, its triples sorted, as the default graph. */
    public void write(Graph graph, OutputStream out) throws IOException {
        write(graph.find().toList().stream().map(t -> Quad.create(Quad.defaultGraphIRI, t))
                .sorted(Comparator.comparing(Quad::toString)).toList(), out);
    }

    /** Writes the quads, in the order given, as one compacted JSON-LD document. */
    public void write(List<Quad> quads, OutputStream out) throws IOException {
        try {
            JsonArray expanded = JsonLd.fromRdf(RdfDocument.of(new ByteArrayInputStream(nquads(quads)))).get();
            JsonObject inlineContext = Json.createObjectBuilder()
                    .add("@context", Json.createArrayBuilder().add(contextObject()).add(baseObject())).build();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(inlineContext)).get();
            var published = Json.createObjectBuilder()
                    .add("@context", Json.createArrayBuilder().add(CONTEXT_IRI).add(baseObject()));
            compacted.forEach((key, value) -> {
                if (!key.equals("@context")) published.add(key, value);
            });
            writeJson(published.build(), out);
        } catch (JsonLdError e) {
            throw new IOException("Cannot write JSON-LD: " + e.getMessage(), e);
        }
    }

    private JsonObject baseObject() {
        return Json.createObjectBuilder().add("@base", base).build();
    }

    private static JsonValue contextObject() {
        try (var reader = Json.createReader(new ByteArrayInputStream(contextBytes()))) {
            return reader.readObject().get("@context");
        }
    }

    private static byte[] nquads(List<Quad> quads) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RDFDataMgr.writeQuads(buffer, quads.iterator());
        return buffer.toByteArray();
    }

    private static void writeJson(JsonStructure json, OutputStream out) {
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(json);
        }
    }
}
