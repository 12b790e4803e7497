package org.tessera.linkeddata;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which dumps the server may sort in memory for a request: those that leave half its heap to the rest. */
class DumpServletTest {
    private static final long GB = 1L << 30;

    @Test
    void aDumpIsSortedInMemoryOnlyWhenItTakesAtMostHalfTheHeap() {
        assertTrue(DumpServlet.sortsInMemory(33_632, 6 * GB), "the real corpus");
        assertTrue(DumpServlet.sortsInMemory(1_107_056, 6 * GB), "10k events");
        assertFalse(DumpServlet.sortsInMemory(11_053_513, 6 * GB), "100k events took 4.4-4.6 GB of a 6 GB heap");
        assertTrue(DumpServlet.sortsInMemory(11_053_513, 16 * GB), "100k events, given 16 GB");
        assertFalse(DumpServlet.sortsInMemory(110_621_384, 24 * GB), "1M events");
    }
}
