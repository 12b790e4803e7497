package org.tessera.pipeline;

import org.apache.jena.graph.Node;
import org.tessera.build.EventCounts;
import org.tessera.build.GraphBuilder;
import org.tessera.build.Iris;
import org.tessera.model.Ref;
import org.tessera.model.TermKind;
import org.tessera.validate.ReferenceChecker;
import org.tessera.vocabulary.OntologyTerms;
import org.tessera.vocabulary.Terms;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where places are, read from the index of ids the conversion keeps to check references:
 * what the shared graph states (each place's {@code tes:within}, and whether its kind is
 * {@code tes:Country} or below it), without holding the shared graph's places a second
 * time. A corpus of a million events has some 390,000 places.
 */
final class IndexedPlaces implements EventCounts.Places {
    private final Iris iris;
    private final ReferenceChecker references;
    private final OntologyTerms terms;
    private final GraphBuilder builder;
    /** Whether each place kind met is a country: a handful of kinds. */
    private final Map<String, Boolean> countryKinds = new ConcurrentHashMap<>();

    IndexedPlaces(Iris iris, ReferenceChecker references, OntologyTerms terms, GraphBuilder builder) {
        this.iris = iris;
        this.references = references;
        this.terms = terms;
        this.builder = builder;
    }

    @Override
    public List<Node> parents(Node place) {
        String id = iris.placeId(place);
        Ref parent = id == null ? null : references.placeParent(id);
        return parent == null ? List.of() : List.of(iris.place(parent.id()));
    }

    @Override
    public boolean isCountry(Node place) {
        String id = iris.placeId(place);
        String kind = id == null ? null : references.placeKind(id);
        return kind != null && countryKinds.computeIfAbsent(kind,
                k -> builder.withSuperClasses(terms.iri(TermKind.PLACE_KIND, k)).contains(Terms.COUNTRY));
    }
}
