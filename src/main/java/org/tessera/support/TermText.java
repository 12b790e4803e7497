package org.tessera.support;

import org.apache.jena.atlas.io.AWriterBase;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.out.NodeFormatterTTL;

/**
 * The text of one RDF term, exactly as {@code NodeFmtLib.strNT} and {@code strTTL}
 * give it (the same formatters), written into a plain string writer. NodeFmtLib
 * writes through an IndentedWriter that checks for line starts on every character:
 * a quarter of a conversion's time, when it formats each term of a hundred million
 * quads (BENCHMARKS.md). StringWriterI, its other writer, is a synchronised StringBuffer.
 */
public final class TermText {
    private static final NodeFormatter NT = new NodeFormatterNT();
    private static final NodeFormatter TTL = new NodeFormatterTTL();

    private TermText() {}

    /** As {@code NodeFmtLib.strNT(node)}. */
    public static String nt(Node node) {
        return format(NT, node);
    }

    /** As {@code NodeFmtLib.strTTL(node)}. */
    public static String ttl(Node node) {
        return format(TTL, node);
    }

    private static String format(NodeFormatter formatter, Node node) {
        StringOut out = new StringOut();
        formatter.format(out, node);
        return out.text.toString();
    }

    /** An AWriter into an unsynchronised StringBuilder: formatters write IRIs a character at a time. */
    private static final class StringOut extends AWriterBase {
        private final StringBuilder text = new StringBuilder(64);

        @Override public void print(char ch) { text.append(ch); }
        @Override public void print(char[] chars) { text.append(chars); }
        @Override public void print(String string) { text.append(string); }
        @Override public void printf(String format, Object... args) { text.append(String.format(format, args)); }
        @Override public void println(String string) { text.append(string).append('\n'); }
        @Override public void println() { text.append('\n'); }
        @Override public void flush() { }
        @Override public void close() { }
    }
}
