package org.tessera;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
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
import org.tessera.cli.ExitCodes;
import org.tessera.linkeddata.ContextLoader;
import org.tessera.output.DumpFormat;
import org.tessera.support.Sha256;
import org.tessera.vocabulary.Terms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Labels, names, quotes and literals with double and single quotes, backslashes,
 * newlines, tabs and non-Latin scripts (Arabic, Cyrillic, Chinese, emoji) come
 * back exactly from every dump: rdf/tessera.trig and rdf/tessera.nq parse to the
 * same graph with Jena, raptor's rapper and Python's rdflib, and so do the
 * exports in every RDF syntax. The quotes are found in a corpus text with those
 * characters, with their offsets in code points.
 */
class RoundTripTest {
    /** The corpus text: quotes, a backslash path, Arabic, Chinese, emoji (one just before a quote's context), tabs. */
    static final String CORPUS = String.join("\n",
            "The spokesman said \"we will not leave\" and C:\\path\\to\\file was found.",
            "تنظيم الدولة الإسلامية في العراق والشام أعلن ذلك.",
            "在叙利亚的伊斯兰国 🏳️‍🌈 fighters.",
            "🙂0123456789012345678901234567890The group's 'single' quote\tand a tab.",
            "声明は\u3000全角スペースで区切られている。",
            "");

    static final String LABEL = "Said \"we will not leave\" — back\\slash\nsecond line\tand a tab";
    static final String ARABIC = "إعلان الدولة الإسلامية";
    static final String CHINESE = "伊斯兰国宣布 🙂";
    static final String NAME = "Ахмед «Quote» 'single' \"double\" \\ end\nline two";
    static final List<String> ALIASES = List.of("داعش", "伊斯兰国", "🏴‍☠️", "a\\\"b");
    static final List<String> QUOTES = List.of(
            "said \"we will not leave\" and C:\\path\\to\\file",
            "الدولة الإسلامية في العراق والشام",
            "伊斯兰国 🏳️‍🌈 fighters",
            "The group's 'single' quote\tand",
            "was found.\nتنظيم",
            "声明は\u3000全角スペース");

    @TempDir
    static Path temp;
    static Path project;
    static DatasetGraph written;

    @BeforeAll
    static void convert() throws IOException {
        project = TestProjects.copy("minimal", temp);
        byte[] corpus = CORPUS.getBytes(StandardCharsets.UTF_8);
        Files.write(project.resolve("corpus/unicode.txt"), corpus);
        ObjectMapper json = new ObjectMapper();
        // The actor in JSON, the source in YAML: both readers.
        Files.writeString(project.resolve("annotations/unicode-actors.json"), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(java.util.Map.of("actors", List.of(java.util.Map.of(
                        "id", "spokesman", "name", NAME, "kind", "person", "aliases", ALIASES,
                        "description", "Tabs\tand \"quotes\" \\ in a description")))));
        StringBuilder yaml = new StringBuilder();
        yaml.append("source:\n  id: unicode\n  title: ").append(yamlString("Unicode – «تجربة» 测试 🙂")).append('\n')
                .append("  kind: news-article\n  published: 2019-03-23\n  language: ar\n  corpus_file: unicode.txt\n")
                .append("  sha256: ").append(Sha256.of(corpus)).append("\n\nevents:\n");
        String[] labels = {LABEL, ARABIC, CHINESE, "Single 'quotes' and \\\\ two backslashes", "Across a line break",
                "An ideographic space (U+3000) in the quote"};
        for (int i = 0; i < QUOTES.size(); i++) {
            yaml.append("  - id: e").append(i).append("\n    type: declaration\n    label: ").append(yamlString(labels[i]))
                    .append("\n    participants:\n      - {actor: spokesman, role: speaker}\n    evidence:\n      - ")
                    .append(yamlString(QUOTES.get(i))).append('\n');
        }
        yaml.append("\nstatements:\n  - id: s1\n    speaker: spokesman\n    kind: direct\n    quote: ")
                .append(yamlString("we will not leave")).append("\n    date_phrase: ").append(yamlString("يوم السبت\t\"Saturday\"")).append('\n');
        Files.writeString(project.resolve("annotations/sources/unicode.yaml"), yaml.toString());
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        written = RDFDataMgr.loadDatasetGraph(project.resolve("rdf/tessera.nq").toString());
    }

