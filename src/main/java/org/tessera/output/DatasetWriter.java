package org.tessera.output;

import org.tessera.support.NQuadsText;
import org.tessera.support.TermText;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes sorted quads as the files of {@code rdf/}: the whole dataset as TriG
 * and N-Quads, and one N-Quads file per named graph for bulk loaders. The
 * writers are fed in sorted order, which makes the output byte-stable.
 */
public final class DatasetWriter {
    private final Map<String, String> prefixes;

    public DatasetWriter(Map<String, String> prefixes) {
        this.prefixes = prefixes;
    }

    /** Writes into {@code dir}, which must exist; returns the files written. */
    public List<Path> write(List<Quad> sorted, Path dir, String graphBase) throws IOException {
        try (GraphFiles files = open(dir, graphBase)) {
            Node current = null;
            for (Quad quad : sorted) {
                if (!quad.getGraph().equals(current)) files.beginGraph(current = quad.getGraph());
                files.quad(quad, NQuadsText.line(quad));
            }
            return files.finish();
        }
    }

    /** Starts writing into {@code dir}, which must exist; the graphs then come one by one, in sorted order. */
    public GraphFiles open(Path dir, String graphBase) throws IOException {
        return new GraphFiles(dir, graphBase);
    }

    /**
     * The files of {@code rdf/}, written graph by graph: a conversion that streams
     * never holds more than one graph. The TriG writer stays open across graphs.
     * Closing without {@link #finish} (a conversion that stops half-way) closes the
     * files and leaves them incomplete, for the caller to throw away.
     */
    public final class GraphFiles implements Closeable {
        private final Path dir;
        private final String graphBase;
        private final OutputStream trigOut;
        /** tessera.nq: the graphs' files one after another, as the graphs come in order. */
        private final OutputStream nquadsOut;
        private final StreamRDF trig;
        private final List<Path> graphFiles = new ArrayList<>();
        private OutputStream graphOut;
        /** The last part of a graph written in parts, until its closing is written. */
        private TrigStream.GraphPart openPart;
        private String lastGraph;
        private long quads;

        private GraphFiles(Path dir, String graphBase) throws IOException {
            this.dir = dir;
            this.graphBase = graphBase;
            this.trigOut = new BufferedOutputStream(Files.newOutputStream(dir.resolve("tessera.trig")), 1 << 16);
            this.trig = TrigStream.open(trigOut);
            this.nquadsOut = new BufferedOutputStream(Files.newOutputStream(dir.resolve("tessera.nq")), 1 << 16);
            trig.start();
            prefixes.forEach(trig::prefix);
            Files.createDirectories(dir.resolve("graphs"));
        }

        /** Ends the graph before, if any, and starts the next; graphs come in the order of their N-Triples text. */
        public void beginGraph(Node graph) throws IOException {
            String text = TermText.nt(graph);
            if (lastGraph != null && lastGraph.compareTo(text) >= 0) {
                throw new IllegalStateException("Graphs out of order: " + text + " after " + lastGraph);
            }
            lastGraph = text;
            endGraph();
            String name = graph.getURI().substring(graphBase.length()).replace('/', '-');
            Path file = dir.resolve("graphs").resolve(name + ".nq");
            graphFiles.add(file);
            graphOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        /** A formatter of graphs as this file's TriG writer writes them, for {@link #graph}; one per thread. */
        public TrigStream.GraphBlocks graphBlocks() {
            return new TrigStream.GraphBlocks(prefixes);
        }

        /**
         * A whole graph: its sorted quads, their N-Quads as {@link SortedQuads#withNQuads} formats them,
         * and their TriG as {@link #graphBlocks} formats them (both on the thread that built the graph,
         * while this one writes the graph before).
         */
        public void graph(Node graph, List<Quad> sorted, byte[] nquads, byte[] trigBlock) throws IOException {
            beginGraph(graph);
            // Ends the graph the TriG writer has open, as the next graph would, and flushes it before the block.
            trig.finish();
            trigOut.write(trigBlock);
            graphOut.write(nquads);
            nquadsOut.write(nquads);
            quads += sorted.size();
        }

        /**
         * The next part of the graph begun with {@link #beginGraph}: {@code partQuads} quads of whole
         * subjects, in sorted order after the part before, their N-Quads, and their TriG as
         * {@link #graphBlocks} formats them alone. For a graph too large to format whole on one
         * thread: its parts are formatted side by side, and spliced in here.
         */
        public void graphPart(long partQuads, byte[] nquads, byte[] trigBlock) throws IOException {
            TrigStream.GraphPart part = TrigStream.GraphPart.of(trigBlock);
            byte[] block = part.block();
            if (openPart == null) {
                trig.finish(); // the graph the TriG writer has open, if any, ends as the next graph would end it
                trigOut.write(block, 0, part.subjectsStart());
            }
            trigOut.write(block, part.subjectsStart(), part.closingStart() - part.subjectsStart());
            openPart = part;
            graphOut.write(nquads);
            nquadsOut.write(nquads);
            quads += partQuads;
        }

        /**
         * One quad of the current graph, in sorted order, and its N-Quads line as {@link NQuadsText#line}
         * gives it; unchecked, as the TriG stream's errors are, for callers fed by a {@code Consumer}.
         */
        public void quad(Quad quad, byte[] nquadsLine) {
            if (openPart != null) throw new IllegalStateException("A quad after parts of its graph: " + quad);
            trig.quad(quad);
            try {
                graphOut.write(nquadsLine);
                nquadsOut.write(nquadsLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            quads++;
        }

        public long quads() {
            return quads;
        }

        public int graphs() {
            return graphFiles.size();
        }

        private void endGraph() throws IOException {
            if (openPart != null) {
                byte[] block = openPart.block();
                trigOut.write(block, openPart.closingStart(), block.length - openPart.closingStart());
                openPart = null;
            }
            if (graphOut != null) graphOut.close();
            graphOut = null;
        }

        /** Closes what is still open; after {@link #finish}, nothing is. */
        @Override
        public void close() throws IOException {
            try (trigOut; nquadsOut) {
                endGraph();
            }
        }

        /** Closes every file and writes the README; returns the files written. */
        public List<Path> finish() throws IOException {
            endGraph();
            trig.finish();
            trigOut.close();
            List<Path> written = new ArrayList<>();
            written.add(dir.resolve("tessera.trig"));
            nquadsOut.close();
            written.add(dir.resolve("tessera.nq"));
            written.addAll(graphFiles);
            Files.writeString(dir.resolve("README.md"), README);
            written.add(dir.resolve("README.md"));
            return written;
        }
    }

    private static final String README = """
            # rdf/

            Generated by `./tessera convert`; do not edit. The same annotations give the same bytes.

            - `tessera.trig`, `tessera.nq`: the whole dataset, every named graph.
            - `graphs/*.nq`: one file per named graph (each source, the shared actors and places, the ontology, the VoID/DCAT description), for bulk loaders.
            """;
}
