package org.tessera.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.TestProjects;
import org.tessera.support.NQuadsText;
import org.tessera.vocabulary.Namespaces;

/** TrigStream writes the bytes that Jena's TRIG_BLOCKS stream writer writes, only faster. */
class TrigStreamTest {
    /** The prefixes a conversion of the corpus writes. */
    private static final Map<String, String> PREFIXES = Namespaces.prefixes("https://w3id.org/tessera/is/");

    @Test
    void writesTheCorpusAsJenaWritesIt() {
        Dataset dataset = RDFDataMgr.loadDataset(TestProjects.REPO.resolve("rdf/tessera.trig").toString());
        List<Quad> quads = SortedQuads.of(dataset.asDatasetGraph());
        assertTrue(quads.size() > 10_000, "quads: " + quads.size());
        assertArrayEquals(viaJena(quads), viaTrigStream(quads));
    }

    /** Fed triples, it writes the Turtle of Jena's TURTLE_BLOCKS writer, which the Turtle dump used. */
    @Test
    void writesTriplesAsJenasTurtleWriterDoes() {
        List<Quad> quads = SortedQuads.of(RDFDataMgr.loadDataset(TestProjects.REPO.resolve("rdf/tessera.trig").toString())
                .asDatasetGraph());
        ByteArrayOutputStream jena = new ByteArrayOutputStream();
        writeTriples(StreamRDFWriter.getWriterStream(jena, RDFFormat.TURTLE_BLOCKS), quads);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        writeTriples(TrigStream.open(ours), quads);
        String turtle = jena.toString(StandardCharsets.UTF_8);
        assertTrue(turtle.contains("PREFIX") && !turtle.contains("{"), "Turtle, no graph blocks");
        assertArrayEquals(jena.toByteArray(), ours.toByteArray());
    }

    private static void writeTriples(StreamRDF stream, List<Quad> quads) {
        stream.start();
        PREFIXES.forEach(stream::prefix);
        quads.forEach(q -> stream.triple(q.asTriple()));
        stream.finish();
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

    /**
     * More IRIs that a prefix abbreviates than the formatter caches (Wikidata's, as a large
     * corpus's actors and places have), then the vocabulary's again: the same bytes as Jena's.
     */
    @Test
    void writesManyAbbreviatedInstanceIrisAsJenaDoes() {
        Node graph = NodeFactory.createURI("https://w3id.org/tessera/is/graph/shared");
        Node sameAs = NodeFactory.createURI("http://www.w3.org/2002/07/owl#sameAs");
        Node label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        List<Quad> quads = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Node actor = NodeFactory.createURI("https://w3id.org/tessera/is/actor/a" + i);
            quads.add(Quad.create(graph, actor, sameAs, NodeFactory.createURI("http://www.wikidata.org/entity/Q" + i)));
            quads.add(Quad.create(graph, actor, label, NodeFactory.createLiteralString("actor " + i)));
        }
        String trig = new String(viaJena(quads), StandardCharsets.UTF_8);
        assertTrue(trig.contains("wd:Q9999") && trig.contains("rdfs:label"), "abbreviated by the prefixes");
        assertArrayEquals(viaJena(quads), viaTrigStream(quads));
    }

    /** A prefix given another namespace, and a BASE, in the middle of the stream: Jena's writer follows both. */
    @Test
    void followsPrefixesAndBaseThatComeMidStreamAsJenaDoes() {
        List<Quad> quads = SortedQuads.of(RDFDataMgr.loadDataset(TestProjects.REPO.resolve("rdf/tessera.trig").toString())
                .asDatasetGraph());
        List<Quad> first = quads.subList(0, 3000);
        List<Quad> second = quads.subList(3000, 6000);
        List<Quad> third = quads.subList(6000, 9000);
        byte[] expected = midStream(StreamRDFWriter::getWriterStream, first, second, third);
        assertTrue(new String(expected, StandardCharsets.UTF_8).contains("BASE"), "a BASE written");
        assertArrayEquals(expected, midStream((out, format) -> TrigStream.open(out), first, second, third));
    }

    /**
     * Graphs formatted apart ({@link TrigStream.GraphBlocks}, as the conversion's workers do) and
     * spliced among graphs the file's writer streams: the same bytes as Jena's writer streaming all.
     */
    @Test
    void graphsFormattedApartAndSplicedInWriteTheBytesJenaWrites(@TempDir Path dir) throws IOException {
        List<Quad> quads = SortedQuads.of(RDFDataMgr.loadDataset(TestProjects.REPO.resolve("rdf/tessera.trig").toString())
                .asDatasetGraph());
        Map<Node, List<Quad>> byGraph = byGraph(quads);
        assertTrue(byGraph.size() >= 6, "graphs: " + byGraph.size());
        String base = "https://w3id.org/tessera/is/";
        TrigStream.GraphBlocks blocks = new TrigStream.GraphBlocks(PREFIXES);
        int spliced = 0;
        try (DatasetWriter.GraphFiles files = new DatasetWriter(PREFIXES).open(dir, base)) {
            int i = 0;
            for (Map.Entry<Node, List<Quad>> graph : byGraph.entrySet()) {
                // Every other graph spliced, the first streamed: streamed after spliced and spliced after streamed.
                if (i++ % 2 == 1) {
                    files.graph(graph.getKey(), graph.getValue(), new byte[0], blocks.format(graph.getValue()));
                    spliced++;
                } else {
                    files.beginGraph(graph.getKey());
                    graph.getValue().forEach(q -> files.quad(q, new byte[0]));
                }
            }
            files.finish();
        }
        assertTrue(spliced >= 3, "spliced: " + spliced);
        assertArrayEquals(viaJena(quads), Files.readAllBytes(dir.resolve("tessera.trig")));
    }

