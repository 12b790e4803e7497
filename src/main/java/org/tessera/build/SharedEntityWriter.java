package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.tessera.model.Actor;
import org.tessera.model.Place;
import org.tessera.model.TermKind;
import org.tessera.vocabulary.Namespaces;
import org.tessera.vocabulary.OntologyTerms;

import java.util.List;

import static org.tessera.vocabulary.Terms.*;

/** Writes the actors and places that all sources share, with labels, aliases, coordinates and Wikidata links. */
final class SharedEntityWriter {
    private final Iris iris;
    private final OntologyTerms terms;

    SharedEntityWriter(Iris iris, OntologyTerms terms) {
        this.iris = iris;
        this.terms = terms;
    }

    void actors(QuadSink sink, List<Actor> actors) {
        for (Actor actor : actors) {
            Node s = iris.actor(actor.id());
            sink.add(s, TYPE, terms.iri(TermKind.ACTOR_KIND, actor.kind()));
            names(sink, s, actor.name(), actor.aliases(), actor.description(), actor.wikidata());
        }
    }

    void places(QuadSink sink, List<Place> places) {
        for (Place place : places) {
            Node s = iris.place(place.id());
            sink.add(s, TYPE, terms.iri(TermKind.PLACE_KIND, place.kind()));
            names(sink, s, place.name(), place.aliases(), place.description(), place.wikidata());
            if (place.parent() != null) sink.add(s, WITHIN, iris.place(place.parent().id()));
            if (place.hasCoordinates()) {
                sink.decimal(s, WGS_LAT, place.lat());
                sink.decimal(s, WGS_LONG, place.lon());
                Node geometry = iris.geometry(place.id());
                sink.add(s, GEO_HAS_GEOMETRY, geometry);
                sink.add(geometry, TYPE, SF_POINT);
                sink.add(geometry, TYPE, GEO_GEOMETRY);
                // WKT puts longitude first; GeoSPARQL's default CRS is CRS84, which is longitude-latitude too.
                String wkt = "POINT(" + QuadSink.canonicalDecimal(place.lon()) + " " + QuadSink.canonicalDecimal(place.lat()) + ")";
                sink.add(geometry, GEO_AS_WKT, NodeFactory.createLiteralDT(wkt,
                        org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(GEO_WKT_LITERAL)));
            }
        }
    }

    private static void names(QuadSink sink, Node s, String name, List<String> aliases, String description, String wikidata) {
        sink.english(s, LABEL, name);
        sink.english(s, PREF_LABEL, name);
        for (String alias : aliases) {
            if (!alias.equals(name)) sink.english(s, ALT_LABEL, alias);
        }
        sink.english(s, DC_DESCRIPTION, description);
        if (wikidata != null) sink.add(s, SAME_AS, NodeFactory.createURI(Namespaces.WD + wikidata));
    }
}
