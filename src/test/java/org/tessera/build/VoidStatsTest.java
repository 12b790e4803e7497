package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tessera.output.SortedQuads;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VoID counts of the converted corpus, streamed on one thread and counted apart on several. */
class VoidStatsTest {
    private static final Iris IRIS = new Iris("https://w3id.org/tessera/is/");
    /** The corpus's quads by graph, each graph sorted as a conversion writes it; the VoID graph left out. */
    private static final Map<Node, List<Quad>> GRAPHS = new LinkedHashMap<>();

    @BeforeAll
    static void readCorpus() {
        DatasetGraph dataset = RDFDataMgr.loadDatasetGraph("rdf/tessera.nq");
        dataset.deleteAny(IRIS.voidGraph(), Node.ANY, Node.ANY, Node.ANY);
        Map<Node, List<Quad>> byGraph = new LinkedHashMap<>();
        SortedQuads.of(dataset).forEach(q -> byGraph.computeIfAbsent(q.getGraph(), g -> new ArrayList<>()).add(q));
        // The shared graphs first, as VoidStats requires.
        GRAPHS.put(IRIS.ontologyGraph(), byGraph.remove(IRIS.ontologyGraph()));
        GRAPHS.put(IRIS.sharedGraph(), byGraph.remove(IRIS.sharedGraph()));
        GRAPHS.putAll(byGraph);
    }

    @Test
    void sourceGraphsCountedApartOnSeveralThreadsGiveTheStreamedCounts() {
        VoidStats streamed = streamedOnOneThread();

        VoidStats apart = new VoidStats(IRIS.base());
        List<Node> sources = new ArrayList<>();
        GRAPHS.forEach((graph, quads) -> {
            if (!isShared(graph)) {
                sources.add(graph);
                return;
            }
            apart.graph(graph, true);
            quads.forEach(apart::accept);
        });
        apart.endShared();
        Map<Node, VoidStats.GraphCount> counted = new ConcurrentHashMap<>();
        sources.parallelStream().forEach(graph -> counted.put(graph, apart.countApart(graph, GRAPHS.get(graph))));
        // Added in the reverse order: the totals are sums.
        for (int i = sources.size() - 1; i >= 0; i--) apart.add(counted.get(sources.get(i)));

        assertTrue(sources.size() >= 5, "the corpus's source graphs: " + sources);
        assertEquals(streamed.triples(), apart.triples());
        assertEquals(streamed.distinctSubjects(), apart.distinctSubjects());
        assertEquals(streamed.entities(), apart.entities());
        assertEquals(streamed.properties(), apart.properties());
        assertEquals(streamed.instancesByClass(), apart.instancesByClass());
        assertEquals(streamed.triplesByGraph(), apart.triplesByGraph());
        assertEquals(streamed.partitions().classesByGraph(), apart.partitions().classesByGraph());
        assertEquals(streamed.partitions().linksByGraph(), apart.partitions().linksByGraph());
    }

    /** The counts against what the quads themselves say, by another route than VoidStats's. */
    @Test
    void theCountsAreThoseOfTheQuads() {
        VoidStats stats = streamedOnOneThread();
        List<Quad> all = GRAPHS.values().stream().flatMap(List::stream).toList();
        Set<Node> subjects = new HashSet<>();
        Set<Node> properties = new HashSet<>();
        all.forEach(q -> {
            subjects.add(q.getSubject());
            properties.add(q.getPredicate());
        });
        assertEquals(all.size(), stats.triples());
        assertEquals(subjects.size(), stats.distinctSubjects());
        assertEquals(subjects.stream().filter(s -> s.isURI() && s.getURI().startsWith(IRIS.base())).count(), stats.entities());
        assertEquals(properties.size(), stats.properties());
        Node event = NodeFactory.createURI("https://w3id.org/tessera/ontology#Event");
        long events = all.stream().filter(q -> q.getPredicate().equals(RDF.Nodes.type) && q.getObject().equals(event))
                .map(Quad::getSubject).distinct().count();
        assertTrue(events > 100, "the corpus's events: " + events);
        assertEquals(events, stats.instancesByClass().get(event));
        GRAPHS.forEach((graph, quads) -> assertEquals(quads.size(), stats.triplesByGraph().get(graph), graph.toString()));
    }

    @Test
    void aGraphIsCountedApartOnlyOnceTheSharedGraphsHaveEnded() {
        VoidStats stats = new VoidStats(IRIS.base());
        stats.graph(IRIS.sharedGraph(), true);
        Node source = IRIS.sourceGraph("a");
        assertThrows(IllegalStateException.class, () -> stats.countApart(source, List.of()));
        stats.endShared();
        stats.add(stats.countApart(source, List.of()));
        assertEquals(0L, stats.triplesByGraph().get(source), "an empty graph still has its subset");
        assertThrows(IllegalStateException.class, () -> stats.graph(IRIS.sharedGraph(), true));
    }

    /** Every graph streamed through one VoidStats, as a conversion's writer thread did before. */
    private static VoidStats streamedOnOneThread() {
        VoidStats stats = new VoidStats(IRIS.base());
        GRAPHS.forEach((graph, quads) -> {
            stats.graph(graph, isShared(graph));
            quads.forEach(stats::accept);
        });
        return stats;
    }

    private static boolean isShared(Node graph) {
        return graph.equals(IRIS.ontologyGraph()) || graph.equals(IRIS.sharedGraph());
    }
}
