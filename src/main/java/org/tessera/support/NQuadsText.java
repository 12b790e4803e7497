package org.tessera.support;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.writer.WriterStreamRDFPlain;
import org.apache.jena.sparql.core.Quad;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * N-Quads, byte for byte as Jena's N-Quads writer gives them ({@code WriterStreamRDFPlain}),
 * with the formatter of {@link TermText}: plain IRIs and strings are written whole instead
 * of one character at a time through a UTF-8 encoder (a seventh of a convert's time).
 */
public final class NQuadsText {
    private NQuadsText() {}

    /**
     * The N-Quads of {@code quads}, in their order, in UTF-8. Sorted quads repeat their
     * graph and subject from line to line, and use a few predicates: each is formatted once.
     */
    public static byte[] of(Iterable<Quad> quads) {
        StringOut out = new StringOut();
        Map<Node, String> predicates = new HashMap<>();
        Node graph = null;
        Node subject = null;
        String graphText = null;
        String subjectText = null;
        for (Quad quad : quads) {
            if (!quad.getGraph().equals(graph)) {
                graph = quad.getGraph();
                // Where Jena's writer leaves the graph out.
                boolean noGraph = graph == Quad.tripleInQuad || Quad.isDefaultGraph(graph);
                graphText = noGraph ? "" : " " + TermText.nt(graph);
            }
            if (!quad.getSubject().equals(subject)) {
                subject = quad.getSubject();
                subjectText = TermText.nt(subject);
            }
            out.print(subjectText);
            out.print(' ');
            out.print(predicates.computeIfAbsent(quad.getPredicate(), TermText::nt));
            out.print(' ');
            TermText.NT.format(out, quad.getObject());
            out.print(graphText);
            out.print(" .\n");
        }
        return out.text().getBytes(StandardCharsets.UTF_8);
    }

    /** The line of one quad, its newline included, in UTF-8. */
    public static byte[] line(Quad quad) {
        StringOut out = new StringOut();
        new WriterStreamRDFPlain(out, TermText.NT).quad(quad);
        return out.text().getBytes(StandardCharsets.UTF_8);
    }
}
