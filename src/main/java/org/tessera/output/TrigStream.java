package org.tessera.output;

import org.apache.jena.atlas.io.BufferingWriter;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.writer.WriterStreamRDFBlocks;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Jena's streaming TriG writer, the one {@code RDFFormat.TRIG_BLOCKS} names, over a
 * character buffer without a lock. Opened through {@code StreamRDFWriter}, its
 * IndentedWriter hands every character to a {@code java.io.BufferedWriter}, which
 * takes a lock per character. Jena's {@link BufferingWriter} takes none: the same
 * bytes, written in 1.6-1.8 s instead of 2.3-2.7 s for 1.1M quads (BENCHMARKS.md,
 * round six).
 */
public final class TrigStream {
    private TrigStream() {}

    /** A TriG writer into {@code out}; {@code finish()} flushes it, and leaves {@code out} open. */
    public static StreamRDF open(OutputStream out) {
        BufferingWriter chars = new BufferingWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return new WriterStreamRDFBlocks(RiotLib.create(chars), RIOT.getContext().copy());
    }
}
