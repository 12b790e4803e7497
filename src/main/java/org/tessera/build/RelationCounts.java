package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.tessera.support.FingerprintSet;
import org.tessera.support.TermText;
import org.tessera.vocabulary.Terms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts the relations of the dataset by relation type, for the statistics the VoID graph
 * carries ({@link RelationCubeWriter}): what a scan of every relation gives
 * ({@code relations-by-type}). A relation counts when it is typed {@code tes:Relation} and has
 * a type, a subject, an object and a source, as in that scan. For each type:
 * <ul>
 *   <li>the relations, and those with a hedge;</li>
 *   <li>the sources that report them;</li>
 *   <li>the distinct pairs of subject and object.</li>
 * </ul>
 * A source's relations are all in its own graph, so the relations and sources of two graphs
 * never overlap, and add. The same pair of actors may stand in many sources, so the pairs met
 * are kept, as fingerprints ({@link FingerprintSet}, 16 to 32 bytes a pair: 360,000 pairs
 * at a million events). Each graph is counted on its own, on any thread ({@link #cellsOf}),
 * and added in order ({@link #add}).
 */
public final class RelationCounts {
    /** A relation type's counts. */
    public record Count(long relations, long actorPairs, long sources, long hedged) {}

    /** What one graph gives a relation type: its counts, and its pairs as the N-Triples of subject and object. */
    public record OfGraph(long relations, long sources, long hedged, Set<String> pairs) {}

    private final Map<Node, long[]> counts = new HashMap<>();
    private final FingerprintSet pairsMet = new FingerprintSet();

    /** The relation types of one source's graph, with what each gives. Holds no state: any thread. */
    public Map<Node, OfGraph> cellsOf(Iterable<Quad> graph) {
        Map<Node, RelationFacts> relations = new HashMap<>();
        for (Quad q : graph) {
            Node p = q.getPredicate();
            if (p.equals(Terms.TYPE)) {
                if (q.getObject().equals(Terms.RELATION)) facts(relations, q).relation = true;
            } else if (p.equals(Terms.RELATION_TYPE)) {
                facts(relations, q).types.add(q.getObject());
            } else if (p.equals(Terms.SUBJECT)) {
                facts(relations, q).subjects.add(q.getObject());
            } else if (p.equals(Terms.OBJECT)) {
                facts(relations, q).objects.add(q.getObject());
            } else if (p.equals(Terms.REPORTED_IN)) {
                facts(relations, q).sources.add(q.getObject());
            } else if (p.equals(Terms.HEDGE)) {
                facts(relations, q).hedged = true;
            }
        }
        Map<Node, Tally> byType = new HashMap<>();
        relations.values().forEach(facts -> {
            if (!facts.counts()) return;
            for (Node type : facts.types) byType.computeIfAbsent(type, t -> new Tally()).add(facts);
        });
        Map<Node, OfGraph> result = new HashMap<>();
        byType.forEach((type, tally) -> result.put(type, new OfGraph(tally.relations, tally.sources.size(), tally.hedged, tally.pairs)));
        return result;
    }

    /** Adds the relation types of one graph; a pair counts the first time it is met. */
    public void add(Map<Node, OfGraph> cells) {
        cells.forEach((type, cell) -> {
            long[] count = counts.computeIfAbsent(type, t -> new long[4]);
            count[0] += cell.relations();
            count[2] += cell.sources();
            count[3] += cell.hedged();
            String typeText = TermText.nt(type) + " ";
            for (String pair : cell.pairs()) {
                if (pairsMet.add(typeText + pair)) count[1]++;
            }
        });
    }

    /** Every relation type with its counts, in the order of the types' N-Triples. */
    public Map<Node, Count> counts() {
        Map<Node, Count> sorted = new TreeMap<>(Comparator.comparing(TermText::nt));
        counts.forEach((type, c) -> sorted.put(type, new Count(c[0], c[1], c[2], c[3])));
        return sorted;
    }

    private static RelationFacts facts(Map<Node, RelationFacts> relations, Quad q) {
        return relations.computeIfAbsent(q.getSubject(), s -> new RelationFacts());
    }

    /** What one subject of a graph says that the counts need; a relation when typed so. */
    private static final class RelationFacts {
        boolean relation;
        boolean hedged;
        final List<Node> types = new ArrayList<>(1);
        final List<Node> subjects = new ArrayList<>(1);
        final List<Node> objects = new ArrayList<>(1);
        final List<Node> sources = new ArrayList<>(1);

        boolean counts() {
            return relation && !subjects.isEmpty() && !objects.isEmpty() && !sources.isEmpty();
        }
    }

    /** One relation type's share of a graph, as it is gathered. */
    private static final class Tally {
        long relations;
        long hedged;
        final Set<Node> sources = new LinkedHashSet<>();
        final Set<String> pairs = new LinkedHashSet<>();

        void add(RelationFacts facts) {
            relations++;
            if (facts.hedged) hedged++;
            sources.addAll(facts.sources);
            for (Node subject : facts.subjects) {
                for (Node object : facts.objects) pairs.add(TermText.nt(subject) + " " + TermText.nt(object));
            }
        }
    }
}
