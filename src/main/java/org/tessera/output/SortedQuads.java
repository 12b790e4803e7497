package org.tessera.output;

import org.tessera.support.NQuadsText;
import org.tessera.support.TermText;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quads of a dataset in a total order (graph, subject, predicate, object, as
 * N-Triples text), so that the same data always writes the same bytes, whatever
 * order the store iterates in.
 */
public final class SortedQuads {
    private SortedQuads() {}

    /**
     * Formats each distinct term once (terms repeat: a graph or a predicate stands in
     * thousands of quads), and compares the four texts of a quad in turn. That is the
     * same order as comparing "graph NUL subject NUL predicate NUL object": N-Triples
     * text never holds a NUL, so a text that is a prefix of another sorts first both ways.
     */
    public static List<Quad> of(DatasetGraph dataset) {
        List<Keyed> keyed = sortedKeys(dataset);
        List<Quad> quads = new ArrayList<>(keyed.size());
        keyed.forEach(k -> quads.add(k.quad()));
        return quads;
    }

    /** Sorted quads and their N-Quads, in UTF-8, as {@link NQuadsText} writes them. */
    public record WithNQuads(List<Quad> quads, byte[] nquads) {}

    /**
     * The quads in order, as {@link #of}, and their N-Quads: the lines are made of the
     * texts the sort compares, instead of formatting every term again.
     */
    public static WithNQuads withNQuads(DatasetGraph dataset) {
        List<Keyed> keyed = sortedKeys(dataset);
        List<Quad> quads = new ArrayList<>(keyed.size());
        StringBuilder text = new StringBuilder(keyed.size() * 160);
        for (Keyed k : keyed) {
            quads.add(k.quad());
            NQuadsText.appendLine(text, k.s(), k.p(), k.o(), NQuadsText.hasGraph(k.quad().getGraph()) ? k.g() : null);
        }
        return new WithNQuads(quads, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Keyed> sortedKeys(DatasetGraph dataset) {
        Map<Node, String> text = new HashMap<>();
        List<Keyed> keyed = new ArrayList<>();
        dataset.find().forEachRemaining(q -> keyed.add(new Keyed(nt(text, q.getGraph()), nt(text, q.getSubject()),
                nt(text, q.getPredicate()), nt(text, q.getObject()), q)));
        keyed.sort(ORDER);
        return keyed;
    }

    private record Keyed(String g, String s, String p, String o, Quad quad) {}

    private static final Comparator<Keyed> ORDER = Comparator.comparing(Keyed::g).thenComparing(Keyed::s)
            .thenComparing(Keyed::p).thenComparing(Keyed::o);

    private static String nt(Map<Node, String> text, Node node) {
        String s = text.get(node);
        if (s == null) {
            s = TermText.nt(node);
            text.put(node, s);
        }
        return s;
    }
}
