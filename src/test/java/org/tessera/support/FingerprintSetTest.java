package org.tessera.support;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintSetTest {
    @Test
    void behavesAsASetOfStringsThroughManyGrowths() {
        FingerprintSet fingerprints = new FingerprintSet();
        Set<String> strings = new HashSet<>();
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            String s = "<https://example.org/" + random.nextInt(150_000) + ">";
            assertEquals(strings.add(s), fingerprints.add(s), s);
        }
        assertEquals(strings.size(), fingerprints.size());
        for (String s : strings) assertTrue(fingerprints.contains(s), s);
        for (int i = 150_000; i < 160_000; i++) assertFalse(fingerprints.contains("<https://example.org/" + i + ">"));
        assertFalse(fingerprints.contains(""));
        assertTrue(fingerprints.add(""));
        assertTrue(fingerprints.contains(""));
    }
}
