package org.tessera.export;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tessera.CliRunner;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.export.graph.GraphExport;
import org.tessera.Tools;
import org.tessera.linkeddata.ContextLoader;
import org.tessera.linkeddata.JsonLdWriter;
import org.tessera.output.DumpFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full dumps of the corpus in every RDF syntax: each parses back to the same
 * graph, byte-identical on a second run, and independent parsers (jsonld.js,
 * N3.js, raptor) read them too.
 */
class RdfExportTest {
    private static final String REPO = TestProjects.REPO.toString();
    private static DatasetGraph corpus;
    private static Graph union;

    @TempDir Path dir;

    @BeforeAll
    static void readCorpus() {
        corpus = RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        union = GraphFactory.createDefaultGraph();
        corpus.find().forEachRemaining(q -> union.add(q.asTriple()));
    }

    private Path export(DumpFormat format, String name, boolean gzip) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("export", "--project", REPO, "--format", format.cliName(), "--out", out.toString()));
        if (gzip) args.add("--gzip");
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    @ParameterizedTest(name = "{0} parses back to the same graph, byte-identical on a second run")
    @EnumSource(DumpFormat.class)
    void everyDumpParsesBackToTheSameGraphAndIsStable(DumpFormat format) throws IOException {
        Path first = export(format, "a." + format.extension() + ".gz", true);
        Path second = export(format, "b." + format.extension() + ".gz", true);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "same data, same bytes");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(first))) {
            if (format.namedGraphs()) {
                DatasetGraph back = DatasetGraphFactory.create();
                RDFParser.source(in).lang(format.lang()).context(ContextLoader.jenaContext()).parse(back);
                assertTrue(IsoMatcher.isomorphic(corpus, back), format + " round trip");
            } else {
                Graph back = GraphFactory.createDefaultGraph();
                RDFParser.source(in).lang(format.lang()).context(ContextLoader.jenaContext()).parse(back);
                assertTrue(union.isIsomorphicWith(back), format + " round trip of the union graph");
            }
        }
    }

    @Test
    void jsonLdExpandedByJsonLdJsGivesTheSameDatasetAsTheNQuadsDump() throws Exception {
        Path jsonld = export(DumpFormat.JSONLD, "tessera.jsonld", false);
        Path context = dir.resolve("context.jsonld");
        Files.write(context, JsonLdWriter.contextBytes());
        String nquads = Tools.node("jsonld-to-nquads.mjs", jsonld.toString(), JsonLdWriter.CONTEXT_IRI, context.toString());
        DatasetGraph fromJs = DatasetGraphFactory.create();
        RDFParser.fromString(nquads, Lang.NQUADS).parse(fromJs);
        assertTrue(IsoMatcher.isomorphic(corpus, fromJs), "jsonld.js reads the same quads (" + fromJs.stream().count() + ")");
    }

    @Test
    void n3JsAndRaptorReadTheTurtleTriGAndRdfXml() throws Exception {
        Path turtle = export(DumpFormat.TURTLE, "tessera.ttl", false);
        Path trig = export(DumpFormat.TRIG, "tessera.trig", false);
        Path rdfxml = export(DumpFormat.RDFXML, "tessera.rdf", false);
        assertEquals(String.valueOf(union.size()), Tools.node("turtle-parse.mjs", turtle.toString(), "text/turtle").strip());
        assertEquals(String.valueOf(corpus.stream().count()), Tools.node("turtle-parse.mjs", trig.toString(), "application/trig").strip());
        String raptor = Tools.run(dir, List.of("rapper", "-q", "-i", "rdfxml", "-o", "ntriples", rdfxml.toString()));
        assertEquals(union.size(), raptor.lines().filter(l -> !l.isBlank()).count(), "rapper on RDF/XML");
    }

    @Test
    void graphToolFormatsGoThroughTheSameCommand() throws IOException {
        Path gexf = dir.resolve("timeline.gexf");
        String db = CorpusStore.get().dir().toString();
        CliRunner run = CliRunner.run("export", "--project", REPO, "--db", db, "--format", "gexf", "--view", "timeline", "--out", gexf.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(gexf).contains("mode=\"dynamic\""));
        CliRunner unsupported = CliRunner.run("export", "--project", REPO, "--db", db, "--format", "dot", "--view", "timeline",
                "--out", dir.resolve("t.dot").toString());
        assertEquals(2, unsupported.exitCode());
        assertTrue(unsupported.err().contains("cannot be written as dot"), unsupported.err());
    }

    @Test
    void aViewIsReadFromTheProjectsDatabaseLoadedFirstWhenItDoesNotHoldTheConvertedGraph() throws IOException {
        Path project = TestProjects.copy("minimal", dir);
        assertEquals(0, CliRunner.run("convert", "--project", project.toString()).exitCode());
        Path first = dir.resolve("first.gexf");
        CliRunner loading = CliRunner.run("export", "--project", project.toString(), "--format", "gexf", "--view", "full", "--out", first.toString());
        assertEquals(0, loading.exitCode(), loading.err());
        assertTrue(loading.out().startsWith("Loaded "), "rdf/ loaded into the database first: " + loading.out());
        assertTrue(Files.isDirectory(project.resolve(".tessera/db")), "the project's database, which query and serve use too");

        Path second = dir.resolve("second.gexf");
        CliRunner reading = CliRunner.run("export", "--project", project.toString(), "--format", "gexf", "--view", "full", "--out", second.toString());
        assertEquals(0, reading.exitCode(), reading.err());
        assertTrue(reading.out().startsWith("Wrote "), "the database holds rdf/ already: " + reading.out());

        Path inMemory = dir.resolve("memory.gexf");
        GraphExport.write(RDFDataMgr.loadDatasetGraph(project.resolve("rdf/tessera.nq").toString()), "gexf", "full", inMemory);
        assertArrayEquals(Files.readAllBytes(inMemory), Files.readAllBytes(first), "the same bytes as from the graph read into memory");
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void theNQuadsAndTrigDumpsAreTheConvertersFilesByteForByte() throws IOException {
        assertArrayEquals(Files.readAllBytes(TestProjects.REPO.resolve("rdf/tessera.nq")),
                Files.readAllBytes(export(DumpFormat.NQUADS, "copy.nq", false)));
        assertArrayEquals(Files.readAllBytes(TestProjects.REPO.resolve("rdf/tessera.trig")),
                Files.readAllBytes(export(DumpFormat.TRIG, "copy.trig", false)));
    }

    @Test
    void aBadFormatIsAUsageError() {
        CliRunner run = CliRunner.run("export", "--project", REPO, "--format", "xlsx", "--out", dir.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown format 'xlsx'"), run.err());
        assertTrue(!Files.exists(dir.resolve("x")));
    }
}
