package org.tessera.build;

import org.apache.jena.graph.Node;

import java.util.Collection;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The comparison key of a figure ({@code tes:comparisonKey}): two figures have the same
 * key exactly when they count the same measure in the same unit, at the same place or
 * both at none, about the same set of actors. Those are the figures whose values can
 * disagree. Written once per figure, it lets a query pair them through one index
 * lookup, where it otherwise follows every figure about a common actor (or at a common
 * place) and checks the rest one by one.
 * <p>The key is the IRIs, space-separated (an IRI holds no space): measure, unit, the
 * place or {@code -}, then the actors in order. It reads as what it means.
 */
final class FigureKey {
    static final String NO_PLACE = "-";

    private FigureKey() {}

    static String of(Node measure, Node unit, Node place, Collection<Node> about) {
        StringJoiner key = new StringJoiner(" ");
        key.add(measure.getURI()).add(unit.getURI()).add(place == null ? NO_PLACE : place.getURI());
        TreeSet<String> actors = new TreeSet<>();
        for (Node actor : about) actors.add(actor.getURI());
        actors.forEach(key::add);
        return key.toString();
    }
}
