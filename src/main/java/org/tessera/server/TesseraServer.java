package org.tessera.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.tessera.store.Generation;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The embedded Fuseki server: the store's current generation, read-only, at
 * {@code /NAME} (SPARQL query at {@code /NAME/sparql} and {@code /NAME/query},
 * graph store reads at {@code /NAME/get} and {@code /NAME/data}), the query page
 * at the root and the curated queries at {@code /api/queries}.
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
        DatasetSwitcher switcher = new DatasetSwitcher(settings.store(), name, builder -> builder.withStdServices(false));
        DataService service = switcher.openCurrent();
        try {
            FusekiServer fuseki = FusekiServer.create()
                    .port(settings.port())
                    .loopback(settings.loopbackOnly())
                    .add(name, service)
                    .staticFileBase(webRoot())
                    .addServlet("/api/queries", new QueryLibraryServlet(settings.queries(), name + "/sparql"))
                    .enablePing(true)
                    .build();
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

    @Override
    public void close() {
        fuseki.stop();
        switcher.close();
    }
}
