package org.tessera.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.tessera.build.Iris;
import org.tessera.linkeddata.ContextServlet;
import org.tessera.linkeddata.DumpServlet;
import org.tessera.linkeddata.LinkedDataServlet;
import org.tessera.linkeddata.ResourcePaths;
import org.tessera.linkeddata.VoidServlet;
import org.tessera.store.Generation;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The embedded Fuseki server: the store's current generation, read-only, at
 * {@code /NAME} (SPARQL query at {@code /NAME/sparql} and {@code /NAME/query},
 * graph store reads at {@code /NAME/get} and {@code /NAME/data}, and {@code /sparql}
 * as the endpoint the VoID names), the query page at the root, the curated
 * queries at {@code /api/queries}, and linked data: a page and RDF for every
 * minted IRI, {@code /.well-known/void}, {@code /dumps/} and {@code /context.jsonld}.
 */
public final class TesseraServer implements AutoCloseable {
    private final FusekiServer fuseki;
    private final DatasetSwitcher switcher;
    private final String datasetName;

    private TesseraServer(FusekiServer fuseki, DatasetSwitcher switcher, String datasetName) {
        this.fuseki = fuseki;
        this.switcher = switcher;
        this.datasetName = datasetName;
    }

    public static TesseraServer start(ServerSettings settings) {
        String name = "/" + settings.datasetName();
        QueryLimits limits = settings.limits();
        SafeRegex.register(limits.regexBudget().toNanos());
        limits.keepOnlyTheRowsAnswered();
        DatasetSwitcher switcher = new DatasetSwitcher(settings.store(), name, builder -> {
            // Fuseki reads the deadline from the dataset's context and lets a client only shorten it.
            builder.dataset().getContext().set(ARQ.queryTimeout, limits.deadline().toMillis());
            builder.dataset().getContext().set(ARQ.httpServiceAllowed, false);
            builder.withStdServices(false);
        });
        DataService service = switcher.openCurrent();
        try {
            // No modules from the class path: StockFusekiModule is for a stock Fuseki; this server sets the same itself.
            FusekiServer.Builder builder = FusekiServer.create()
                    .fusekiModules(FusekiModules.empty())
                    .port(settings.port())
                    .loopback(settings.loopbackOnly())
                    .enableCors(false)
                    .addFilter("/*", new CorsFilter())
                    .addFilter("/*", new RequestSizeLimit(limits.maxRequestBytes()))
                    .registerOperation(Operation.Query, new GuardedQueryService(limits))
                    .add(name, service)
                    .staticFileBase(webRoot())
                    .addServlet("/api/queries", new QueryLibraryServlet(settings.queries(), name + "/sparql"))
                    .addFilter("/sparql", new EndpointAlias(name + "/sparql"))
                    .enablePing(true);
            LinkedDataServlet pages = new LinkedDataServlet(switcher);
            for (String segment : Iris.SEGMENTS) builder.addServlet("/" + segment + "/*", pages).addServlet("/" + segment, pages);
            builder.addServlet(ResourcePaths.DOC + "*", pages)
                    .addServlet("/.well-known/void", new VoidServlet(switcher))
                    .addServlet("/dumps/*", new DumpServlet(switcher))
                    .addServlet("/context.jsonld", new ContextServlet());
            FusekiServer fuseki = builder.build();
            fuseki.start();
            switcher.watch(fuseki.getDataAccessPointRegistry(), fuseki.getOperationRegistry());
            return new TesseraServer(fuseki, switcher, settings.datasetName());
        } catch (RuntimeException e) {
            switcher.close();
            throw e;
        }
    }

    /** The query page and its scripts, from the classpath: a folder in development, the jar when installed. */
    private static String webRoot() {
        URL index = TesseraServer.class.getResource("/org/tessera/web/index.html");
        if (index == null) throw new IllegalStateException("The query page is missing from the classpath");
        String url = index.toString();
        String folder = url.substring(0, url.length() - "index.html".length());
        if (url.startsWith("jar:")) return folder;
        try {
            return Path.of(new URL(folder).toURI()).toString();
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() { return fuseki.getHttpPort(); }

    public String baseUrl() { return "http://127.0.0.1:" + port(); }

    /** The SPARQL query endpoint. */
    public String sparqlEndpoint() { return baseUrl() + "/" + datasetName + "/sparql"; }

    /** The generation served now. */
    public Generation generation() { return switcher.servedGeneration(); }

    /** Looks for a new generation now, rather than at the next poll. */
    public void refresh() { switcher.switchIfNew(); }

    public void join() { fuseki.join(); }

    /** The Jetty server underneath, for checks of how it listens. */
    public org.eclipse.jetty.server.Server jetty() { return fuseki.getJettyServer(); }

    @Override
    public void close() {
        fuseki.stop();
        switcher.close();
    }
}
