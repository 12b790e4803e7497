package org.tessera.support;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * N-Quads lines, byte for byte as Jena's N-Quads writer ({@code WriterStreamRDFPlain}) gives
 * them, made of the terms' {@link TermText#nt} texts: plain IRIs and strings are written whole
 * instead of one character at a time through a UTF-8 encoder.
 */
public final class NQuadsText {
    private NQuadsText() {}

    /** The line of one quad, its newline included, in UTF-8. */
    public static byte[] line(Quad quad) {
        return lines(List.of(quad));
    }

    /** The lines of {@code quads}, one after another, in UTF-8: the same bytes as {@link #line} of each. */
    public static byte[] lines(List<Quad> quads) {
        StringBuilder out = new StringBuilder(Math.min(quads.size(), 1 << 16) * 160); // grows past 10 MB as it needs
        for (Quad quad : quads) {
            Node graph = quad.getGraph();
            appendLine(out, TermText.nt(quad.getSubject()), TermText.nt(quad.getPredicate()), TermText.nt(quad.getObject()),
                    hasGraph(graph) ? TermText.nt(graph) : null);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Appends the line of a quad whose terms {@link TermText#nt} has formatted already;
     * {@code graph} is null where the line leaves the graph out ({@link #hasGraph}).
     */
    public static void appendLine(StringBuilder out, String subject, String predicate, String object, String graph) {
        out.append(subject).append(' ').append(predicate).append(' ').append(object);
        if (graph != null) out.append(' ').append(graph);
        out.append(" .\n");
    }

    /** Whether a line names this graph: Jena's writer leaves the default graph out. */
    public static boolean hasGraph(Node graph) {
        return graph != null && graph != Quad.tripleInQuad && !Quad.isDefaultGraph(graph);
    }
}
