package org.tessera;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every output file is parsed by parsers that are not Jena: raptor's rapper and
 * Python's rdflib. They must find as many quads as we wrote. A missing tool
 * fails the test: CI installs both (see .ci/run).
 */
class InteropTest {
    @TempDir
    static Path temp;
    static Path rdf;

    @BeforeAll
    static void convert() {
        Path project = TestProjects.copy("minimal", temp);
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        rdf = project.resolve("rdf");
    }

    private static long lines(Path nquads) throws IOException {
        return Files.readAllLines(nquads).stream().filter(l -> !l.isBlank()).count();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        return Tools.run(TestProjects.REPO, command);
    }

    @Test
    void rapperCountsTheSameStatementsInTriGAndNQuads() throws Exception {
        long expected = lines(rdf.resolve("tessera.nq"));
        String nq = run(List.of("rapper", "-q", "-i", "nquads", "-o", "nquads", rdf.resolve("tessera.nq").toString()));
        assertEquals(expected, nq.lines().filter(l -> !l.isBlank()).count(), "rapper on N-Quads");
        String trig = run(List.of("rapper", "-q", "-i", "trig", "-o", "nquads", rdf.resolve("tessera.trig").toString()));
        assertEquals(expected, trig.lines().filter(l -> !l.isBlank()).count(), "rapper on TriG");
    }

    @Test
    void rdflibReadsTheSameDatasetFromTriGAndNQuads() throws Exception {
        long expected = lines(rdf.resolve("tessera.nq"));
        String script = """
                import sys, rdflib
                a = rdflib.Dataset(); a.parse(sys.argv[1], format='trig')
                b = rdflib.Dataset(); b.parse(sys.argv[2], format='nquads')
                # Compare graph names and terms, leaving out the empty default graph.
                qa = set(a.quads((None, None, None, None))); qb = set(b.quads((None, None, None, None)))
                print(len(qa), len(qb), qa == qb)
                """;
        String out = run(List.of("/usr/bin/python3", "-c", script, rdf.resolve("tessera.trig").toString(),
                rdf.resolve("tessera.nq").toString())).trim();
        assertEquals(expected + " " + expected + " True", out);
    }

    /**
     * The dataset's {@code dcat:version} is an order-free digest anyone can recompute from the
     * graph files: the sum, modulo 2^256, of the SHA-256 of every N-Quads line but the VoID graph's.
     */
    @Test
    void pythonRecomputesTheDatasetVersionFromTheGraphFiles() throws Exception {
        String script = """
                import sys, glob, hashlib, rdflib
                rdf = sys.argv[1]
                total, lines = 0, 0
                for name in sorted(glob.glob(rdf + '/graphs/*.nq')):
                    if name.endswith('/graph-void.nq'): continue
                    with open(name, 'rb') as f:
                        for line in f:
                            total += int.from_bytes(hashlib.sha256(line).digest(), 'big'); lines += 1
                void = rdflib.Dataset(); void.parse(rdf + '/graphs/graph-void.nq', format='nquads')
                stated = sorted(str(o) for s, p, o, g in void.quads((None, rdflib.URIRef('http://www.w3.org/ns/dcat#version'), None, None)))
                print(lines, 'sha256:%064x' % (total % 2**256), stated)
                """;
        String[] out = run(List.of("/usr/bin/python3", "-c", script, rdf.toString())).trim().split(" ", 3);
        assertEquals(String.valueOf(lines(rdf.resolve("tessera.nq")) - lines(rdf.resolve("graphs/graph-void.nq"))), out[0], "lines digested");
        assertEquals("['" + out[1] + "']", out[2], "dcat:version stated against recomputed");
    }
}
