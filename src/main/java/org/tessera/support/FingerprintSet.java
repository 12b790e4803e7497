package org.tessera.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A set of strings kept as 128-bit fingerprints (the first half of their SHA-256) in
 * open-addressed arrays, three quarters full at most: 16 to 32 bytes a member instead
 * of about 150 for a HashSet of strings, which is what lets a conversion of a million events remember a million
 * shared subjects in a few tens of megabytes. Two different strings share a
 * fingerprint with probability 2^-128 a pair: never, in practice.
 */
public final class FingerprintSet {
    private final MessageDigest sha;
    // A slot whose two halves are 0 is empty; the one fingerprint that is all zeros is stored as 1.
    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    private int size;

    public FingerprintSet() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** @return whether the string was not there yet */
    public boolean add(String member) {
        byte[] d = sha.digest(member.getBytes(StandardCharsets.UTF_8));
        long h = bits(d, 0);
        long l = bits(d, 8) | (h == 0 ? 1 : 0);
        if ((size + 1) * 4L > high.length * 3L) grow();
        return put(h, l);
    }

    public boolean contains(String member) {
        byte[] d = sha.digest(member.getBytes(StandardCharsets.UTF_8));
        long h = bits(d, 0);
        long l = bits(d, 8) | (h == 0 ? 1 : 0);
        for (int i = slot(h); !empty(i); i = (i + 1) & (high.length - 1)) {
            if (high[i] == h && low[i] == l) return true;
        }
        return false;
    }

    public int size() {
        return size;
    }

    private boolean put(long h, long l) {
        int i = slot(h);
        for (; !empty(i); i = (i + 1) & (high.length - 1)) {
            if (high[i] == h && low[i] == l) return false;
        }
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private boolean empty(int i) {
        return high[i] == 0 && low[i] == 0;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & (high.length - 1);
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        high = new long[oldHigh.length * 2];
        low = new long[oldHigh.length * 2];
        size = 0;
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldHigh[i] != 0 || oldLow[i] != 0) put(oldHigh[i], oldLow[i]);
        }
    }

    private static long bits(byte[] d, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) v = (v << 8) | (d[i] & 0xff);
        return v;
    }
}
