package org.tessera.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When export may read rdf/tessera.nq into memory, rather than collect garbage for minutes and fail. */
class ExportMemoryTest {
    private static final long MB = 1L << 20, GB = 1L << 30;

    @Test
    void theGraphIsReadIntoMemoryOnlyWhereItFitsTheHeap() {
        assertTrue(ExportCommand.fitsInMemory(8 * MB, 6 * GB), "the real corpus's 8 MB");
        assertTrue(ExportCommand.fitsInMemory(230 * MB, 6 * GB), "10k events ran in 2 GB");
        assertFalse(ExportCommand.fitsInMemory(2_276 * MB, 6 * GB), "100k events had not finished after ten minutes");
        assertTrue(ExportCommand.fitsInMemory(2_276 * MB, 24 * GB), "100k events, given 24 GB");
        assertFalse(ExportCommand.fitsInMemory(230 * MB, 1200 * MB), "10k events did not run in 1.2 GB");
    }
}
