package org.tessera.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.riot.Lang;

import java.util.Arrays;
import java.util.Optional;

/** The forms a resource's description takes, chosen by the request's Accept header. */
public enum Representation {
    HTML("text/html", "html", null),
    TURTLE("text/turtle", "ttl", Lang.TURTLE),
    JSONLD("application/ld+json", "jsonld", Lang.JSONLD),
    NTRIPLES("application/n-triples", "nt", Lang.NTRIPLES),
    RDFXML("application/rdf+xml", "rdf", Lang.RDFXML);

    private final String mediaType;
    private final String extension;
    private final Lang lang;

    Representation(String mediaType, String extension, Lang lang) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.lang = lang;
    }

    public String mediaType() { return mediaType; }
    public String extension() { return extension; }
    public Lang lang() { return lang; }

    static Optional<Representation> ofExtension(String extension) {
        return Arrays.stream(values()).filter(r -> r.extension.equals(extension)).findFirst();
    }

    /** The best match for the Accept header; HTML when it is absent or matches nothing better. */
    static Representation negotiate(HttpServletRequest request) {
        return negotiate(request, HTML);
    }

    /** As {@link #negotiate(HttpServletRequest)}, but {@code fallback} also wins a tie, such as {@code Accept: *}{@code /*}. */
    static Representation negotiate(HttpServletRequest request, Representation fallback) {
        java.util.List<String> offered = new java.util.ArrayList<>(java.util.List.of(fallback.mediaType));
        Arrays.stream(values()).filter(r -> r != fallback).forEach(r -> offered.add(r.mediaType));
        MediaType chosen = ConNeg.chooseContentType(request, AcceptList.create(offered.toArray(String[]::new)),
                MediaType.create(fallback.mediaType));
        String type = chosen == null ? fallback.mediaType : chosen.getContentTypeStr();
        return Arrays.stream(values()).filter(r -> r.mediaType.equals(type)).findFirst().orElse(fallback);
    }
}
