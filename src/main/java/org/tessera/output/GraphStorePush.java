package org.tessera.output;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.GSP;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends the named graphs of an N-Quads or TriG file to a SPARQL 1.1 Graph Store Protocol
 * endpoint as the file is read: each run of quads of one graph goes to a temporary
 * N-Triples file, then to the store, so that memory does not grow with the data. The
 * converter writes each graph's quads together, so a graph is one PUT (which replaces
 * it there); in a file where a graph comes back after another, its later runs are POSTed
 * (added), so the store still ends up with the whole graph. The file is read once before
 * anything is sent, so that a file that does not parse leaves the store as it was.
 */
public final class GraphStorePush extends StreamRDFBase {
    /** What was sent: named graphs, their triples, and the default graph's triples, which were not. */
    public record Sent(int graphs, long triples, long defaultGraphTriples) {}

    /** A request the store failed, named as {@code PUT of GRAPH to ENDPOINT}; the graphs before it were sent. */
    public static final class Failed extends RuntimeException {
        private final transient HttpException http;

        Failed(String request, HttpException http) {
            super(request, http);
            this.http = http;
        }

        public String request() { return getMessage(); }

        public HttpException http() { return http; }
    }

    private final String endpoint;
    private final Consumer<String> progress;
    private final Set<Node> graphsSent = new HashSet<>();
    private Node graph;
    private Path run;
    private OutputStream runOut;
    private StreamRDF runWriter;
    private long runTriples;
    private long triples;
    private long defaultGraphTriples;

    private GraphStorePush(String endpoint, Consumer<String> progress) {
        this.endpoint = endpoint;
        this.progress = progress;
    }

    /**
     * Sends every named graph of {@code input} to {@code endpoint}, telling {@code progress} of
     * each request; throws Jena's {@code RiotException}, naming line and column, before any
     * request if the file does not parse.
     */
    public static Sent push(Path input, String endpoint, Consumer<String> progress) {
        RDFParser.source(input).parse(StreamRDFLib.sinkNull());
        GraphStorePush push = new GraphStorePush(endpoint, progress);
        try {
            RDFParser.source(input).parse(push);
            push.sendRun();
        } finally {
            push.discardRun();
        }
        return new Sent(push.graphsSent.size(), push.triples, push.defaultGraphTriples);
    }

    @Override
    public void triple(Triple triple) {
        defaultGraphTriples++;
    }

    @Override
    public void quad(Quad quad) {
        if (quad.isDefaultGraph()) {
            defaultGraphTriples++;
            return;
        }
        if (!quad.getGraph().equals(graph)) {
            sendRun();
            startRun(quad.getGraph());
        }
        runWriter.triple(quad.asTriple());
        runTriples++;
    }

    private void startRun(Node next) {
        try {
            graph = next;
            // The extension gives the request its Content-Type (application/n-triples).
            run = Files.createTempFile("push-", ".nt");
            runOut = new BufferedOutputStream(Files.newOutputStream(run), 1 << 16);
            runWriter = StreamRDFWriter.getWriterStream(runOut, Lang.NTRIPLES);
            runWriter.start();
            runTriples = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the run read so far: a PUT for a graph's first run, a POST for any later one. */
    private void sendRun() {
        if (graph == null) return;
        try {
            runWriter.finish();
            runOut.close();
            GSP request = GSP.service(endpoint).graphName(graph);
            boolean first = graphsSent.add(graph);
            try {
                if (first) request.PUT(run.toString());
                else request.POST(run.toString());
            } catch (HttpException e) {
                throw new Failed((first ? "PUT" : "POST") + " of " + graph.getURI() + " to " + endpoint, e);
            }
            triples += runTriples;
            progress.accept((first ? "PUT " : "POST ") + graph.getURI() + " (" + runTriples + " triples" + (first ? ")" : " more)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            discardRun();
        }
    }

    private void discardRun() {
        if (run == null) return;
        try {
            runOut.close();
            Files.deleteIfExists(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            run = null;
            graph = null;
        }
    }
}