    /**
     * Every graph cut into parts between subjects (of one subject up to a few hundred quads),
     * each part formatted alone and spliced in with {@link DatasetWriter.GraphFiles#graphPart},
     * among graphs spliced whole and graphs streamed: the same bytes as Jena's writer streaming
     * all, and the same N-Quads as the quads' lines.
     */
    @Test
    void graphsCutIntoPartsFormattedApartWriteTheBytesJenaWrites(@TempDir Path dir) throws IOException {
        List<Quad> quads = SortedQuads.of(RDFDataMgr.loadDataset(TestProjects.REPO.resolve("rdf/tessera.trig").toString())
                .asDatasetGraph());
        Map<Node, List<Quad>> byGraph = byGraph(quads);
        TrigStream.GraphBlocks blocks = new TrigStream.GraphBlocks(PREFIXES);
        Random random = new Random(11);
        int parted = 0;
        try (DatasetWriter.GraphFiles files = new DatasetWriter(PREFIXES).open(dir, "https://w3id.org/tessera/is/")) {
            int i = 0;
            for (Map.Entry<Node, List<Quad>> graph : byGraph.entrySet()) {
                List<Quad> graphQuads = graph.getValue();
                switch (i++ % 3) {
                    case 0 -> {
                        files.beginGraph(graph.getKey());
                        graphQuads.forEach(q -> files.quad(q, NQuadsText.line(q)));
                    }
                    case 1 -> files.graph(graph.getKey(), graphQuads, NQuadsText.lines(graphQuads), blocks.format(graphQuads));
                    default -> {
                        files.beginGraph(graph.getKey());
                        for (List<Quad> part : cutBetweenSubjects(graphQuads, random)) {
                            files.graphPart(part.size(), NQuadsText.lines(part), blocks.format(part));
                            parted++;
                        }
                    }
                }
            }
            files.finish();
        }
        assertTrue(parted >= 10, "parts: " + parted);
        assertArrayEquals(viaJena(quads), Files.readAllBytes(dir.resolve("tessera.trig")));
        assertArrayEquals(NQuadsText.lines(quads), Files.readAllBytes(dir.resolve("tessera.nq")));
    }

    @Test
    void aPartIsTheBlockOfOneNamedGraph() {
        TrigStream.GraphBlocks blocks = new TrigStream.GraphBlocks(PREFIXES);
        Node g = NodeFactory.createURI("https://w3id.org/tessera/is/graph/x");
        Quad quad = Quad.create(g, NodeFactory.createURI("https://example.org/s"), NodeFactory.createURI("https://example.org/p"),
                NodeFactory.createLiteralString("o"));
        byte[] block = blocks.format(List.of(quad));
        TrigStream.GraphPart part = TrigStream.GraphPart.of(block);
        String text = new String(block, StandardCharsets.UTF_8);
        assertEquals("\n<https://w3id.org/tessera/is/graph/x> {\n", text.substring(0, part.subjectsStart()));
        assertEquals("}\n", text.substring(part.closingStart()));
        assertThrows(IllegalArgumentException.class, () -> TrigStream.GraphPart.of("<s> <p> <o> .\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> TrigStream.GraphPart.of(new byte[0]));
    }

    /** Sorted quads grouped by graph, in their order. */
    private static Map<Node, List<Quad>> byGraph(List<Quad> quads) {
        Map<Node, List<Quad>> byGraph = new LinkedHashMap<>();
        quads.forEach(q -> byGraph.computeIfAbsent(q.getGraph(), g -> new ArrayList<>()).add(q));
        return byGraph;
    }

    /** A graph's quads in runs of whole subjects: one subject, or up to about 300 quads. */
    private static List<List<Quad>> cutBetweenSubjects(List<Quad> graph, Random random) {
        List<List<Quad>> parts = new ArrayList<>();
        List<Quad> part = new ArrayList<>();
        int size = 1 + random.nextInt(300);
        for (Quad q : graph) {
            if (part.size() >= size && !q.getSubject().equals(part.get(part.size() - 1).getSubject())) {
                parts.add(part);
                part = new ArrayList<>();
                size = 1 + random.nextInt(300);
            }
            part.add(q);
        }
        if (!part.isEmpty()) parts.add(part);
        return parts;
    }

    @Test
    void graphBlocksNeedThePrefixesTheyFollow() {
        assertThrows(IllegalArgumentException.class, () -> new TrigStream.GraphBlocks(Map.of()));
    }

    private static byte[] midStream(BiFunction<ByteArrayOutputStream, RDFFormat, StreamRDF> writer,
                                    List<Quad> first, List<Quad> second, List<Quad> third) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamRDF stream = writer.apply(out, RDFFormat.TRIG_BLOCKS);
        stream.start();
        PREFIXES.forEach(stream::prefix);
        first.forEach(stream::quad);
        stream.prefix("tes", "https://w3id.org/tessera/is/");
        second.forEach(stream::quad);
        stream.base("https://w3id.org/tessera/is/source/");
        third.forEach(stream::quad);
        stream.finish();
        return out.toByteArray();
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
