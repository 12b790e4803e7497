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
 * takes a lock per character: about a tenth of a conversion's time (BENCHMARKS.md,
 * round six). Jena's {@link BufferingWriter} takes none; the bytes are the same.
 */
public final class TrigStream {
    private TrigStream() {}

    /** A TriG writer into {@code out}; {@code finish()} flushes it, and leaves {@code out} open. */
    public static StreamRDF open(OutputStream out) {
        BufferingWriter chars = new BufferingWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return new WriterStreamRDFBlocks(RiotLib.create(chars), RIOT.getContext().copy());
    }
}
