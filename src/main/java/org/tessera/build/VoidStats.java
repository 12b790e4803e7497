package org.tessera.build;

import org.tessera.support.TermText;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.tessera.support.FingerprintSet;
import org.tessera.support.Sha256;

import java.math.BigInteger;
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
 */
public final class VoidStats {
    private final String base;
    private final FingerprintSet sharedSubjects = new FingerprintSet();
    private final FingerprintSet sharedTypings = new FingerprintSet();
    private final Sha256 sha = new Sha256();
    private final Map<Node, String> terms = new HashMap<>();
    private final Set<Node> properties = new HashSet<>();
    private final Map<Node, Long> instancesByClass = new HashMap<>();
    private final Map<Node, Long> triplesByGraph = new HashMap<>();
    private BigInteger digestSum = BigInteger.ZERO;
    private long triples;
    private long distinctSubjects;
    private long entities;
    private Node graph;
    private boolean shared;
    private boolean sawUnshared;
    private Node subject;
    private String subjectText;
    private String subjectTtl;
    private boolean subjectSeen;
    private final Set<Node> typesOfSubject = new HashSet<>();

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
        triplesByGraph.putIfAbsent(graph, 0L);
    }

    /** Counts one quad of the current graph; every quad once. */
    public void accept(Quad q) {
        if (!q.getGraph().equals(graph)) throw new IllegalStateException("Quad outside the graph begun: " + q);
        triples++;
        triplesByGraph.merge(graph, 1L, Long::sum);
        properties.add(q.getPredicate());
        if (!q.getSubject().equals(subject)) startSubject(q.getSubject());
        String line = repeated(q.getGraph()) + " " + subjectTtl + " " + repeated(q.getPredicate()) + " "
                + TermText.ttl(q.getObject()) + "\n";
        digestSum = digestSum.add(new BigInteger(1, sha.add(line).bytes()));
        if (q.getPredicate().equals(RDF.Nodes.type) && typesOfSubject.add(q.getObject())) {
            String typing = subjectText + " " + TermText.nt(q.getObject());
            boolean counted = shared ? sharedTypings.add(typing) : !(subjectSeen && sharedTypings.contains(typing));
            if (counted) instancesByClass.merge(q.getObject(), 1L, Long::sum);
        }
    }

    private void startSubject(Node s) {
        subject = s;
        subjectText = TermText.nt(s);
        subjectTtl = TermText.ttl(s);
        typesOfSubject.clear();
        subjectSeen = shared ? !sharedSubjects.add(subjectText) : sharedSubjects.contains(subjectText);
        if (!subjectSeen) {
            distinctSubjects++;
            if (s.isURI() && s.getURI().startsWith(base)) entities++;
        }
    }

    /** Graphs and predicates stand in millions of quads: each is formatted once. */
    private String repeated(Node node) {
        return terms.computeIfAbsent(node, TermText::ttl);
    }

    public long triples() { return triples; }
    public long distinctSubjects() { return distinctSubjects; }
    public long entities() { return entities; }
    public int properties() { return properties.size(); }
    public Map<Node, Long> instancesByClass() { return instancesByClass; }
    public Map<Node, Long> triplesByGraph() { return triplesByGraph; }

    /** An order-free digest of every quad counted: the sum, modulo 2^256, of the SHA-256 of each quad's line. */
    public String digest() {
        String hex = digestSum.mod(BigInteger.ONE.shiftLeft(256)).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }
}
