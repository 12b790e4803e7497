package org.tessera.build;

import org.tessera.support.Sha256;

import java.math.BigInteger;

/**
 * An order-free digest of quads: the sum, modulo 2^256, of the SHA-256 of each
 * quad's N-Quads line (its UTF-8 bytes, newline included), so that anyone can
 * recompute it from the files of {@code graphs/}. Sums of parts add up to the sum
 * of the whole, so that graphs can be digested on several threads and then added.
 */
public final class QuadDigest {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final Sha256 sha = new Sha256();
    private BigInteger sum = BigInteger.ZERO;

    /**
     * Adds every line of {@code nquads}, N-Quads in UTF-8. A newline byte only ends a
     * line there: N-Quads escape it inside terms, and UTF-8 never uses it in a longer character.
     */
    public void addLines(byte[] nquads) {
        int start = 0;
        for (int i = 0; i < nquads.length; i++) {
            if (nquads[i] != '\n') continue;
            sum = sum.add(new BigInteger(1, sha.add(nquads, start, i + 1 - start).bytes()));
            start = i + 1;
        }
        if (start != nquads.length) throw new IllegalArgumentException("N-Quads end without a newline");
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
}
