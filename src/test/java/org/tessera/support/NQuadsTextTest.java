package org.tessera.support;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.tessera.output.SortedQuads;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NQuadsTextTest {
    /**
     * Random quads, in named graphs and in the default graph, with IRIs, blank nodes and
     * literals that need escaping or not, give the bytes of Jena's own N-Quads writer,
     * line by line ({@link NQuadsText#line}) and all at once ({@link NQuadsText#lines}), and sorted from a dataset
     * ({@link SortedQuads#withNQuads}), where graphs and subjects repeat from line to line.
     */
    @Test
    void writesWhatJenasNQuadsWriterWrites() {
        Random random = new Random(7);
        List<Node> subjects = new ArrayList<>();
        List<Node> graphs = new ArrayList<>(List.of(Quad.defaultGraphIRI, Quad.defaultGraphNodeGenerated));
        for (int i = 0; i < 200; i++) subjects.add(i % 7 == 0 ? NodeFactory.createBlankNode("b" + i) : iri(random));
        for (int i = 0; i < 8; i++) graphs.add(iri(random));
        List<Quad> quads = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Node subject = random.nextBoolean() ? subjects.get(random.nextInt(subjects.size())) : iri(random);
            Node object = switch (i % 4) {
                case 0 -> iri(random);
                case 1 -> NodeFactory.createLiteralString(TermTextTest.randomText(random, 0.05));
                case 2 -> NodeFactory.createLiteralLang(TermTextTest.randomText(random, 0.05), "en");
                default -> NodeFactory.createLiteralDT(String.valueOf(random.nextInt(1000)), XSDDatatype.XSDinteger);
            };
            Node predicate = random.nextBoolean() ? subjects.get(1 + random.nextInt(6)) : iri(random);
            quads.add(Quad.create(graphs.get(random.nextInt(graphs.size())), subject, predicate, object));
        }
        assertArrayEquals(jena(quads), lines(quads));
        assertArrayEquals(jena(quads), NQuadsText.lines(quads));
        DatasetGraph dataset = DatasetGraphFactory.create();
        quads.forEach(dataset::add);
        List<Quad> sorted = SortedQuads.of(dataset);
        SortedQuads.WithNQuads withNQuads = SortedQuads.withNQuads(dataset);
        assertEquals(sorted, withNQuads.quads());
        assertArrayEquals(jena(sorted), withNQuads.nquads());
        for (Quad quad : quads.subList(0, 500)) {
            assertEquals(new String(jena(List.of(quad)), StandardCharsets.UTF_8),
                    new String(NQuadsText.line(quad), StandardCharsets.UTF_8), quad::toString);
        }
    }

    /** The lines of {@link NQuadsText#line}, one after another. */
    private static byte[] lines(List<Quad> quads) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        quads.forEach(q -> lines.writeBytes(NQuadsText.line(q)));
        return lines.toByteArray();
    }

    private static Node iri(Random random) {
        return NodeFactory.createURI("https://example.org/" + TermTextTest.randomText(random, 0.02));
    }

    private static byte[] jena(List<Quad> quads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamRDF stream = StreamRDFWriter.getWriterStream(bytes, RDFFormat.NQUADS);
        stream.start();
        quads.forEach(stream::quad);
        stream.finish();
        return bytes.toByteArray();
    }
}
