package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.util.List;
import java.util.Objects;

/**
 * Mints the IRIs of every resource from annotation ids, under one base IRI, so
 * that the same annotations always give the same IRIs. Ids are validated to be
 * IRI-safe before they get here.
 * <pre>{@code Iris iris = new Iris("https://w3id.org/tessera/is/"); iris.actor("isis");}</pre>
 */
public record Iris(String base) {
    /** The first path segment of every IRI minted here; a server maps each to its pages. */
    public static final List<String> SEGMENTS =
            List.of("actor", "place", "source", "event", "relation", "figure", "statement", "quote", "graph", "dataset");

    public Iris {
        Objects.requireNonNull(base, "base");
        if (!(base.endsWith("/") || base.endsWith("#"))) throw new IllegalArgumentException("Base IRI must end in / or #: " + base);
    }

    private Node iri(String path) {
        return NodeFactory.createURI(base + path);
    }

    public Node actor(String id) { return iri("actor/" + id); }
    public Node place(String id) { return iri("place/" + id); }
    /** The id of a place's IRI, or null for any other IRI. */
    public String placeId(Node place) {
        String prefix = base + "place/";
        String uri = place.isURI() ? place.getURI() : "";
        return uri.startsWith(prefix) && uri.indexOf('/', prefix.length()) < 0 ? uri.substring(prefix.length()) : null;
    }
    public Node geometry(String placeId) { return iri("place/" + placeId + "/geometry"); }
    public Node source(String id) { return iri("source/" + id); }
    /** An event by id: {@code event-id} within {@code source}, or {@code other-source/event-id}. */
    public Node event(String source, String ref) {
        return ref.contains("/") ? iri("event/" + ref) : iri("event/" + source + "/" + ref);
    }
    public Node participation(Node event, String actorId, String role) { return NodeFactory.createURI(event.getURI() + "/" + role + "/" + actorId); }
    public Node relation(String source, String id) { return iri("relation/" + source + "/" + id); }
    public Node figure(String source, String id) { return iri("figure/" + source + "/" + id); }
    public Node statement(String source, String id) { return iri("statement/" + source + "/" + id); }
    /** Evidence is named by its span, so that facts quoting the same words share it. */
    public Node evidence(String source, int start, int end) { return iri("quote/" + source + "/" + start + "-" + end); }
    public Node sourceGraph(String source) { return iri("graph/source/" + source); }
    public Node sharedGraph() { return iri("graph/shared"); }
    public Node ontologyGraph() { return iri("graph/ontology"); }
    public Node dataset() { return iri("dataset"); }
    public Node voidGraph() { return iri("graph/void"); }
    /** A part of the dataset's description: a distribution or a service. */
    public Node datasetPart(String name) { return iri("dataset/" + name); }
    /** Where the server answers SPARQL and offers dumps, relative to the base. */
    public Node sparqlEndpoint() { return iri("sparql"); }
    public Node dump(String fileName) { return iri("dumps/" + fileName); }
}
