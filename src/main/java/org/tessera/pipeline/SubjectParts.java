package org.tessera.pipeline;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a graph's quads, in sorted order, into parts of at least {@code size} quads (the last
 * may have fewer), each ending where a subject does: a subject's quads stay in one part, which
 * is what formatting the parts apart needs ({@code TrigStream.GraphPart}).
 */
final class SubjectParts implements Consumer<Quad> {
    /** The conversion's parts: about 1 MB of N-Quads, a few milliseconds of a worker's time to format. */
    static final int QUADS = 8192;

    private final int size;
    private final Consumer<List<Quad>> each;
    private List<Quad> part = new ArrayList<>();
    private Node lastSubject;

    SubjectParts(int size, Consumer<List<Quad>> each) {
        if (size < 1) throw new IllegalArgumentException("A part holds at least one quad: " + size);
        this.size = size;
        this.each = each;
    }

    /** Takes the next quad; hands the part before on when the quad starts a subject and the part is full. */
    @Override
    public void accept(Quad quad) {
        if (part.size() >= size && !quad.getSubject().equals(lastSubject)) flush();
        part.add(quad);
        lastSubject = quad.getSubject();
    }

    /** Hands on the part begun, if it holds any quad. */
    void flush() {
        if (part.isEmpty()) return;
        List<Quad> full = part;
        part = new ArrayList<>(size);
        each.accept(full);
    }
}
