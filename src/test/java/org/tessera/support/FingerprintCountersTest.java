package org.tessera.support;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FingerprintCountersTest {
    /** Each key's columns keep their sums through many growths of the table, as a map of arrays does. */
    @Test
    void keepsTheSumsOfAMapOfCountersThroughManyGrowths() {
        FingerprintCounters counters = new FingerprintCounters(2);
        Map<String, long[]> expected = new HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 300_000; i++) {
            String key = "https://example.org/actor/" + random.nextInt(120_000);
            int column = random.nextInt(2);
            long amount = 1 + random.nextInt(3);
            counters.add(Fingerprint.of(key), column, amount);
            expected.computeIfAbsent(key, k -> new long[2])[column] += amount;
        }
        assertEquals(expected.size(), counters.size());
        expected.forEach((key, sums) -> {
            Fingerprint f = Fingerprint.of(key);
            assertArrayEquals(sums, new long[]{counters.get(f, 0), counters.get(f, 1)}, key);
        });
        assertEquals(0, counters.get(Fingerprint.of("https://example.org/actor/none"), 0));
    }

    @Test
    void aTableHasNoNegativeNumberOfColumns() {
        assertThrows(IllegalArgumentException.class, () -> new FingerprintCounters(-1));
    }
}
