package org.tessera.output;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Symbol;
import org.tessera.linkeddata.JsonLdWriter;
import org.tessera.support.IoConsumer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes sorted quads as a full dump in one syntax. The streaming writers are
 * fed in sorted order, so a dump is byte-stable; syntaxes without named graphs
 * get each distinct triple once.
 */
public final class DumpWriter {
    /**
     * In a dataset's context: an {@link NQuadsFile}, the file whose bytes are that dataset's
     * N-Quads dump, in this writer's order, to be sent as it is ({@code org.tessera.store.LoadedNQuads}).
     */
    public static final Symbol NQUADS_FILE = Symbol.create("https://w3id.org/tessera/ontology#nquadsFile");

    /** Where a dataset's N-Quads dump is, asked at each request: a file can stop being the dump while it is served. */
    @FunctionalInterface
    public interface NQuadsFile {
        Optional<Path> now();
    }
    /** In a dataset's context: how many quads it holds (a {@link Long}), which a dump sorted in memory must hold at once. */
    public static final Symbol QUADS = Symbol.create("https://w3id.org/tessera/ontology#quads");

    private final Map<String, String> prefixes;
    private final String base;

    public DumpWriter(Map<String, String> prefixes, String base) {
        this.prefixes = prefixes;
        this.base = base;
    }

    public void write(List<Quad> sorted, DumpFormat format, OutputStream out) throws IOException {
        switch (format) {
            case TRIG -> stream(sorted, out, RDFFormat.TRIG_BLOCKS);
            case NQUADS -> stream(sorted, out, RDFFormat.NQUADS);
            case TURTLE, RDFXML -> writeTriples(sorted, format, out);
            case JSONLD -> new JsonLdWriter(base).writeDataset(sorted.iterator(), out);
        }
        out.flush();
    }

    /** Writes quads with Jena's streaming writer for the format, prefixes first. */
    public void stream(List<Quad> quads, OutputStream out, RDFFormat format) {
        StreamRDF stream = open(out, format);
        quads.forEach(stream::quad);
        stream.finish();
    }

    /**
     * Writes the quads of an N-Quads stream, sorted as {@link #write} sorts them, as they are
     * read: the same bytes as {@link #write}. N-Quads are copied as they are; TriG holds none of
     * the quads, JSON-LD one graph.
     */
    public void stream(InputStream nquads, DumpFormat format, OutputStream out) throws IOException {
        switch (format) {
            case NQUADS -> nquads.transferTo(out);
            case TRIG -> stream(nquads, out, RDFFormat.TRIG_BLOCKS);
            case JSONLD -> new JsonLdWriter(base).writeDataset(nquads, out);
            default -> throw new IllegalArgumentException(format.cliName() + " is not written from a stream");
        }
        out.flush();
    }

    /**
     * A dump in any syntax from sorted N-Quads, in bounded memory at any size: the syntaxes
     * with named graphs as the quads are read ({@link #stream(InputStream, DumpFormat, OutputStream)}),
     * Turtle and RDF/XML sorted on disk in {@code spillDir} ({@link #streamUnion}).
     */
    public void streamAny(InputStream nquads, DumpFormat format, Path spillDir, OutputStream out) throws IOException {
        if (format.namedGraphs()) stream(nquads, format, out);
        else streamUnion(nquads, format, spillDir, QuadSorter.QUADS_IN_MEMORY, out);
    }

    /**
     * Writes the quads of an N-Quads stream as they are read, holding none of them. The
     * parser's own calls to start, finish and declare prefixes or a base do not reach the writer.
     */
    private void stream(InputStream nquads, OutputStream out, RDFFormat format) {
        StreamRDF stream = open(out, format);
        RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                stream.quad(quad);
            }
        });
        stream.finish();
    }

    private StreamRDF open(OutputStream out, RDFFormat format) {
        StreamRDF stream = format == RDFFormat.TRIG_BLOCKS ? TrigStream.open(out) : StreamRDFWriter.getWriterStream(out, format);
        stream.start();
        if (format != RDFFormat.NQUADS) prefixes.forEach(stream::prefix);
        return stream;
    }

    /**
     * Turtle or RDF/XML of the union of an N-Quads stream's graphs, each triple once: the
     * bytes of {@link #write}, sorted on disk in {@code spillDir} past {@code maxInMemory}
     * triples rather than held in memory (about 420 bytes of heap a quad).
     */
    public void streamUnion(InputStream nquads, DumpFormat format, Path spillDir, int maxInMemory, OutputStream out) throws IOException {
        if (format.namedGraphs()) throw new IllegalArgumentException(format.cliName() + " has named graphs: use stream");
        try (QuadSorter sorter = new QuadSorter(spillDir, maxInMemory)) {
            RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    // One graph for all: the sorter then drops a triple stated in several graphs.
                    sorter.add(Quad.create(Quad.defaultGraphIRI, quad.asTriple()));
                }
            });
            try (TripleSink sink = triples(format, out)) {
                sorter.forEachSorted(IoConsumer.unchecked(quad -> sink.accept(quad.asTriple())));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private TripleSink triples(DumpFormat format, OutputStream out) throws IOException {
        if (format == DumpFormat.RDFXML) return new RdfXmlStream(out, prefixes);
        StreamRDF stream = open(out, RDFFormat.TRIG_BLOCKS);
        return new TripleSink() {
            @Override
            public void accept(Triple triple) {
                stream.triple(triple);
            }

            @Override
            public void close() {
                stream.finish();
            }
        };
    }

    /** Turtle (TrigStream: Jena's TURTLE_BLOCKS is the TRIG_BLOCKS writer fed triples) or RDF/XML of the union. */
    private void writeTriples(List<Quad> sorted, DumpFormat format, OutputStream out) throws IOException {
        try (TripleSink sink = triples(format, out)) {
            for (Triple triple : distinctTriples(sorted)) sink.accept(triple);
        }
    }

    /** The triples of all graphs, each once, in subject order. */
    private static Set<Triple> distinctTriples(List<Quad> sorted) {
        // Each term formatted once, not at every comparison: terms repeat across thousands of triples.
        Map<Node, String> text = new HashMap<>();
        Function<Node, String> nt = node -> text.computeIfAbsent(node, NodeFmtLib::strNT);
        List<Triple> triples = new ArrayList<>(sorted.stream().map(Quad::asTriple).toList());
        triples.sort(Comparator.comparing((Triple t) -> nt.apply(t.getSubject()))
                .thenComparing(t -> nt.apply(t.getPredicate()))
                .thenComparing(t -> nt.apply(t.getObject())));
        return new LinkedHashSet<>(triples);
    }
}
