package org.tessera.build;

import org.tessera.support.NQuadsText;
import org.tessera.support.TermText;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.tessera.support.FingerprintSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The counts and the digest the VoID description gives, gathered from the quads as
 * a conversion streams them out, graph by graph, without holding them.
 * <p>
 * Distinct subjects and class members are counted across graphs with one rule:
 * a subject of a <em>shared</em> graph (the ontology, the actors and places) may
 * stand in any graph, and is remembered, as a fingerprint; any other subject
 * stands in one graph only, because every IRI a source graph mints holds the
 * source's id. Shared graphs must therefore come first, and within a graph the
 * quads of a subject one after another (sorted output does both).
 * <p>
 * The same rule lets a graph that is not shared be counted on its own, once the shared
 * graphs are all counted ({@link #endShared}): {@link #countApart} reads what they left
 * and nothing else, so worker threads can count source graphs side by side, and the thread
 * that writes only adds their counts ({@link #add(GraphCount)}). Each such graph is also
 * counted for its class partitions and linksets ({@link GraphPartitions}).
 */
public final class VoidStats {
    private final String base;
    private final FingerprintSet sharedSubjects = new FingerprintSet();
    private final FingerprintSet sharedTypings = new FingerprintSet();
    private final QuadDigest digest = new QuadDigest();
    private final Set<Node> properties = new HashSet<>();
    private final Map<Node, Long> instancesByClass = new HashMap<>();
    private final Map<Node, Long> triplesByGraph = new HashMap<>();
    private final GraphPartitions partitions = new GraphPartitions();
    private long triples;
    private long distinctSubjects;
    private long entities;
    /** Set once a graph that is not shared begins: the shared subjects and typings stop changing. */
    private volatile boolean sharedEnded;
    /** The graph begun with {@link #graph}, not added to the totals yet. */
    private GraphCount current;

    public VoidStats(String base) {
        this.base = base;
    }

    /** Starts a graph; {@code shared} when its subjects may stand in other graphs too. */
    public void graph(Node graph, boolean shared) {
        if (shared && sharedEnded) throw new IllegalStateException("Shared graphs come before the others: " + graph);
        settle();
        if (!shared) sharedEnded = true;
        current = new GraphCount(graph, shared);
    }

    /** Counts and digests one quad of the current graph; every quad once. */
    public void accept(Quad q) {
        count(q);
        digest.addLines(NQuadsText.line(q));
    }

    /**
     * Counts one quad of the current graph, every quad once, without digesting it: the digest
     * of the graph's quads comes apart, from {@link #add(QuadDigest)}.
     */
    public void count(Quad q) {
        if (current == null) throw new IllegalStateException("Quad outside a graph: " + q);
        current.count(q);
    }

    /** Ends the shared graphs: from here on the graphs counted are not shared, and may be counted apart. */
    public void endShared() {
        settle();
        sharedEnded = true;
    }

    /**
     * Counts a graph that is not shared, {@code quads} in order of subject, on any thread once
     * {@link #endShared} has returned: it only reads what the shared graphs left. The count
     * goes into the totals with {@link #add(GraphCount)}.
     */
    public GraphCount countApart(Node graph, Iterable<Quad> quads) {
        if (!sharedEnded) throw new IllegalStateException("The shared graphs are still being counted: " + graph);
        GraphCount count = new GraphCount(graph, false);
        quads.forEach(count::count);
        return count;
    }

    /** Adds a graph counted apart ({@link #countApart}). */
    public void add(GraphCount count) {
        settle();
        merge(count);
    }

    /** Adds the digest of quads counted apart. */
    public void add(QuadDigest part) {
        digest.add(part);
    }

    public long triples() { return settle().triples; }
    public long distinctSubjects() { return settle().distinctSubjects; }
    public long entities() { return settle().entities; }
    public int properties() { return settle().properties.size(); }
    public Map<Node, Long> instancesByClass() { return settle().instancesByClass; }
    public Map<Node, Long> triplesByGraph() { return new HashMap<>(settle().triplesByGraph); }

    /** What each graph that is not shared holds. */
    GraphPartitions partitions() { return settle().partitions; }

    /** The order-free digest of every quad ({@link QuadDigest}). */
    public String digest() {
        return digest.hex();
    }

    /** Adds the graph begun with {@link #graph} to the totals. */
    private VoidStats settle() {
        if (current != null) merge(current);
        current = null;
        return this;
    }

    private void merge(GraphCount count) {
        triples += count.triples;
        triplesByGraph.merge(count.graph, count.triples, Long::sum);
        properties.addAll(count.properties);
        count.instancesByClass.forEach((type, members) -> instancesByClass.merge(type, members, Long::sum));
        distinctSubjects += count.distinctSubjects;
        entities += count.entities;
        if (count.partitions != null) partitions.add(count.graph, count.partitions);
    }

    /** The counts of one graph. A shared graph's count adds its subjects and typings to the shared ones as it goes. */
    public final class GraphCount {
        private final Node graph;
        private final boolean shared;
        private final Set<Node> properties = new HashSet<>();
        private final Map<Node, Long> instancesByClass = new HashMap<>();
        private final GraphPartitions.OfGraph partitions;
        private final Set<Node> typesOfSubject = new HashSet<>();
        private long triples;
        private long distinctSubjects;
        private long entities;
        private Node subject;
        private String subjectText;
        private boolean subjectSeen;

        private GraphCount(Node graph, boolean shared) {
            this.graph = graph;
            this.shared = shared;
            this.partitions = shared ? null : new GraphPartitions.OfGraph(sharedTypings::contains);
        }

        private void count(Quad q) {
            if (!q.getGraph().equals(graph)) throw new IllegalStateException("Quad outside the graph begun: " + q);
            triples++;
            properties.add(q.getPredicate());
            if (!q.getSubject().equals(subject)) startSubject(q.getSubject());
            if (q.getPredicate().equals(RDF.Nodes.type) && typesOfSubject.add(q.getObject())) {
                String typing = subjectText + " " + TermText.nt(q.getObject());
                boolean counted = shared ? sharedTypings.add(typing) : !(subjectSeen && sharedTypings.contains(typing));
                if (counted) instancesByClass.merge(q.getObject(), 1L, Long::sum);
                if (!shared) partitions.typed(q.getObject());
            }
            if (!shared && q.getPredicate().equals(GraphPartitions.LINK_PREDICATE)) partitions.linked(q.getObject());
        }

        private void startSubject(Node s) {
            subject = s;
            subjectText = TermText.nt(s);
            typesOfSubject.clear();
            subjectSeen = shared ? !sharedSubjects.add(subjectText) : sharedSubjects.contains(subjectText);
            if (!subjectSeen) {
                distinctSubjects++;
                if (s.isURI() && s.getURI().startsWith(base)) entities++;
            }
        }
    }
}
