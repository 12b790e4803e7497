package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.tessera.support.TermText;
import org.tessera.vocabulary.Namespaces;
import org.tessera.vocabulary.Terms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What each source's graph holds, for the VoID class partitions and linksets of the graph
 * ({@link VoidWriter}): the members of each of Tessera's own classes ({@code tes:}), and the
 * graph's {@code schema:mentions} links apart by the class of what they point at
 * ({@link #LINK_TARGETS}). A question about one source then reads counts instead of scanning
 * the source's account. Each graph is counted on its own ({@link OfGraph}), on whichever thread
 * reads its quads, and added here.
 */
final class GraphPartitions {
    /** The property whose links from a graph are counted by the class of their objects. */
    static final Node LINK_PREDICATE = Terms.SCHEMA_MENTIONS;
    /** The classes of a link's object that are counted apart, in this order of precedence. */
    static final List<Node> LINK_TARGETS = List.of(
            NodeFactory.createURI(Namespaces.TES + "Actor"), NodeFactory.createURI(Namespaces.TES + "Place"));
    private static final List<String> LINK_TARGET_TEXT = LINK_TARGETS.stream().map(TermText::nt).toList();

    private final Map<Node, Map<Node, Long>> classCounts = new HashMap<>();
    private final Map<Node, long[]> linkCounts = new HashMap<>();

    /** The counts of one graph, as its quads stream past. */
    static final class OfGraph {
        /** Whether a typing, {@code "<subject> <class>"} in N-Triples, is in a shared graph. */
        private final Predicate<String> sharedTyping;
        private final Map<Node, Long> classes = new HashMap<>();
        private final long[] links = new long[LINK_TARGETS.size()];

        OfGraph(Predicate<String> sharedTyping) {
            this.sharedTyping = sharedTyping;
        }

        /** A subject of the graph is typed {@code type}: once per subject and type. */
        void typed(Node type) {
            if (type.isURI() && type.getURI().startsWith(Namespaces.TES)) classes.merge(type, 1L, Long::sum);
        }

        /** A link of the graph: it counts once, for the first of the targets its object is typed with in a shared graph. */
        void linked(Node object) {
            String objectText = TermText.nt(object) + " ";
            for (int i = 0; i < LINK_TARGETS.size(); i++) {
                if (sharedTyping.test(objectText + LINK_TARGET_TEXT.get(i))) {
                    links[i]++;
                    return;
                }
            }
        }
    }

    /** Adds what {@code counts} found in {@code graph}; a graph may be added in parts. */
    void add(Node graph, OfGraph counts) {
        Map<Node, Long> classes = classCounts.computeIfAbsent(graph, g -> new HashMap<>());
        counts.classes.forEach((type, members) -> classes.merge(type, members, Long::sum));
        long[] links = linkCounts.computeIfAbsent(graph, g -> new long[LINK_TARGETS.size()]);
        for (int i = 0; i < links.length; i++) links[i] += counts.links[i];
    }

    /** Per graph: the members of each class it types. */
    Map<Node, Map<Node, Long>> classesByGraph() {
        Map<Node, Map<Node, Long>> result = new HashMap<>();
        classCounts.forEach((graph, classes) -> result.put(graph, Map.copyOf(classes)));
        return result;
    }

    /** Per graph: its {@link #LINK_PREDICATE} links to each of {@link #LINK_TARGETS}, none left at 0. */
    Map<Node, Map<Node, Long>> linksByGraph() {
        Map<Node, Map<Node, Long>> result = new HashMap<>();
        linkCounts.forEach((graph, counts) -> {
            Map<Node, Long> map = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) if (counts[i] > 0) map.put(LINK_TARGETS.get(i), counts[i]);
            result.put(graph, map);
        });
        return result;
    }
}
