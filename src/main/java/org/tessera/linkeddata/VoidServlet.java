package org.tessera.linkeddata;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.tessera.vocabulary.Namespaces;

import java.io.IOException;
import java.util.Optional;

/**
 * The VoID and DCAT description of the dataset at {@code /.well-known/void}
 * (RFC 8615; VoID section 7.2), in the RDF syntax asked for. A browser goes to
 * the dataset's page instead.
 */
public final class VoidServlet extends HttpServlet {
    private final transient DatasetAccess access;

    public VoidServlet(DatasetAccess access) {
        this.access = access;
    }

    private record Description(String base, Graph graph) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Description> found = access.read(dataset -> DatasetBase.of(dataset).map(base -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dataset.getGraph(NodeFactory.createURI(base + "graph/void")).find().forEach(copy::add);
            return new Description(base, copy);
        }));
        response.setHeader("Vary", "Accept");
        if (found.isEmpty() || found.get().graph().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "This dataset has no VoID description");
            return;
        }
        ResourcePaths paths = new ResourcePaths(found.get().base());
        Representation representation = Representation.negotiate(request, Representation.TURTLE);
        if (representation == Representation.HTML) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", paths.document(found.get().base() + "dataset", Representation.HTML));
            return;
        }
        response.setContentType(representation.mediaType());
        response.setCharacterEncoding("UTF-8");
        Graph graph = found.get().graph();
        if (representation == Representation.JSONLD) {
            new JsonLdWriter(paths.base()).write(graph, response.getOutputStream());
            return;
        }
        Namespaces.prefixes(paths.base()).forEach(graph.getPrefixMapping()::setNsPrefix);
        RDFDataMgr.write(response.getOutputStream(), graph, representation.lang());
    }
}