    /** A YAML double-quoted scalar, escaped by hand (not by the code under test). */
    private static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    private static Set<String> strings(DatasetGraph dataset) {
        return dataset.stream().map(q -> q.getObject()).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .collect(Collectors.toSet());
    }

    private static List<String> expectedStrings() {
        List<String> all = new java.util.ArrayList<>(List.of(LABEL, ARABIC, CHINESE, NAME, "يوم السبت\t\"Saturday\"",
                "Tabs\tand \"quotes\" \\ in a description", "Unicode – «تجربة» 测试 🙂"));
        all.addAll(ALIASES);
        all.addAll(QUOTES);
        return all;
    }

    @Test
    void everyStringComesBackExactlyFromTriGAndNQuads() {
        DatasetGraph trig = RDFDataMgr.loadDatasetGraph(project.resolve("rdf/tessera.trig").toString());
        assertTrue(IsoMatcher.isomorphic(written, trig), "TriG and N-Quads hold the same graph");
        for (DatasetGraph dataset : List.of(written, trig)) {
            Set<String> strings = strings(dataset);
            for (String expected : expectedStrings()) {
                assertTrue(strings.contains(expected), () -> "lost or changed on the way: «" + expected + "»");
            }
        }
    }

    @Test
    void quoteOffsetsAreCodePointsAndTheContextKeepsEmojiWhole() {
        Set<String> exact = new HashSet<>();
        written.find(Node.ANY, Node.ANY, Terms.OA_EXACT, Node.ANY).forEachRemaining(q -> exact.add(q.getObject().getLiteralLexicalForm()));
        assertTrue(exact.containsAll(QUOTES), "every quote's exact text: " + exact);
        // The quote after the emoji line: its 32-character prefix would start in the middle of 🙂.
        String quote = QUOTES.get(3);
        int start = CORPUS.codePointCount(0, CORPUS.indexOf(quote));
        var starts = new HashSet<Integer>();
        written.find(Node.ANY, Node.ANY, Terms.OA_START, Node.ANY).forEachRemaining(q -> starts.add(((Number) q.getObject().getLiteralValue()).intValue()));
        assertTrue(starts.contains(start), "start of the quote in code points: " + start + " in " + starts);
        // Every exact text, prefix and suffix stands in the corpus as it is: none is cut inside a character.
        for (Node p : List.of(Terms.OA_EXACT, Terms.OA_PREFIX, Terms.OA_SUFFIX)) {
            written.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                String s = q.getObject().getLiteralLexicalForm();
                if (q.getGraph().getURI().endsWith("/unicode")) {
                    assertTrue(CORPUS.contains(s), () -> p.getLocalName() + " «" + s + "» is not a part of the corpus text");
                }
            });
        }
        written.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isLiteral()) {
                String s = q.getObject().getLiteralLexicalForm();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                    else assertTrue(!Character.isSurrogate(c), () -> "a lone surrogate in «" + s + "»");
                }
            }
        });
    }

    @Test
    void rapperReadsTheSameGraphFromTriGAndNQuads() throws Exception {
        for (String[] dump : new String[][] {{"tessera.nq", "nquads"}, {"tessera.trig", "trig"}}) {
            String nquads = Tools.run(project, List.of("rapper", "-q", "-i", dump[1], "-o", "nquads",
                    project.resolve("rdf").resolve(dump[0]).toString()));
            DatasetGraph back = DatasetGraphFactory.create();
            RDFParser.fromString(nquads, Lang.NQUADS).parse(back);
            assertTrue(IsoMatcher.isomorphic(written, back), "rapper reads " + dump[0] + " as written");
        }
    }

    /**
     * rdflib reads the TriG dump exactly. Its N-Quads parser before 6.2.0 unescapes
     * a backslash twice (an escaped backslash before "to" becomes a backslash and a tab:
     * RDFLib/rdflib#1663, fixed in 6.2.0), so with an older rdflib the N-Quads dump
     * must match except in literals that hold a backslash.
     */
    @Test
    void rdflibReadsTheSameGraphAndTheSameStrings() throws Exception {
        String script = """
                import sys, json, rdflib
                for path, fmt in ((sys.argv[1], 'trig'), (sys.argv[2], 'nquads')):
                    d = rdflib.Dataset(); d.parse(path, format=fmt)
                    quads = [q for q in d.quads((None, None, None, None)) if q[3] is not None]
                    literals = sorted({str(q[2]) for q in quads if isinstance(q[2], rdflib.Literal)})
                    print(json.dumps({'version': rdflib.__version__, 'count': len(quads), 'literals': literals}))
                    open(path + '.rdflib.nq', 'w', encoding='utf-8').write(d.serialize(format='nquads'))
                """;
        String out = Tools.run(project, List.of("/usr/bin/python3", "-c", script,
                project.resolve("rdf/tessera.trig").toString(), project.resolve("rdf/tessera.nq").toString()));
        ObjectMapper json = new ObjectMapper();
        long count = written.stream().count();
        String[] lines = out.strip().split("\n");
        String[] dumps = {"tessera.trig", "tessera.nq"};
        for (int i = 0; i < dumps.length; i++) {
            var result = json.readTree(lines[i]);
            String[] version = result.get("version").asText().split("\\.");
            boolean escapesFixed = Integer.parseInt(version[0]) > 6 || (Integer.parseInt(version[0]) == 6 && Integer.parseInt(version[1]) >= 2);
            boolean strict = i == 0 || escapesFixed;
            String dump = dumps[i];
            assertEquals(count, result.get("count").asLong(), "rdflib counts every quad of " + dump);
            Set<String> literals = new HashSet<>();
            result.get("literals").forEach(n -> literals.add(n.asText()));
            for (String expected : expectedStrings()) {
                if (!strict && expected.contains("\\")) continue;
                assertTrue(literals.contains(expected), () -> "rdflib lost or changed «" + expected + "» in " + dump);
            }
            if (strict) {
                DatasetGraph back = DatasetGraphFactory.create();
                RDFParser.source(project.resolve("rdf").resolve(dump + ".rdflib.nq")).lang(Lang.NQUADS).parse(back);
                assertTrue(IsoMatcher.isomorphic(written, back), "rdflib reads " + dump + " as written");
            }
        }
    }

    @ParameterizedTest(name = "the {0} export parses back to the same graph")
    @EnumSource(DumpFormat.class)
    void everyExportParsesBackToTheSameGraph(DumpFormat format) throws IOException {
        Path out = temp.resolve("export." + format.extension());
        CliRunner run = CliRunner.run("export", "--project", project.toString(), "--format", format.cliName(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        if (format.namedGraphs()) {
            DatasetGraph back = DatasetGraphFactory.create();
            RDFParser.source(out).lang(format.lang()).context(ContextLoader.jenaContext()).parse(back);
            assertTrue(IsoMatcher.isomorphic(written, back), format + " round trip");
            assertTrue(strings(back).containsAll(expectedStrings()), format + " keeps every string");
        } else {
            Graph union = GraphFactory.createDefaultGraph();
            written.find().forEachRemaining(q -> union.add(q.asTriple()));
            Graph back = GraphFactory.createDefaultGraph();
            RDFParser.source(out).lang(format.lang()).context(ContextLoader.jenaContext()).parse(back);
            assertTrue(union.isIsomorphicWith(back), format + " round trip of the union graph");
        }
    }
}
