package org.tessera.export.graph;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.tessera.CliRunner;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.cli.ExitCodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The datasets the export tests read, SPARQL over the union of their graphs for
 * the numbers an export must match (written apart from the export's own queries),
 * and a way to run the outside tools that read the files back.
 */
final class ExportFixtures {
    static final String PREFIXES = """
            PREFIX tes: <https://w3id.org/tessera/ontology#>
            PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <https://schema.org/>
            """;

    private static DatasetGraph corpus;

    private ExportFixtures() {}

    /** The committed corpus graph, rdf/tessera.nq, in memory. */
    static synchronized DatasetGraph corpus() {
        if (corpus == null) corpus = RDFDataMgr.loadDatasetGraph(CorpusStore.CORPUS_NQUADS.toString());
        return corpus;
    }

    /** The minimal fixture project, converted by the real command line. */
    static DatasetGraph minimal(Path temp) {
        Path project = TestProjects.copy("minimal", temp);
        CliRunner run = CliRunner.run("convert", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return RDFDataMgr.loadDatasetGraph(project.resolve("rdf/tessera.nq").toString());
    }

    /** The number a query's single variable ?n is bound to. */
    static long count(DatasetGraph dataset, String query) {
        try (QueryExec exec = QueryExec.graph(dataset.getUnionGraph()).query(PREFIXES + query).build()) {
            return Long.parseLong(exec.select().next().get("n").getLiteralLexicalForm());
        }
    }

    /** Runs a command, fails the test unless it exits with 0, and gives its standard output. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> String.join(" ", command) + " failed:\n" + err);
        return out;
    }
}
