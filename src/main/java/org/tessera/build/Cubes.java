package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.tessera.support.Sha256;
import org.tessera.vocabulary.Namespaces;
import org.tessera.vocabulary.Terms;

import java.nio.charset.StandardCharsets;

import static org.tessera.vocabulary.Namespaces.QB;
import static org.tessera.vocabulary.Namespaces.TES;

/**
 * What the writers of the VoID graph's RDF Data Cubes ({@link EventCubeWriter},
 * {@link RelationCubeWriter}) share: the data set's description, and the parts that name
 * each observation after the values of its dimensions.
 */
final class Cubes {
    private Cubes() {}

    /** Describes the data set {@code <base>dataset/NAME}, of a structure the ontology defines, and returns it. */
    static Node dataSet(Iris iris, QuadSink sink, String name, String structure, String label) {
        Node cube = iris.datasetPart(name);
        sink.add(cube, RDF.Nodes.type, qb("DataSet"));
        sink.add(cube, qb("structure"), tes(structure));
        sink.english(cube, Terms.LABEL, label);
        sink.add(cube, iri(Namespaces.PROV + "wasDerivedFrom"), iris.dataset());
        return cube;
    }

    /** The observation of {@code cube} named by its values' parts, in the order of the dimensions. */
    static Node observation(Node cube, String... parts) {
        return iri(cube.getURI() + "/" + String.join("/", parts));
    }

    /** A term's part of an observation's IRI: what follows {@code namespace}, when it makes a path segment; else a digest. */
    static String key(Node term, String namespace) {
        String uri = term.getURI();
        String local = uri.startsWith(namespace) ? uri.substring(namespace.length()) : "";
        return local.matches("[A-Za-z0-9][A-Za-z0-9._~-]*") ? local : digest(term);
    }

    /** A place's part of an observation's IRI: its id; a digest for a place of another base; {@code none} for no place. */
    static String placeKey(Iris iris, Node place, String none) {
        if (place == null) return none;
        String id = iris.placeId(place);
        return id != null ? id : digest(place);
    }

    /** The first 16 hex digits of the SHA-256 of a term's IRI: a part for a term of another namespace. */
    static String digest(Node term) {
        return Sha256.of(term.getURI().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    static Node qb(String local) {
        return iri(QB + local);
    }

    static Node tes(String local) {
        return iri(TES + local);
    }

    static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
