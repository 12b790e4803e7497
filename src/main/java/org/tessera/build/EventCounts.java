package org.tessera.build;

import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
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

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

/**
 * Counts the events of the dataset by type, year, country and region, from its quads,
 * for the statistics the VoID graph carries ({@link EventCubeWriter}): what a scan of
 * every event would give ({@code events-by-type-year-country}), in a few cells.
 * <ul>
 *   <li>the year is that of the event's earliest begin, or else of its latest end;</li>
 *   <li>the country is each ancestor-or-self of the event's place (along {@code tes:within})
 *       typed {@code tes:Country}; the region each top of that chain;</li>
 *   <li>a value not known (no date, no place, no country above the place) is null.</li>
 * </ul>
 * An event counts once in each cell its types, years and places give; a source counts once
 * in each cell its events fall in. Where places are comes from {@link Places}: the shared
 * graph, or the index the converter keeps of the annotations, so that a million places
 * are not held twice. Each source's graph is counted on its own, on any thread
 * ({@link #cellsOf}), and added in order ({@link #add}).
 */
public final class EventCounts {
    /** One cell of the table; null where the value is not known. */
    public record Cell(Node type, Integer year, Node country, Node region) {}

    /** A cell's events and sources. */
    public record Count(long events, long sources) {
        Count plus(Count other) {
            return new Count(events + other.events, sources + other.sources);
        }
    }

    /** The cells in the order of their values' N-Triples, years in number order, not known first. */
    static final Comparator<Cell> ORDER = comparing(Cell::type, comparing(TermText::nt))
            .thenComparing(Cell::year, nullsFirst(naturalOrder()))
            .thenComparing(Cell::country, nullsFirst(comparing(TermText::nt)))
            .thenComparing(Cell::region, nullsFirst(comparing(TermText::nt)));

    /** Where places are: read, never written, so that graphs may be counted on several threads. */
    public interface Places {
        /** The places {@code place} is directly within ({@code tes:within}). */
        List<Node> parents(Node place);

        /** Whether {@code place} is typed {@code tes:Country}. */
        boolean isCountry(Node place);

        /** The place and every place it is within, each once: {@code tes:within*}. */
        default Set<Node> chain(Node place) {
            Set<Node> chain = new LinkedHashSet<>();
            List<Node> next = new ArrayList<>(List.of(place));
            while (!next.isEmpty()) {
                Node p = next.remove(next.size() - 1);
                if (chain.add(p)) next.addAll(parents(p));
            }
            return chain;
        }

        /** The places as a graph (the shared graph, materialised) states them. */
        static Places in(org.apache.jena.graph.Graph graph) {
            return new Places() {
                public List<Node> parents(Node place) {
                    return graph.find(place, Terms.WITHIN, Node.ANY).mapWith(org.apache.jena.graph.Triple::getObject).toList();
                }

                public boolean isCountry(Node place) {
                    return graph.contains(place, Terms.TYPE, Terms.COUNTRY);
                }
            };
        }
    }

    private final Places places;
    private final Map<Cell, Count> counts = new HashMap<>();

    public EventCounts(Places places) {
        this.places = places;
    }

    /**
     * The cells of one source's graph, with the events and sources it gives each. Only reads
     * the places, so graphs may be counted on several threads at once.
     */
    public Map<Cell, Count> cellsOf(Iterable<Quad> graph) {
        Map<Node, EventFacts> events = new HashMap<>();
        for (Quad q : graph) {
            Node p = q.getPredicate();
            if (p.equals(Terms.TYPE)) {
                if (q.getObject().equals(Terms.EVENT)) facts(events, q).event = true;
            } else if (p.equals(Terms.EVENT_TYPE)) {
                facts(events, q).types.add(q.getObject());
            } else if (p.equals(Terms.EARLIEST_BEGIN)) {
                facts(events, q).begins.add(q.getObject());
            } else if (p.equals(Terms.LATEST_END)) {
                facts(events, q).ends.add(q.getObject());
            } else if (p.equals(Terms.PLACE)) {
                facts(events, q).places.add(q.getObject());
            } else if (p.equals(Terms.REPORTED_IN)) {
                facts(events, q).sources.add(q.getObject());
            }
        }
        Map<Cell, Set<Node>> eventsByCell = new HashMap<>();
        Map<Cell, Set<Node>> sourcesByCell = new HashMap<>();
        events.forEach((event, facts) -> {
            if (!facts.event || facts.sources.isEmpty()) return;
            for (Cell cell : cells(facts)) {
                eventsByCell.computeIfAbsent(cell, c -> new LinkedHashSet<>()).add(event);
                sourcesByCell.computeIfAbsent(cell, c -> new LinkedHashSet<>()).addAll(facts.sources);
            }
        });
        Map<Cell, Count> result = new HashMap<>();
        eventsByCell.forEach((cell, members) -> result.put(cell, new Count(members.size(), sourcesByCell.get(cell).size())));
        return result;
    }

    /**
     * Adds the cells of one graph. A source's facts are all in its own graph, so the sources
     * of two graphs never overlap, and their counts add.
     */
    public void add(Map<Cell, Count> cells) {
        cells.forEach((cell, count) -> counts.merge(cell, count, Count::plus));
    }

    /** Every cell with its counts, in {@link #ORDER}. */
    public Map<Cell, Count> counts() {
        Map<Cell, Count> sorted = new TreeMap<>(ORDER);
        sorted.putAll(counts);
        return sorted;
    }

    private Set<Cell> cells(EventFacts facts) {
        Set<Integer> years = new LinkedHashSet<>();
        // As SPARQL's COALESCE: the ends count only where no begin is known.
        for (Node date : facts.begins.isEmpty() ? facts.ends : facts.begins) years.add(year(date));
        if (years.isEmpty()) years.add(null);
        List<Node[]> placings = new ArrayList<>();
        for (Node place : facts.places) {
            Set<Node> chain = places.chain(place);
            List<Node> inCountries = chain.stream().filter(places::isCountry).toList();
            List<Node> tops = chain.stream().filter(p -> places.parents(p).isEmpty()).toList();
            for (Node country : inCountries.isEmpty() ? nullList() : inCountries) {
                for (Node region : tops.isEmpty() ? nullList() : tops) placings.add(new Node[]{country, region});
            }
        }
        if (placings.isEmpty()) placings.add(new Node[]{null, null});
        Set<Cell> cells = new LinkedHashSet<>();
        for (Node type : facts.types) {
            for (Integer year : years) {
                for (Node[] placing : placings) cells.add(new Cell(type, year, placing[0], placing[1]));
            }
        }
        return cells;
    }

    private static List<Node> nullList() {
        List<Node> list = new ArrayList<>(1);
        list.add(null);
        return list;
    }

    private static Integer year(Node date) {
        return ((XSDDateTime) date.getLiteralValue()).getYears();
    }

    private static EventFacts facts(Map<Node, EventFacts> events, Quad q) {
        return events.computeIfAbsent(q.getSubject(), s -> new EventFacts());
    }

    /** What one subject of a graph says that the counts need; an event when typed so. */
    private static final class EventFacts {
        boolean event;
        final List<Node> types = new ArrayList<>(1);
        final List<Node> begins = new ArrayList<>(1);
        final List<Node> ends = new ArrayList<>(1);
        final List<Node> places = new ArrayList<>(1);
        final List<Node> sources = new ArrayList<>(1);
    }
}
