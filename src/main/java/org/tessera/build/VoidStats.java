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
 * Each graph that is not shared (a source's account) is also counted on its own
 * ({@link GraphPartitions}).
 */
public final class VoidStats {
    private final String base;
    private final FingerprintSet sharedSubjects = new FingerprintSet();
    private final FingerprintSet sharedTypings = new FingerprintSet();
    private final QuadDigest digest = new QuadDigest();
    private final Set<Node> properties = new HashSet<>();
    private final Map<Node, Long> instancesByClass = new HashMap<>();
    /** Triples per graph, a counter each: a quad adds one to its graph's without a map lookup. */
    private final Map<Node, long[]> triplesByGraph = new HashMap<>();
    private long[] graphTriples;
    private long triples;
    private long distinctSubjects;
    private long entities;
    private Node graph;
    private boolean shared;
    private boolean sawUnshared;
    private Node subject;
    private String subjectText;
    private boolean subjectSeen;
    private final Set<Node> typesOfSubject = new HashSet<>();
    private final GraphPartitions partitions = new GraphPartitions(sharedTypings::contains);

    public VoidStats(String base) {
        this.base = base;
    }

    /** Starts a graph; {@code shared} when its subjects may stand in other graphs too. */
    public void graph(Node graph, boolean shared) {
        if (shared && sawUnshared) throw new IllegalStateException("Shared graphs come before the others: " + graph);
        this.graph = graph;
        this.shared = shared;
        this.sawUnshared |= !shared;
        this.subject = null;
        graphTriples = triplesByGraph.computeIfAbsent(graph, g -> new long[1]);
        if (!shared) partitions.begin(graph);
    }

    /** Counts and digests one quad of the current graph; every quad once. */
    public void accept(Quad q) {
        accept(q, NQuadsText.line(q));
    }

    /** As {@link #accept(Quad)}, with the quad's N-Quads line already formatted ({@link NQuadsText#line}). */
    public void accept(Quad q, byte[] nquadsLine) {
        count(q);
        digest.addLines(nquadsLine);
    }

    /**
     * Counts one quad of the current graph, whose digest is added apart with
     * {@link #add(QuadDigest)} (a graph digested on another thread).
     */
    public void count(Quad q) {
        if (!q.getGraph().equals(graph)) throw new IllegalStateException("Quad outside the graph begun: " + q);
        triples++;
        graphTriples[0]++;
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

    /** Adds the digest of quads counted with {@link #count}. */
    public void add(QuadDigest part) {
        digest.add(part);
    }

    public long triples() { return triples; }
    public long distinctSubjects() { return distinctSubjects; }
    public long entities() { return entities; }
    public int properties() { return properties.size(); }
    public Map<Node, Long> instancesByClass() { return instancesByClass; }
    public Map<Node, Long> triplesByGraph() {
        Map<Node, Long> counts = new HashMap<>();
        triplesByGraph.forEach((graph, count) -> counts.put(graph, count[0]));
        return counts;
    }

    /** What each graph that is not shared holds. */
    GraphPartitions partitions() { return partitions; }

    /** The order-free digest of every quad ({@link QuadDigest}). */
    public String digest() {
        return digest.hex();
    }
}
