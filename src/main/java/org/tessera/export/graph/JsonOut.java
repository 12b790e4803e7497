package org.tessera.export.graph;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON files, indented with line feeds on every platform, and typed attribute values. */
final class JsonOut {
    private JsonOut() {}

    static JsonGenerator create(Path file) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
        return json;
    }

    /** Numbers as JSON numbers, the rest (dates too) as strings. */
    static void field(JsonGenerator json, String name, Object value) throws IOException {
        json.writeFieldName(name);
        if (value instanceof Long l) json.writeNumber(l);
        else if (value instanceof Double d) json.writeNumber(d);
        else json.writeString((String) value);
    }

    /** The end of the document, and a final line feed. */
    static void finish(JsonGenerator json) throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
