package org.tessera.build;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An order-free digest of quads: the sum, modulo 2^256, of the SHA-256 of each
 * quad's N-Quads line (its UTF-8 bytes, newline included), so that anyone can
 * recompute it from the files of {@code graphs/}. Sums of parts add up to the sum
 * of the whole, so that graphs can be digested on several threads and then added.
 */
public final class QuadDigest {
    private final MessageDigest sha;
    /** One line's digest, reused: a convert digests tens of millions of lines. */
    private final byte[] lineDigest = new byte[32];
    /** The same, as four 64-bit words, most significant first. */
    private final long[] lineWords = new long[4];
    /** The sum, as four 64-bit words, most significant first. */
    private final long[] sum = new long[4];

    public QuadDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Adds every line of {@code nquads}, N-Quads in UTF-8. A newline byte only ends a
     * line there: N-Quads escape it inside terms, and UTF-8 never uses it in a longer character.
     */
    public void addLines(byte[] nquads) {
        int start = 0;
        for (int i = 0; i < nquads.length; i++) {
            if (nquads[i] != '\n') continue;
            sha.update(nquads, start, i + 1 - start);
            try {
                sha.digest(lineDigest, 0, lineDigest.length);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 gives 32 bytes", e);
            }
            for (int b = 0; b < 32; b++) lineWords[b / 8] = (lineWords[b / 8] << 8) | (lineDigest[b] & 0xFF);
            add(lineWords);
            start = i + 1;
        }
        if (start != nquads.length) throw new IllegalArgumentException("N-Quads end without a newline");
    }

    /** Adds the quads another digest has taken. */
    public void add(QuadDigest other) {
        add(other.sum);
    }

    /** 64 hexadecimal digits. */
    public String hex() {
        StringBuilder hex = new StringBuilder(64);
        for (long word : sum) hex.append(HexFormat.of().toHexDigits(word));
        return hex.toString();
    }

    /** Adds a 256-bit number, dropping the carry out of the top word (modulo 2^256). */
    private void add(long[] words) {
        long carry = 0;
        for (int i = 3; i >= 0; i--) {
            long before = sum[i];
            long total = before + words[i] + carry;
            // Unsigned overflow: the total wrapped past 2^64 (with a carry in, it may equal the old word).
            carry = Long.compareUnsigned(total, before) < 0 || (carry == 1 && total == before) ? 1 : 0;
            sum[i] = total;
        }
    }
}
