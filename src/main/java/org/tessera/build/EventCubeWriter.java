package org.tessera.build;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.tessera.vocabulary.Namespaces;
import org.tessera.vocabulary.Terms;

import java.util.Map;
import java.util.TreeSet;

import static org.tessera.build.Cubes.qb;
import static org.tessera.build.Cubes.tes;

/**
 * Writes the events counted by type, year, country and region ({@link EventCounts}) as an
 * RDF Data Cube (W3C, {@code qb:}): a {@code qb:DataSet} whose structure the ontology
 * defines ({@code tes:eventCountsStructure}), and one {@code qb:Observation} per cell, with
 * the number of events and of sources. A dimension whose value is not known takes the
 * ontology's {@code tes:noYear}, {@code tes:noCountry} or {@code tes:noRegion}, since every
 * observation of a cube must have a value for each dimension. Each year is a resource of
 * its own ({@code tes:Year}), with the year as its {@code rdf:value}.
 * <pre>{@code <…/dataset/event-counts/attack/2016/iraq/middle-east> a qb:Observation ;
 *     qb:dataSet <…/dataset/event-counts> ; tes:refEventType et:attack ; tes:refYear <…/dataset/year/2016> ;
 *     tes:refCountry <…/place/iraq> ; tes:refRegion <…/place/middle-east> ; tes:eventCount 12 ; tes:sourceCount 3 .}</pre>
 */
final class EventCubeWriter {
    static final String NAME = "event-counts";
    private static final String EVENT_TYPES = Namespaces.TES_VOCAB + "event-type/";
    /** The part of an observation's IRI for a value not known; ids start with a letter or digit. */
    private static final String NONE = "-";

    private final Iris iris;

    EventCubeWriter(Iris iris) {
        this.iris = iris;
    }

    void write(QuadSink sink, Map<EventCounts.Cell, EventCounts.Count> cells) {
        Node cube = Cubes.dataSet(iris, sink, NAME, "eventCountsStructure", "Events by type, year, country and region");
        new TreeSet<>(cells.keySet().stream().map(EventCounts.Cell::year).filter(java.util.Objects::nonNull).toList())
                .forEach(year -> year(sink, year));
        cells.forEach((cell, count) -> {
            Node observation = Cubes.observation(cube, Cubes.key(cell.type(), EVENT_TYPES),
                    cell.year() == null ? NONE : Integer.toString(cell.year()), Cubes.placeKey(iris, cell.country(), NONE), Cubes.placeKey(iris, cell.region(), NONE));
            sink.add(observation, RDF.Nodes.type, qb("Observation"));
            sink.add(observation, qb("dataSet"), cube);
            sink.add(observation, tes("refEventType"), cell.type());
            sink.add(observation, tes("refYear"), cell.year() == null ? tes("noYear") : yearNode(cell.year()));
            sink.add(observation, tes("refCountry"), cell.country() == null ? tes("noCountry") : cell.country());
            sink.add(observation, tes("refRegion"), cell.region() == null ? tes("noRegion") : cell.region());
            sink.integer(observation, tes("eventCount"), count.events());
            sink.integer(observation, tes("sourceCount"), count.sources());
        });
    }

    private void year(QuadSink sink, int year) {
        Node node = yearNode(year);
        sink.add(node, RDF.Nodes.type, tes("Year"));
        sink.text(node, Terms.LABEL, Integer.toString(year));
        sink.typed(node, RDF.Nodes.value, gYear(year), XSDDatatype.XSDgYear);
    }

    private Node yearNode(int year) {
        return iris.datasetPart("year/" + year);
    }

    /** xsd:gYear's form: at least four digits, a minus before the years BCE. */
    private static String gYear(int year) {
        return (year < 0 ? "-" : "") + String.format("%04d", Math.abs(year));
    }
}
