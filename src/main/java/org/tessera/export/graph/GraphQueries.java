package org.tessera.export.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the export queries (the {@code .rq} files beside this class) over the
 * union of the dataset's graphs, and turns their rows into nodes and edges: a
 * variable named like a schema attribute becomes that attribute, with its type.
 * Dates and source counts come from queries of their own, joined by IRI.
 */
final class GraphQueries {
    /** Variables that shape an element rather than give it an attribute. */
    private static final Set<String> STRUCTURE = Set.of("id", "label", "source", "target", "weight");

    private final Graph union;
    private Map<String, Map<String, Object>> byIri;

    /** Call within a read transaction on the dataset. */
    GraphQueries(DatasetGraph dataset) {
        this.union = dataset.getUnionGraph();
    }

    List<GraphNode> nodes(String query) {
        Map<String, Map<String, Object>> extra = byIri();
        List<GraphNode> nodes = new ArrayList<>();
        forEachRow(query, row -> {
            String id = (String) row.remove("id");
            String label = (String) row.remove("label");
            row.putAll(extra.getOrDefault(id, Map.of()));
            nodes.add(new GraphNode(id, label, row));
        });
        return nodes;
    }

    /** Edges are named by the resource that states them, else by their ends and kind. */
    List<GraphEdge> edges(String query) {
        Map<String, Map<String, Object>> extra = byIri();
        List<GraphEdge> edges = new ArrayList<>();
        forEachRow(query, row -> {
            String source = (String) row.remove("source");
            String target = (String) row.remove("target");
            String id = (String) row.remove("id");
            if (id == null) id = source + " " + row.get("kind") + " " + target;
            Object weight = row.remove("weight");
            row.putAll(extra.getOrDefault(id, Map.of()));
            String label = (String) row.getOrDefault("role", row.getOrDefault("relation_type", row.get("kind")));
            edges.add(new GraphEdge(id, source, target, label, weight == null ? 1.0 : (Double) weight, row));
        });
        return edges;
    }

    /** The dates and source counts of each resource, compacted: they stay for every query of the view. */
    private Map<String, Map<String, Object>> byIri() {
        if (byIri == null) {
            Map<String, Map<String, Object>> gathered = new HashMap<>();
            for (String query : List.of("dates", "source-counts")) {
                forEachRow(query, row -> gathered.computeIfAbsent((String) row.remove("id"), k -> new HashMap<>()).putAll(row));
            }
            gathered.replaceAll((iri, attributes) -> Map.copyOf(attributes));
            byIri = gathered;
        }
        return byIri;
    }

    /**
     * Hands each row to {@code action} as it is read, in a map of its own: an element keeps
     * only its compact copy (GraphNode, GraphEdge), so the rows of a query are never all
     * held at once (0.9M maps at 100k events).
     */
    private void forEachRow(String query, Consumer<Map<String, Object>> action) {
        try (QueryExec exec = QueryExec.graph(union).query(text(query)).build()) {
            RowSet results = exec.select();
            results.forEachRemaining(binding -> {
                Map<String, Object> row = new HashMap<>();
                binding.vars().forEachRemaining((Var v) -> row.put(v.getVarName(), value(v.getVarName(), binding.get(v))));
                action.accept(row);
            });
        }
    }

    private static Object value(String variable, Node node) {
        String text;
        if (node.isURI()) text = node.getURI();
        else if (node.isLiteral()) text = node.getLiteralLexicalForm();
        else throw new IllegalStateException("?" + variable + " is bound to a blank node");
        if (variable.equals("weight")) return Double.parseDouble(text);
        if (STRUCTURE.contains(variable)) return text;
        return switch (Attributes.type(variable)) {
            case STRING, DATE -> text;
            case INTEGER -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
        };
    }

    private static String text(String query) {
        try (InputStream in = GraphQueries.class.getResourceAsStream(query + ".rq")) {
            if (in == null) throw new IllegalStateException("No export query " + query + ".rq");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
