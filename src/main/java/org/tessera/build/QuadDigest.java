package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.tessera.support.Sha256;
import org.tessera.support.TermText;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * An order-free digest of quads: the sum, modulo 2^256, of the SHA-256 of each
 * quad's line (its four terms in Turtle form). Sums of parts add up to the sum of
 * the whole, so that graphs can be digested on several threads and then added.
 */
public final class QuadDigest {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final Sha256 sha = new Sha256();
    /** Graphs and predicates stand in millions of quads: each is formatted once. */
    private final Map<Node, String> repeated = new HashMap<>();
    private BigInteger sum = BigInteger.ZERO;
    private Node subject;
    private String subjectText;

    public void add(Quad q) {
        if (!q.getSubject().equals(subject)) {
            subject = q.getSubject();
            subjectText = TermText.ttl(subject);
        }
        String line = repeated(q.getGraph()) + " " + subjectText + " " + repeated(q.getPredicate()) + " "
                + TermText.ttl(q.getObject()) + "\n";
        sum = sum.add(new BigInteger(1, sha.add(line).bytes()));
    }

    /** Adds the quads another digest has taken. */
    public void add(QuadDigest other) {
        sum = sum.add(other.sum);
    }

    /** 64 hexadecimal digits. */
    public String hex() {
        String hex = sum.mod(MODULUS).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private String repeated(Node node) {
        return repeated.computeIfAbsent(node, TermText::ttl);
    }
}
