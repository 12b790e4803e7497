package org.tessera.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A string's 128-bit fingerprint: the first half of its SHA-256. Two different strings
 * share one with probability 2^-128 a pair: never, in practice. Never all zeros, so that
 * open-addressed tables ({@link FingerprintSet}, {@link FingerprintCounters}) may take
 * zero for an empty slot.
 */
public record Fingerprint(long high, long low) {
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    });

    /** The fingerprint of {@code text}, in UTF-8; any thread. */
    public static Fingerprint of(String text) {
        byte[] d = SHA.get().digest(text.getBytes(StandardCharsets.UTF_8));
        long high = bits(d, 0);
        // The one fingerprint that is all zeros is taken as 1.
        return new Fingerprint(high, bits(d, 8) | (high == 0 ? 1 : 0));
    }

    /** A slot of a table of {@code capacity} slots, a power of two. */
    int slot(int capacity) {
        return (int) (high ^ (high >>> 32)) & (capacity - 1);
    }

    private static long bits(byte[] d, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) v = (v << 8) | (d[i] & 0xff);
        return v;
    }
}
