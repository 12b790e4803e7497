package org.tessera.export.graph;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.tessera.support.OrderedWork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the export queries (the {@code .rq} files beside this class) over the
 * union of the dataset's graphs, and turns their rows into nodes and edges: a
 * variable named like a schema attribute becomes that attribute, with its type.
 * Dates and source counts come from queries of their own, joined by IRI.
 * <p>
 * Every query groups its rows on disk ({@link SortedGroupBy}), so its rows come in the
 * order of their ids, and the queries of a view and the dates and counts are merged by
 * id ({@link MergeById}) as they are read: nothing holds a view's elements. The queries
 * run ahead of their reader, on every core ({@link QueriesAhead}).
 */
final class GraphQueries implements AutoCloseable {
    /** Variables that shape an element rather than give it an attribute. */
    private static final Set<String> STRUCTURE = Set.of("id", "label", "source", "target", "weight");
    /** The queries whose rows add attributes to the elements of other queries. */
    private static final List<String> EXTRAS = List.of("dates", "source-counts");
    /** Rows a query's grouping holds in memory before it spills them to disk (a few MB; a view keeps up to seven queries at once). */
    private static final long ROWS_IN_MEMORY = 20_000;

    private final QueriesAhead ahead;
    /** The rows of each extra query, kept in files once read: a view merges them into two or three streams. */
    private final Map<String, ElementSpool<GraphNode>> extras = new HashMap<>();

    /**
     * Starts the dates and counts, which every merge reads, then the queries a view reads, in the
     * order it reads them; each is read once. Each runs in a read transaction of its own, on one
     * thread per core or as many as {@value OrderedWork#THREADS_PROPERTY} says.
     */
    GraphQueries(DatasetGraph dataset, List<String> queries) {
        Map<String, SortedGroupBy> started = new LinkedHashMap<>();
        for (String query : EXTRAS) started.put(query, new SortedGroupBy(text(query)));
        for (String query : queries) started.put(query, new SortedGroupBy(text(query)));
        this.ahead = new QueriesAhead(dataset, started, ROWS_IN_MEMORY, Math.max(1, OrderedWork.configuredThreads()));
    }

    @Override
    public void close() {
        try (ahead) {
            extras.values().forEach(ElementSpool::close);
            extras.clear();
        }
    }

    /** The nodes of the queries, in id order, each with the dates and source counts of its IRI. */
    Stream<GraphNode> nodes(String... queries) {
        return merged(queries, row -> (String) row.remove("id"), "node", (id, row) -> {
            String label = (String) row.remove("label");
            return new GraphNode(id, label, row);
        });
    }

    /**
     * The edges of the queries, in id order. An edge is named by the resource that states it,
     * else by its ends and kind.
     */
    Stream<GraphEdge> edges(String... queries) {
        return merged(queries, GraphQueries::edgeId, "edge", (id, row) -> {
            String source = (String) row.remove("source");
            String target = (String) row.remove("target");
            Object weight = row.remove("weight");
            String label = (String) row.getOrDefault("role", row.getOrDefault("relation_type", row.get("kind")));
            return new GraphEdge(id, source, target, label, weight == null ? 1.0 : (Double) weight, row);
        });
    }

    /**
     * An edge's id. A query without ?id groups by its ?source, ?kind and ?target, in that order,
     * so that its rows come in the order of this id: IRIs hold no space, which sorts below every
     * character they may hold.
     */
    private static String edgeId(Map<String, Object> row) {
        String id = (String) row.remove("id");
        return id != null ? id : row.get("source") + " " + row.get("kind") + " " + row.get("target");
    }

    private <E> Stream<E> merged(String[] queries, Function<Map<String, Object>, String> idOf, String element,
                                 MergeById.Maker<E> maker) {
        List<MergeById.Input> inputs = new ArrayList<>();
        try {
            for (String query : queries) {
                inputs.add(new MergeById.Input(query, true, rows(query).map(row -> new MergeById.Keyed(idOf.apply(row), row))));
            }
            for (String query : EXTRAS) inputs.add(new MergeById.Input(query, false, extraRows(query)));
        } catch (RuntimeException e) {
            inputs.forEach(MergeById.Input::close);
            throw e;
        }
        return new MergeById<>(inputs, element, maker).stream();
    }

    /** The rows of an extra query, in id order: read from the database the first time, then from their file. */
    private Stream<MergeById.Keyed> extraRows(String query) {
        ElementSpool<GraphNode> spool = extras.get(query);
        if (spool == null) {
            spool = ElementSpool.nodes();
            extras.put(query, spool);
            try (Stream<Map<String, Object>> rows = rows(query)) {
                ElementSpool<GraphNode> into = spool;
                rows.forEach(row -> into.add(new GraphNode((String) row.remove("id"), null, row)));
            }
        }
        return spool.stream().map(row -> new MergeById.Keyed(row.id(), new HashMap<>(row.attributes())));
    }

    /** The query's grouped rows, in the order of its group keys, each in a map of its own. */
    private Stream<Map<String, Object>> rows(String query) {
        return ahead.take(query).map(GraphQueries::row);
    }

    private static Map<String, Object> row(Binding binding) {
        Map<String, Object> row = new HashMap<>();
        binding.vars().forEachRemaining((Var v) -> row.put(v.getVarName(), value(v.getVarName(), binding.get(v))));
        return row;
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
