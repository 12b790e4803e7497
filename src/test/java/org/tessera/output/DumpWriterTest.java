package org.tessera.output;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CorpusStore;
import org.tessera.vocabulary.Namespaces;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dumps written as the N-Quads are read give the bytes of the same dumps sorted in memory. */
class DumpWriterTest {
    static { JenaSystem.init(); }

    private static final String BASE = "https://w3id.org/tessera/is/";
    private final DumpWriter writer = new DumpWriter(Namespaces.prefixes(BASE), BASE);

    @TempDir Path spill;

    @ParameterizedTest(name = "{0} sorted on disk is {0} sorted in memory, and reads back as the union graph")
    @EnumSource(value = DumpFormat.class, names = {"TURTLE", "RDFXML"})
    void theUnionSortedOnDiskIsTheUnionSortedInMemory(DumpFormat format) throws IOException {
        DatasetGraph corpus = RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        ByteArrayOutputStream inMemory = new ByteArrayOutputStream(), onDisk = new ByteArrayOutputStream();
        writer.write(SortedQuads.of(corpus), format, inMemory);
        try (InputStream in = Files.newInputStream(CorpusStore.CORPUS_NQUADS)) {
            // A thousand triples at a time: the corpus's 36k spill to dozens of runs, merged.
            writer.streamUnion(in, format, spill, 1_000, onDisk);
        }
        assertArrayEquals(inMemory.toByteArray(), onDisk.toByteArray());
        try (Stream<Path> left = Files.list(spill)) {
            assertEquals(0, left.count(), "no run left behind");
        }
        Graph union = GraphFactory.createDefaultGraph();
        corpus.find().forEachRemaining(q -> union.add(q.asTriple()));
        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(onDisk.toByteArray())).lang(format.lang()).parse(back);
        assertTrue(union.isIsomorphicWith(back), format.cliName() + " reads back as the union of the graphs");
    }

    @Test
    void trigAndJsonLdFromAStreamAreTheDumpsSortedInMemory() throws IOException {
        DatasetGraph corpus = RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        for (DumpFormat format : new DumpFormat[] {DumpFormat.TRIG, DumpFormat.JSONLD}) {
            ByteArrayOutputStream inMemory = new ByteArrayOutputStream(), streamed = new ByteArrayOutputStream();
            writer.write(SortedQuads.of(corpus), format, inMemory);
            try (InputStream in = Files.newInputStream(CorpusStore.CORPUS_NQUADS)) {
                writer.stream(in, format, streamed);
            }
            assertArrayEquals(inMemory.toByteArray(), streamed.toByteArray(), format.cliName());
        }
    }
}
