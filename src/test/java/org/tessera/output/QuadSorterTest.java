package org.tessera.output;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuadSorterTest {
    private static final String EX = "http://example.org/";

    @TempDir
    Path temp;

    /** Literals whose text is easy to get wrong: escapes, scripts beyond ASCII, datatypes, tags. */
    static final List<Node> TRICKY = List.of(
            NodeFactory.createLiteralString(""),
            NodeFactory.createLiteralString("a"),
            NodeFactory.createLiteralString("say \"hi\""),
            NodeFactory.createLiteralString("back\\slash \\n not a newline"),
            NodeFactory.createLiteralString("line\nbreak\r\nand\ttab"),
            NodeFactory.createLiteralString("مرحبا بالعالم"),
            NodeFactory.createLiteralString("emoji 🙂 and é"),
            NodeFactory.createLiteralString("bell \u0007 and line separator \u2028"),
            NodeFactory.createLiteralLang("a", "en"),
            NodeFactory.createLiteralLang("colour", "en-GB"),
            NodeFactory.createLiteralLang("مرحبا", "ar"),
            NodeFactory.createLiteralDirLang("مرحبا", "ar", "rtl"),
            NodeFactory.createLiteralDT("25000.0", XSDDatatype.XSDdecimal),
            NodeFactory.createLiteralDT("1.50", XSDDatatype.XSDdecimal),
            NodeFactory.createLiteralDT("-0.5", XSDDatatype.XSDdecimal),
            NodeFactory.createLiteralDT("1917-03-08", XSDDatatype.XSDdate),
            NodeFactory.createLiteralDT("42", XSDDatatype.XSDnonNegativeInteger),
            NodeFactory.createLiteralDT("POINT(44.4 33.3)", TypeMapper.getInstance().getSafeTypeByName(
                    "http://www.opengis.net/ont/geosparql#wktLiteral")),
            NodeFactory.createLiteralDT("0AFF", XSDDatatype.XSDhexBinary),
            NodeFactory.createLiteralDT("a", TypeMapper.getInstance().getSafeTypeByName(EX + "type")),
            NodeFactory.createURI(EX + "iri with space\\and \"quotes\" <>"),
            NodeFactory.createURI(EX + "ünïcödé/مرحبا/🙂"),
            NodeFactory.createBlankNode(),
            NodeFactory.createBlankNode("b1"),
            NodeFactory.createBlankNode("b10"),
            NodeFactory.createBlankNode("X-y_z.é"));

    @Test
    void spillsAndMergesToTheOrderOfSortedQuads() {
        List<Quad> quads = randomQuads(20_000, 1);
        try (QuadSorter sorter = new QuadSorter(temp, 1000)) {
            quads.forEach(sorter::add);
            List<Quad> sorted = sortedBy(sorter);
            assertTrue(sorter.spills() > 1, "spills: " + sorter.spills());
            assertSameList(SortedQuads.of(datasetOf(quads)), sorted);
        }
    }

    @Test
    void sortsInMemoryWithoutSpilling() throws IOException {
        List<Quad> quads = randomQuads(20_000, 2);
        try (QuadSorter sorter = new QuadSorter(temp, 1_000_000)) {
            quads.forEach(sorter::add);
            List<Quad> sorted = sortedBy(sorter);
            assertEquals(0, sorter.spills());
            assertEquals(List.of(), filesIn(temp), "an in-memory sort touches no disk");
            assertSameList(SortedQuads.of(datasetOf(quads)), sorted);
        }
    }

    @Test
    void mergesInRoundsWhenThereAreMoreThan64Spills() {
        List<Quad> quads = randomQuads(10_000, 3);
        try (QuadSorter sorter = new QuadSorter(temp, 50)) {
            quads.forEach(sorter::add);
            List<Quad> sorted = sortedBy(sorter);
            assertTrue(sorter.spills() > 2 * 64, "spills: " + sorter.spills()); // more than one round
            assertSameList(SortedQuads.of(datasetOf(quads)), sorted);
        }
    }

    @Test
    void runsAreUnlinkedAtOnceAndClosedByClose() throws IOException {
        QuadSorter sorter = new QuadSorter(temp, 50);
        randomQuads(10_000, 4).forEach(sorter::add);
        assertTrue(sorter.spills() > 64, "spills: " + sorter.spills());
        assertEquals(List.of(), filesIn(temp), "a killed sort would leave no run behind");
        long open = openRuns();
        assertTrue(open > 0 && open <= 64, "runs open: " + open);
        sorter.close(); // as when a convert stops on an error, before the merge
        assertEquals(0, openRuns(), "runs still open after close");
    }

    @Test
    void theMergeClosesEveryRun() throws IOException {
        try (QuadSorter sorter = new QuadSorter(temp, 100)) {
            randomQuads(1000, 5).forEach(sorter::add);
            assertTrue(openRuns() > 0);
            sortedBy(sorter);
            assertEquals(0, openRuns());
        }
    }

    @Test
    void trickyTermsComeBackFromDisk() {
        Node g = NodeFactory.createURI(EX + "g");
        Node p = NodeFactory.createURI(EX + "p");
        List<Quad> quads = new ArrayList<>();
        for (Node term : TRICKY) {
            assertEquals(term, QuadSorter.parse(NodeFmtLib.strNT(term)), NodeFmtLib.strNT(term));
            Node subject = term.isLiteral() ? NodeFactory.createURI(EX + "s") : term;
            quads.add(Quad.create(g, subject, p, term));
        }
        try (QuadSorter sorter = new QuadSorter(temp, 1)) { // every quad in a file of its own
            quads.forEach(sorter::add);
            List<Quad> sorted = sortedBy(sorter);
            assertEquals(quads.size(), sorter.spills());
            assertSameList(SortedQuads.of(datasetOf(quads)), sorted);
        }
    }

    @Test
    void refusesWhatASpillLineCannotCarry() {
        Node g = NodeFactory.createURI(EX + "g");
        Node s = NodeFactory.createURI(EX + "s");
        try (QuadSorter sorter = new QuadSorter(temp, 1)) {
            assertThrows(IllegalArgumentException.class,
                    () -> sorter.add(Quad.create(g, s, s, NodeFactory.createLiteralString("nul \u0000 inside"))));
            assertThrows(IllegalArgumentException.class, // Jena's label encoding keeps U+00FF at most
                    () -> sorter.add(Quad.create(g, NodeFactory.createBlankNode("مرحبا"), s, s)));
        }
    }

    @Test
    void nothingAddedGivesNothing() {
        try (QuadSorter sorter = new QuadSorter(temp, 10)) {
            assertEquals(List.of(), sortedBy(sorter));
        }
    }

    /** Quads drawn from small pools, so that many repeat, plus exact repeats of earlier quads. */
    private static List<Quad> randomQuads(int count, long seed) {
        Random random = new Random(seed);
        List<Node> graphs = List.of(NodeFactory.createURI(EX + "graph/a"), NodeFactory.createURI(EX + "graph/b"),
                NodeFactory.createURI(EX + "graph/a/sub"));
        List<Node> subjects = new ArrayList<>();
        for (int i = 0; i < 40; i++) subjects.add(NodeFactory.createURI(EX + "s" + i)); // s1 is a prefix of s10
        for (int i = 0; i < 12; i++) subjects.add(NodeFactory.createBlankNode("b" + i)); // and _:Bb1 of _:Bb10
        for (int i = 0; i < 4; i++) subjects.add(NodeFactory.createBlankNode());
        List<Node> predicates = new ArrayList<>();
        for (int i = 0; i < 8; i++) predicates.add(NodeFactory.createURI(EX + "p" + i));
        List<Node> objects = new ArrayList<>(TRICKY);
        objects.addAll(subjects.subList(0, 10));
        objects.addAll(subjects.subList(40, 46));
        for (int i = 0; i < 30; i++) objects.add(NodeFactory.createLiteralString("text " + i));

        List<Quad> quads = new ArrayList<>(count);
        while (quads.size() < count) {
            if (!quads.isEmpty() && random.nextInt(10) == 0) {
                quads.add(quads.get(random.nextInt(quads.size()))); // an exact duplicate, likely in another run
            } else {
                quads.add(Quad.create(pick(graphs, random), pick(subjects, random), pick(predicates, random),
                        pick(objects, random)));
            }
        }
        return quads;
    }

    private static Node pick(List<Node> nodes, Random random) {
        return nodes.get(random.nextInt(nodes.size()));
    }

    private static DatasetGraph datasetOf(List<Quad> quads) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        quads.forEach(dataset::add);
        return dataset;
    }

    private static List<Quad> sortedBy(QuadSorter sorter) {
        List<Quad> sorted = new ArrayList<>();
        sorter.forEachSorted(sorted::add);
        return sorted;
    }

    /** Names the first quad that differs, rather than printing two lists of thousands. */
    private static void assertSameList(List<Quad> expected, List<Quad> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++)
            assertEquals(expected.get(i), actual.get(i), "quad " + i);
        assertEquals(expected.size(), actual.size(), "count");
    }

    /** The run files this process holds open, deleted or not, read from Linux's {@code /proc/self/fd}. */
    private long openRuns() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return ""; // the descriptor that listed the folder, closed since
                }
            }).filter(target -> target.startsWith(temp.toString() + "/quadsort-")).count();
        }
    }

    /** Files and folders, at any depth. */
    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> !f.equals(dir)).toList();
        }
    }
}
