package org.tessera.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.tessera.TestProjects;

/** TrigStream writes the bytes that Jena's TRIG_BLOCKS stream writer writes, only faster. */
class TrigStreamTest {
    private static final Map<String, String> PREFIXES = Map.of(
            "tes", "https://w3id.org/tessera/ontology#", "ex", "http://example.org/");

    @Test
    void writesTheCorpusAsJenaWritesIt() {
        Dataset dataset = RDFDataMgr.loadDataset(TestProjects.REPO.resolve("rdf/tessera.trig").toString());
        List<Quad> quads = SortedQuads.of(dataset.asDatasetGraph());
        assertTrue(quads.size() > 10_000, "quads: " + quads.size());
        assertArrayEquals(viaJena(quads), viaTrigStream(quads));
    }

    /** Characters outside ASCII, most of them pairs of surrogates, across the 64k-character buffer's boundaries. */
    @Test
    void writesCharactersThatStraddleTheBufferAsJenaWritesThem() {
        Node graph = NodeFactory.createURI("http://example.org/g");
        Node predicate = NodeFactory.createURI("https://w3id.org/tessera/ontology#words");
        List<Quad> quads = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String text = "x".repeat(i % 7) + "\ud83d\ude00".repeat(100) + "\u0645\u0648\u0635\u0644 \"quoted\"\n";
            quads.add(Quad.create(graph, NodeFactory.createURI("http://example.org/s" + (1000 + i)), predicate,
                    NodeFactory.createLiteralLang(text, "ar")));
        }
        byte[] expected = viaJena(quads);
        int chars = new String(expected, StandardCharsets.UTF_8).length();
        assertTrue(chars > 4 * 65_536, "characters: " + chars);
        assertArrayEquals(expected, viaTrigStream(quads));
    }

    private static byte[] viaJena(List<Quad> quads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS), quads);
        return out.toByteArray();
    }

    private static byte[] viaTrigStream(List<Quad> quads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(TrigStream.open(out), quads);
        return out.toByteArray();
    }

    private static void write(StreamRDF stream, List<Quad> quads) {
        stream.start();
        PREFIXES.forEach(stream::prefix);
        quads.forEach(stream::quad);
        stream.finish();
    }
}
