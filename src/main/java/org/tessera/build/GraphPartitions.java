package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.tessera.support.TermText;
import org.tessera.vocabulary.Namespaces;
import org.tessera.vocabulary.Terms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What each source's graph holds, counted as its quads stream past, for the VoID class
 * partitions and linksets of the graph ({@link VoidWriter}): the members of each of
 * Tessera's own classes ({@code tes:}), and the graph's {@code schema:mentions} links
 * apart by the class of what they point at ({@link #LINK_TARGETS}). A question about one
 * source then reads counts instead of scanning the source's account. A few longs a graph.
 */
final class GraphPartitions {
    /** The property whose links from a graph are counted by the class of their objects. */
    static final Node LINK_PREDICATE = Terms.SCHEMA_MENTIONS;
    /** The classes of a link's object that are counted apart, in this order of precedence. */
    static final List<Node> LINK_TARGETS = List.of(
            NodeFactory.createURI(Namespaces.TES + "Actor"), NodeFactory.createURI(Namespaces.TES + "Place"));
    private static final List<String> LINK_TARGET_TEXT = LINK_TARGETS.stream().map(TermText::nt).toList();

    /** Whether a typing, {@code "<subject> <class>"} in N-Triples, is in a shared graph. */
    private final Predicate<String> sharedTyping;
    /** The classes counted, in the order first met: an index into each graph's counts. */
    private final Map<Node, Integer> classIndex = new HashMap<>();
    private final List<Node> classes = new ArrayList<>();
    private final Map<Node, long[]> classCounts = new HashMap<>();
    private final Map<Node, long[]> linkCounts = new HashMap<>();
    private Node graph;
    private long[] graphClassCounts;
    private long[] graphLinkCounts;

    GraphPartitions(Predicate<String> sharedTyping) {
        this.sharedTyping = sharedTyping;
    }

    void begin(Node graph) {
        this.graph = graph;
        graphClassCounts = classCounts.getOrDefault(graph, new long[0]);
        graphLinkCounts = linkCounts.computeIfAbsent(graph, g -> new long[LINK_TARGETS.size()]);
    }

    /** A subject of the current graph is typed {@code type}: once per subject and type. */
    void typed(Node type) {
        if (!type.isURI() || !type.getURI().startsWith(Namespaces.TES)) return;
        int index = classIndex.computeIfAbsent(type, t -> {
            classes.add(t);
            return classes.size() - 1;
        });
        if (index >= graphClassCounts.length) {
            graphClassCounts = Arrays.copyOf(graphClassCounts, classes.size());
            classCounts.put(graph, graphClassCounts);
        }
        graphClassCounts[index]++;
    }

    /** A link of the current graph: it counts once, for the first of the targets its object is typed with in a shared graph. */
    void linked(Node object) {
        String objectText = TermText.nt(object) + " ";
        for (int i = 0; i < LINK_TARGETS.size(); i++) {
            if (sharedTyping.test(objectText + LINK_TARGET_TEXT.get(i))) {
                graphLinkCounts[i]++;
                return;
            }
        }
    }

    /** Per graph: the members of each class it types, none left at 0. */
    Map<Node, Map<Node, Long>> classesByGraph() {
        return nonZero(classCounts, classes);
    }

    /** Per graph: its {@link #LINK_PREDICATE} links to each of {@link #LINK_TARGETS}, none left at 0. */
    Map<Node, Map<Node, Long>> linksByGraph() {
        return nonZero(linkCounts, LINK_TARGETS);
    }

    private static Map<Node, Map<Node, Long>> nonZero(Map<Node, long[]> countsByGraph, List<Node> keys) {
        Map<Node, Map<Node, Long>> result = new HashMap<>();
        countsByGraph.forEach((graph, counts) -> {
            Map<Node, Long> map = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) if (counts[i] > 0) map.put(keys.get(i), counts[i]);
            result.put(graph, map);
        });
        return result;
    }
}
