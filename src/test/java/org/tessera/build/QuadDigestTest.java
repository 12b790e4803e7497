package org.tessera.build;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuadDigestTest {
    /**
     * The digest is the sum modulo 2^256 of each line's SHA-256, as BigInteger computes
     * it; split in two parts digested apart and added, it is the same.
     */
    @Test
    void sumsTheDigestOfEachLineModulo2To256() throws Exception {
        Random random = new Random(3);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        BigInteger expected = BigInteger.ZERO;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 3_000; i++) {
            String line = "<https://example.org/s" + random.nextInt() + "> <https://example.org/p> \"\u00e9" + i + "\" .\n";
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            expected = expected.add(new BigInteger(1, sha.digest(bytes)));
            (i % 3 == 0 ? first : second).write(bytes);
        }
        String hex = expected.mod(BigInteger.ONE.shiftLeft(256)).toString(16);
        QuadDigest whole = new QuadDigest();
        byte[] all = concat(first.toByteArray(), second.toByteArray());
        whole.addLines(all);
        assertEquals("0".repeat(64 - hex.length()) + hex, whole.hex());

        QuadDigest one = new QuadDigest();
        one.addLines(first.toByteArray());
        QuadDigest two = new QuadDigest();
        two.addLines(second.toByteArray());
        one.add(two);
        assertEquals(whole.hex(), one.hex());
    }

    @Test
    void nothingDigestedIsZero() {
        assertEquals("0".repeat(64), new QuadDigest().hex());
    }

    @Test
    void aLastLineWithoutNewlineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QuadDigest().addLines("<a> <b> <c> .".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
