package org.tessera.output;

import org.apache.jena.atlas.io.BufferingWriter;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.writer.WriterStreamRDFBlocks;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;
import org.tessera.support.PlainFirstTurtle;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Jena's streaming TriG writer, the one {@code RDFFormat.TRIG_BLOCKS} names, writing
 * the same bytes with less work per character (bench/HISTORY.md, rounds six and seven).
 * Fed triples, it writes Turtle, as {@code RDFFormat.TURTLE_BLOCKS} does: Jena has
 * one writer class for both. The differences:
 * <ul>
 * <li>over Jena's {@link BufferingWriter}, which takes no lock, where
 * {@code StreamRDFWriter} puts a {@code java.io.BufferedWriter}, which takes one per
 * character;</li>
 * <li>through a {@link MidLineWriter}, which writes the middle of a line without
 * checking each character for a line start;</li>
 * <li>with its terms formatted by {@link PlainFirstTurtle}, which writes plain IRIs and
 * strings whole, where Jena's formatter writes them one character at a time.</li>
 * </ul>
 */
public final class TrigStream {
    private TrigStream() {}

    /** A TriG writer into {@code out}; {@code finish()} flushes it, and leaves {@code out} open. */
    public static StreamRDF open(OutputStream out) {
        BufferingWriter chars = new BufferingWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return new PlainFirstBlocks(new MidLineWriter(chars), RIOT.getContext().copy());
    }

    /**
     * Formats named graphs one at a time, each as the block a writer from {@link #open}
     * would write for it after the same prefixes: so that the threads that build graphs
     * can format them too, and the one thread that writes the file in order only copies
     * bytes ({@code DatasetWriter.GraphFiles#graph}). Each block starts with the blank
     * line before the graph and ends with its closing brace. One per thread.
     */
    public static final class GraphBlocks {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        private final StreamRDF writer = open(bytes);

        /** For a file whose writer declared {@code prefixes}, in this order. */
        public GraphBlocks(Map<String, String> prefixes) {
            // The blank line before a graph is written when the writer is past its first line: the prefixes'.
            if (prefixes.isEmpty()) throw new IllegalArgumentException("Graph blocks follow the prefixes: none given");
            writer.start();
            prefixes.forEach(writer::prefix);
            writer.finish();
            bytes.reset();
        }

        /** The block of one graph, from its quads in sorted order. */
        public byte[] format(List<Quad> sortedGraph) {
            sortedGraph.forEach(writer::quad);
            // finish() ends the graph and flushes; the writer takes the next graph after it as after any other.
            writer.finish();
            byte[] block = bytes.toByteArray();
            bytes.reset();
            return block;
        }
    }

    /**
     * A block of {@link GraphBlocks#format} seen as one part of a longer graph cut between
     * subjects: its opening (the blank line and the graph's name), its subjects, and its
     * closing brace. Jena's writer ends each subject but the last of a graph with " ." and a
     * line end, and the last with the same before the brace: so the parts of a graph, each
     * formatted alone, join into the graph's block as their opening once, then every part's
     * subjects ({@link #subjectsStart} to {@link #closingStart}), then the closing once.
     */
    public record GraphPart(byte[] block, int subjectsStart, int closingStart) {
        private static final byte[] CLOSING = "}\n".getBytes(StandardCharsets.UTF_8);

        /** The parts of a block; fails on bytes that are not one graph's block. */
        public static GraphPart of(byte[] block) {
            // "\n<graph> {\n" opens it: a graph's name holds no line end (N-Triples escapes them).
            int opened = block.length > 0 && block[0] == '\n' ? indexOf(block, (byte) '\n', 1) + 1 : 0;
            int closing = block.length - CLOSING.length;
            if (opened < 3 || block[opened - 2] != '{' || closing < opened
                    || !Arrays.equals(block, closing, block.length, CLOSING, 0, CLOSING.length)) {
                throw new IllegalArgumentException("Not the block of one named graph: "
                        + new String(block, 0, Math.min(block.length, 80), StandardCharsets.UTF_8));
            }
            return new GraphPart(block, opened, closing);
        }

        private static int indexOf(byte[] bytes, byte b, int from) {
            for (int i = from; i < bytes.length; i++) if (bytes[i] == b) return i;
            return -1;
        }
    }

    /** Jena's TRIG_BLOCKS writer with {@link PlainFirstTurtle} for its terms, over the writer's own prefixes. */
    private static final class PlainFirstBlocks extends WriterStreamRDFBlocks {
        private final PlainFirstTurtle terms;

        PlainFirstBlocks(IndentedWriter output, Context context) {
            super(output, context);
            terms = new PlainFirstTurtle(pMap, nodeToLabel);
        }

        @Override
        protected void outputNode(Node n) {
            // A BASE in the stream makes Jena's formatter write IRIs relative to it: that one, then.
            if (baseURI == null) terms.format(out, n);
            else super.outputNode(n);
        }

        @Override
        protected void prefixSetup(String prefix, String iri) {
            super.prefixSetup(prefix, iri);
            terms.forgetAbbreviations();
        }
    }
}
