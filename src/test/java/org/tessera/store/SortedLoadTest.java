package org.tessera.store;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.tessera.cli.ExitCodes;
import org.tessera.CliRunner;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sorted loader (TDB2's xloader, with GNU sort) builds the same database as the phased one. */
class SortedLoadTest {
    @TempDir Path dir;

    /** Every quad and triple of a generation, one N-Quads line each, sorted. */
    private static List<String> contents(Generation generation) {
        // The database itself, not as served: there the default graph is the union of the named graphs.
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(generation.tdb().toString());
        try {
            return Txn.calculateRead(dataset, () -> {
                List<String> lines = new ArrayList<>();
                // Each as its terms in N-Triples, space-separated: the graph's name last, for quads.
                dataset.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(
                        q -> lines.add(NodeFmtLib.strNodesNT(q.getSubject(), q.getPredicate(), q.getObject(), q.getGraph())));
                dataset.getDefaultGraph().find().forEachRemaining(
                        t -> lines.add(NodeFmtLib.strNodesNT(t.getSubject(), t.getPredicate(), t.getObject())));
                lines.sort(null);
                return lines;
            });
        } finally {
            TDBInternal.expel(dataset);
        }
    }

    private Generation load(String store, BulkLoader loader, Path... files) throws IOException {
        return new StoreLoader(new Store(dir.resolve(store)), loader, line -> { }).load(List.of(files)).generation();
    }

    @Test
    void theCorpusLoadsToTheSameQuadsAndTextIndexAsWithThePhasedLoader() throws IOException {
        Path corpus = Path.of("rdf/tessera.nq");
        Generation phased = load("phased", BulkLoader.PHASED, corpus);
        Generation sorted = load("sorted", BulkLoader.SORTED, corpus);

        List<String> expected = contents(phased);
        assertTrue(expected.size() > 10_000, "the corpus is loaded: " + expected.size());
        assertEquals(expected, contents(sorted));
        Manifest a = Manifest.read(phased.manifest()), b = Manifest.read(sorted.manifest());
        assertEquals(List.of(a.quads(), a.graphs(), a.textEntities()), List.of(b.quads(), b.graphs(), b.textEntities()));
        try (var files = Files.list(sorted.dir())) {
            // The N-Quads loaded may be kept as a link (LoadedNQuads): not a file of the sort.
            String kept = sorted.loadedNQuads().getFileName().toString();
            assertEquals(List.of("generation.json", "spatial.index", "tdb2", "text"),
                    files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(kept)).sorted().toList(),
                    "no temporary file of the sort is left");
        }
    }

    @Test
    void triplesOfTheDefaultGraphAndFilesNamedOtherwiseAreLoadedToo() throws IOException {
        Path data = dir.resolve("data.txt");
        Files.writeString(data, """
                <https://example.org/s> <https://example.org/p> "in the default graph" .
                <https://example.org/s> <https://example.org/p> "in a named graph" <https://example.org/g> .
                """, StandardCharsets.UTF_8);
        Generation sorted = load("sorted", BulkLoader.SORTED, data);
        assertEquals(List.of(
                "<https://example.org/s> <https://example.org/p> \"in a named graph\" <https://example.org/g>",
                "<https://example.org/s> <https://example.org/p> \"in the default graph\""), contents(sorted));
        assertEquals(2, Manifest.read(sorted.manifest()).quads());
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumnAndLeavesTheCurrentDataServed() throws IOException {
        Path good = dir.resolve("good.nq");
        Files.writeString(good, "<https://example.org/s> <https://example.org/p> \"ok\" <https://example.org/g> .\n");
        Path broken = dir.resolve("broken.nq");
        Files.writeString(broken, """
                <https://example.org/s> <https://example.org/p> "fine" <https://example.org/g> .
                <https://example.org/s> "a literal is no subject" <https://example.org/o> <https://example.org/g> .
                """, StandardCharsets.UTF_8);
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, BulkLoader.SORTED, line -> { });
        loader.load(List.of(good));

        IOException error = assertThrows(IOException.class, () -> loader.load(List.of(broken)));
        assertTrue(error.getMessage().startsWith(broken + ":2:"), error.getMessage());
        assertEquals("gen-0001", store.current().orElseThrow().name());
        assertEquals(1, contents(store.current().orElseThrow()).size());
    }

    @Test
    void theLoadCommandTakesTheLoaderByName() throws IOException {
        Path input = dir.resolve("one.nq");
        Files.writeString(input, "<https://example.org/s> <https://example.org/p> \"x\" <https://example.org/g> .\n");
        String db = dir.resolve("db").toString();
        CliRunner sorted = CliRunner.run("load", "--loader", "sorted", "--db", db, input.toString());
        assertEquals(ExitCodes.OK, sorted.exitCode(), sorted.err());
        assertTrue(sorted.out().contains("(sorted loader, 0 text entries)"), sorted.out());
        CliRunner phased = CliRunner.run("load", "--db", db, input.toString());
        assertTrue(phased.out().contains("(phased loader, chosen for 0 MB of N-Quads and "), phased.out());

        CliRunner unknown = CliRunner.run("load", "--loader", "quick", "--db", db, input.toString());
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("expected one of [AUTO, PHASED, PACKED, SORTED]"), unknown.err());
    }
}
