package org.tessera.linkeddata;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.tessera.vocabulary.Namespaces;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Dereferences the IRIs minted under the dataset's base. A thing's IRI answers
 * 303 See Other to the document that describes it, in the representation the
 * Accept header asks for; a document answers with that representation. Unknown
 * resources are 404.
 */
public final class LinkedDataServlet extends HttpServlet {
    private final transient DatasetAccess access;

    public LinkedDataServlet(DatasetAccess access) {
        this.access = access;
    }

    /** What a read of the dataset found: the base, and the resource's description if there is one. */
    private record Found(String base, Optional<Graph> description) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean document = path.startsWith(ResourcePaths.DOC);
        Found found = access.read(dataset -> {
            Optional<String> base = DatasetBase.of(dataset);
            if (base.isEmpty()) return new Found(null, Optional.empty());
            ResourcePaths paths = new ResourcePaths(base.get());
            String iri = document ? paths.parseDocument(path).thingIri() : paths.iriOfThing(path);
            return new Found(base.get(), ResourceDescription.of(dataset.getUnionGraph(), iri));
        });
        response.setHeader("Vary", "Accept");
        if (found.description().isEmpty()) {
            notFound(response, found.base() == null ? path : new ResourcePaths(found.base()).iriOfThing(path));
            return;
        }
        ResourcePaths paths = new ResourcePaths(found.base());
        if (!document) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", paths.document(paths.iriOfThing(path), Representation.negotiate(request)));
            return;
        }
        ResourcePaths.DocumentRequest wanted = paths.parseDocument(path);
        Representation representation = wanted.representation().orElseGet(() -> Representation.negotiate(request));
        if (wanted.representation().isEmpty()) {
            response.setHeader("Content-Location", paths.document(wanted.thingIri(), representation));
        }
        write(response, paths, wanted.thingIri(), found.description().get(), representation);
    }

    private static void write(HttpServletResponse response, ResourcePaths paths, String iri, Graph description,
                              Representation representation) throws IOException {
        response.setContentType(representation.mediaType());
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        switch (representation) {
            case HTML -> out.write(new ResourcePage(paths, description, iri).render().getBytes(StandardCharsets.UTF_8));
            case JSONLD -> new JsonLdWriter(paths.base()).write(description, out);
            default -> {
                Namespaces.prefixes(paths.base()).forEach(description.getPrefixMapping()::setNsPrefix);
                RDFDataMgr.write(out, description, representation.lang());
            }
        }
    }

    private static void notFound(HttpServletResponse response, String iri) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
                + "<body><h1>Not found</h1><p>This dataset says nothing of <code>" + Html.escape(iri)
                + "</code>.</p><p><a href=\"/\">Query the dataset</a></p></body></html>\n").getBytes(StandardCharsets.UTF_8));
    }

}
