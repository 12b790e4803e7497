package org.tessera.export.graph;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One view of the dataset as a property graph, the form every writer takes.
 * Nodes and edges are sorted by id, so that the same dataset always gives the
 * same bytes. A dynamic graph's elements exist from their "start" to their
 * "end" attribute (an absent one is open).
 */
record PropertyGraph(String name, boolean directed, boolean dynamic, List<GraphNode> nodes, List<GraphEdge> edges,
                     List<String> nodeKeys, List<String> edgeKeys) {

    /** The nodes, and those edges whose two ends are among them. */
    static PropertyGraph induced(String name, boolean directed, boolean dynamic, List<GraphNode> nodes,
                                 List<GraphEdge> edges) {
        List<GraphNode> sortedNodes = nodes.stream().sorted(Comparator.comparing(GraphNode::id)).toList();
        Set<String> ids = new HashSet<>();
        for (GraphNode n : sortedNodes) {
            if (!ids.add(n.id())) throw new IllegalStateException("Two nodes have the id " + n.id());
        }
        List<GraphEdge> kept = edges.stream()
                .filter(e -> ids.contains(e.source()) && ids.contains(e.target()))
                .sorted(Comparator.comparing(GraphEdge::id)).toList();
        Set<String> edgeIds = new HashSet<>();
        for (GraphEdge e : kept) {
            if (!edgeIds.add(e.id())) throw new IllegalStateException("Two edges have the id " + e.id());
        }
        return new PropertyGraph(name, directed, dynamic, sortedNodes, kept,
                Attributes.used(sortedNodes.stream().map(GraphNode::attributes).toList()),
                Attributes.used(kept.stream().map(GraphEdge::attributes).toList()));
    }
}
