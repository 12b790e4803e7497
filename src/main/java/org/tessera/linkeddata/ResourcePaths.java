package org.tessera.linkeddata;

import java.util.Optional;

/**
 * Maps the IRIs minted under the dataset's base to paths on this server, and
 * back: {@code BASE actor/isis} is the thing, served at {@code /actor/isis}; its
 * description, a document, is at {@code /doc/actor/isis} (negotiated) and
 * {@code /doc/actor/isis.ttl} (one format). Thing and page keep distinct IRIs,
 * as the W3C note "Cool URIs for the Semantic Web" advises.
 */
public record ResourcePaths(String base) {
    public static final String DOC = "/doc/";

    /** The IRI a thing path names. */
    public String iriOfThing(String path) {
        return base + path.substring(1);
    }

    /** The server path of an IRI under the base, fragment kept; empty for any other IRI. */
    public Optional<String> localPath(String iri) {
        return iri.startsWith(base) && iri.length() > base.length() ? Optional.of("/" + iri.substring(base.length())) : Optional.empty();
    }

    /** The path of the document describing a thing, in one representation. */
    public String document(String thingIri, Representation representation) {
        return DOC + thingIri.substring(base.length()) + "." + representation.extension();
    }

    /** The thing a document path describes, with the representation its extension names (or empty: negotiate). */
    public record DocumentRequest(String thingIri, Optional<Representation> representation) {}

    public DocumentRequest parseDocument(String path) {
        String rest = path.substring(DOC.length());
        int dot = rest.lastIndexOf('.');
        if (dot > rest.lastIndexOf('/')) {
            Optional<Representation> representation = Representation.ofExtension(rest.substring(dot + 1));
            if (representation.isPresent()) return new DocumentRequest(base + rest.substring(0, dot), representation);
        }
        return new DocumentRequest(base + rest, Optional.empty());
    }
}
