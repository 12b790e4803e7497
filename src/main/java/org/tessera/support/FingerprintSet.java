package org.tessera.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A set of strings kept as 128-bit fingerprints (the first half of their SHA-256) in
 * open-addressed arrays: 32 bytes a member instead of about 150 for a HashSet of
 * strings, which is what lets a conversion of a million events remember a million
 * shared subjects in a few tens of megabytes. Two different strings share a
 * fingerprint with probability 2^-128 a pair: never, in practice.
 */
public final class FingerprintSet {
    private final MessageDigest sha;
    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    private boolean[] used = new boolean[1 << 10];
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
        long l = bits(d, 8);
        if (size * 2 >= used.length) grow();
        return put(h, l);
    }

    public boolean contains(String member) {
        byte[] d = sha.digest(member.getBytes(StandardCharsets.UTF_8));
        long h = bits(d, 0);
        long l = bits(d, 8);
        for (int i = slot(h); used[i]; i = (i + 1) & (used.length - 1)) {
            if (high[i] == h && low[i] == l) return true;
        }
        return false;
    }

    public int size() {
        return size;
    }

    private boolean put(long h, long l) {
        int i = slot(h);
        for (; used[i]; i = (i + 1) & (used.length - 1)) {
            if (high[i] == h && low[i] == l) return false;
        }
        used[i] = true;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & (used.length - 1);
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) put(oldHigh[i], oldLow[i]);
        }
    }

    private static long bits(byte[] d, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) v = (v << 8) | (d[i] & 0xff);
        return v;
    }
}
