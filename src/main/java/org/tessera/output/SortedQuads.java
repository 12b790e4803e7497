package org.tessera.output;

import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The quads of a dataset in a total order (graph, subject, predicate, object, as
 * N-Triples text), so that the same data always writes the same bytes, whatever
 * order the store iterates in.
 */
public final class SortedQuads {
    private SortedQuads() {}

    private static final Comparator<Quad> ORDER = Comparator
            .comparing((Quad q) -> NodeFmtLib.strNT(q.getGraph()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getSubject()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getPredicate()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getObject()));

    public static List<Quad> of(DatasetGraph dataset) {
        List<Quad> quads = new ArrayList<>();
        dataset.find().forEachRemaining(quads::add);
        quads.sort(ORDER);
        return quads;
    }
}
