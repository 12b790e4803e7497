package org.tessera.export.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One view of the dataset as a property graph, the form every writer takes.
 * Nodes and edges come in the order of their ids, so that the same dataset always
 * gives the same bytes. A dynamic graph's elements exist from their "start" to their
 * "end" attribute (an absent one is open). The elements wait in temporary files
 * ({@link ElementSpool}), which closing the graph removes.
 */
final class PropertyGraph implements AutoCloseable {
    private final String name;
    private final boolean directed;
    private final boolean dynamic;
    private final ElementSpool<GraphNode> nodes;
    private final ElementSpool<GraphEdge> edges;

    private PropertyGraph(String name, boolean directed, boolean dynamic, ElementSpool<GraphNode> nodes,
                          ElementSpool<GraphEdge> edges) {
        this.name = name;
        this.directed = directed;
        this.dynamic = dynamic;
        this.nodes = nodes;
        this.edges = edges;
    }

    /**
     * The nodes, and those edges whose two ends are among them. Each stream must come in id
     * order, which is checked; the edges are read once the nodes are known. The only thing
     * held in memory is the set of node ids.
     */
    static PropertyGraph induced(String name, boolean directed, boolean dynamic, Stream<GraphNode> nodes,
                                 Supplier<Stream<GraphEdge>> edges) {
        ElementSpool<GraphNode> nodeSpool = ElementSpool.nodes();
        ElementSpool<GraphEdge> edgeSpool = ElementSpool.edges();
        try {
            Set<String> ids = new HashSet<>();
            InOrder nodeOrder = new InOrder("nodes");
            try (nodes) {
                nodes.forEach(node -> {
                    nodeOrder.check(node.id());
                    ids.add(node.id());
                    nodeSpool.add(node);
                });
            }
            InOrder edgeOrder = new InOrder("edges");
            try (Stream<GraphEdge> all = edges.get()) {
                all.filter(e -> ids.contains(e.source()) && ids.contains(e.target())).forEach(edge -> {
                    edgeOrder.check(edge.id());
                    edgeSpool.add(edge);
                });
            }
            return new PropertyGraph(name, directed, dynamic, nodeSpool, edgeSpool);
        } catch (RuntimeException e) {
            nodeSpool.close();
            edgeSpool.close();
            throw e;
        }
    }

    /** Checks that ids come in strictly increasing order: an equal id is a second element with it. */
    private static final class InOrder {
        private final String what;
        private String last;

        InOrder(String what) {
            this.what = what;
        }

        void check(String id) {
            if (last != null) {
                int c = id.compareTo(last);
                if (c == 0) throw new IllegalStateException("Two " + what + " have the id " + id);
                if (c < 0) throw new IllegalStateException("The " + what + " are not in id order: " + id + " after " + last);
            }
            last = id;
        }
    }

    String name() {
        return name;
    }

    boolean directed() {
        return directed;
    }

    boolean dynamic() {
        return dynamic;
    }

    /** The nodes in id order, read again from their file by each loop. */
    Iterable<GraphNode> nodes() {
        return () -> nodes.stream().iterator();
    }

    /** The edges in id order, read again from their file by each loop. */
    Iterable<GraphEdge> edges() {
        return () -> edges.stream().iterator();
    }

    long nodeCount() {
        return nodes.size();
    }

    /** The attributes that at least one node has, in schema order. */
    List<String> nodeKeys() {
        return nodes.keys();
    }

    /** The attributes that at least one edge has, in schema order. */
    List<String> edgeKeys() {
        return edges.keys();
    }

    @Override
    public void close() {
        nodes.close();
        edges.close();
    }
}
