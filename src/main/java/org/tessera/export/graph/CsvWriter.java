package org.tessera.export.graph;

import org.tessera.output.AtomicFile;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two RFC 4180 tables in a directory, nodes.csv and edges.csv (UTF-8, CRLF, a
 * header row), as Gephi's spreadsheet import, Cytoscape, QGIS (nodes.csv has
 * lat and long columns) and R or pandas read them. An absent value is an empty field.
 */
final class CsvWriter implements GraphWriter {
    /** A folder that may hold other files: {@link #write} already replaces each of its two files. */
    @Override
    public void replace(PropertyGraph graph, Path dir) throws IOException {
        write(graph, dir);
    }

    @Override
    public void write(PropertyGraph graph, Path dir) throws IOException {
        // Each file replaced whole; the folder's other files are left as they are.
        AtomicFile.replace(dir.resolve("nodes.csv"), file -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                row(out, Stream.concat(Stream.of("id", "label"), graph.nodeKeys().stream()).toList());
                for (GraphNode node : graph.nodes()) {
                    row(out, fields(List.of(node.id(), node.label()), graph.nodeKeys(), node.attributes()));
                }
            }
        });
        AtomicFile.replace(dir.resolve("edges.csv"), file -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                row(out, Stream.concat(Stream.of("id", "source", "target", "label", "weight"), graph.edgeKeys().stream()).toList());
                for (GraphEdge edge : graph.edges()) {
                    List<String> fixed = List.of(edge.id(), edge.source(), edge.target(), edge.label(), Double.toString(edge.weight()));
                    row(out, fields(fixed, graph.edgeKeys(), edge.attributes()));
                }
            }
        });
    }

    private static List<String> fields(List<String> fixed, List<String> keys, Map<String, Object> values) {
        List<String> fields = new ArrayList<>(fixed);
        for (String key : keys) fields.add(values.containsKey(key) ? values.get(key).toString() : "");
        return fields;
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.write(',');
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** Quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    static String field(String value) {
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) return value;
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
