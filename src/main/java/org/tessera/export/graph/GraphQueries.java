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
        List<GraphNode> nodes = new ArrayList<>();
        for (Map<String, Object> row : rows(query)) {
            String id = (String) row.remove("id");
            String label = (String) row.remove("label");
            row.putAll(byIri().getOrDefault(id, Map.of()));
            nodes.add(new GraphNode(id, label, row));
        }
        return nodes;
    }

    /** Edges are named by the resource that states them, else by their ends and kind. */
    List<GraphEdge> edges(String query) {
        List<GraphEdge> edges = new ArrayList<>();
        for (Map<String, Object> row : rows(query)) {
            String source = (String) row.remove("source");
            String target = (String) row.remove("target");
            String id = (String) row.remove("id");
            if (id == null) id = source + " " + row.get("kind") + " " + target;
            Object weight = row.remove("weight");
            row.putAll(byIri().getOrDefault(id, Map.of()));
            String label = (String) row.getOrDefault("role", row.getOrDefault("relation_type", row.get("kind")));
            edges.add(new GraphEdge(id, source, target, label, weight == null ? 1.0 : (Double) weight, row));
        }
        return edges;
    }

    private Map<String, Map<String, Object>> byIri() {
        if (byIri == null) {
            byIri = new HashMap<>();
            for (String query : List.of("dates", "source-counts")) {
                for (Map<String, Object> row : rows(query)) {
                    byIri.computeIfAbsent((String) row.remove("id"), k -> new HashMap<>()).putAll(row);
                }
            }
        }
        return byIri;
    }

    private List<Map<String, Object>> rows(String query) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.graph(union).query(text(query)).build()) {
            RowSet results = exec.select();
            results.forEachRemaining(binding -> {
                Map<String, Object> row = new HashMap<>();
                binding.vars().forEachRemaining((Var v) -> row.put(v.getVarName(), value(v.getVarName(), binding.get(v))));
                rows.add(row);
            });
        }
        return rows;
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
