package org.tessera.output;

import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The quads of a dataset in a total order (graph, subject, predicate, object, as
 * N-Triples text), so that the same data always writes the same bytes, whatever
 * order the store iterates in.
 */
public final class SortedQuads {
    private SortedQuads() {}

    /** Formats each quad's sort key once: comparing formatted terms on every comparison costs far more. */
    public static List<Quad> of(DatasetGraph dataset) {
        List<Map.Entry<String, Quad>> keyed = new ArrayList<>();
        dataset.find().forEachRemaining(q -> keyed.add(Map.entry(key(q), q)));
        keyed.sort(Map.Entry.comparingByKey());
        List<Quad> quads = new ArrayList<>(keyed.size());
        keyed.forEach(e -> quads.add(e.getValue()));
        return quads;
    }

    /** Graph, subject, predicate, object as N-Triples text, separated by a character that N-Triples escapes. */
    private static String key(Quad q) {
        return NodeFmtLib.strNT(q.getGraph()) + '\u0000' + NodeFmtLib.strNT(q.getSubject()) + '\u0000'
                + NodeFmtLib.strNT(q.getPredicate()) + '\u0000' + NodeFmtLib.strNT(q.getObject());
    }
}
