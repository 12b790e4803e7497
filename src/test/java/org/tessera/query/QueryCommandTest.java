package org.tessera.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CliRunner;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.cli.ExitCodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tessera load} and {@code tessera query} from the command line. */
class QueryCommandTest {
    private static final String REPO = TestProjects.REPO.toString();

    @TempDir Path dir;

    private static String db() {
        return CorpusStore.get().dir().toString();
    }

    @Test
    void listShowsEveryCuratedQueryWithItsParameters() {
        CliRunner list = CliRunner.run("query", "--list", "--project", REPO);
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        assertTrue(list.out().contains("actor-timeline"), list.out());
        assertTrue(list.out().contains("--param actor=..."), list.out());
    }

    @Test
    void aCuratedQueryRunsWithAParameterInEachFormat() {
        String actor = "actor=https://w3id.org/tessera/is/actor/isis";
        CliRunner csv = CliRunner.run("query", "actor-timeline", "--param", actor, "--format", "csv", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.OK, csv.exitCode(), csv.err());
        assertTrue(csv.out().lines().count() > 2, csv.out());
        CliRunner json = CliRunner.run("query", "actor-timeline", "--param", actor, "--format", "json", "--project", REPO, "--db", db());
        assertTrue(json.out().contains("\"bindings\""), json.out());
        CliRunner table = CliRunner.run("query", "actor-timeline", "--param", actor, "--project", REPO, "--db", db());
        assertTrue(table.out().startsWith("-"), table.out());
        assertEquals(csv.out().lines().count() - 1, json.out().split("\"event\"\\s*:").length - 1,
                "the same rows in CSV and JSON");
    }

    @Test
    void aLimitGivesTheFirstRowsInTheQuerysOrder() {
        CliRunner all = CliRunner.run("query", "actor-aliases", "--format", "tsv", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.OK, all.exitCode(), all.err());
        List<String> rows = all.out().lines().toList();
        assertTrue(rows.size() > 10, all.out());
        CliRunner first = CliRunner.run("query", "actor-aliases", "--limit", "5", "--format", "tsv", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertEquals(rows.subList(0, 6), first.out().lines().toList(), "the header and the first five rows");

        CliRunner none = CliRunner.run("query", "actor-aliases", "--limit", "0", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains("--limit 0: give a number of rows, 1 or more"), none.err());
    }

    /** The command builds the spatial index only for a query that needs it, and this one does. */
    @Test
    void aSpatialQueryGivesItsExpectedRows() throws Exception {
        CliRunner near = CliRunner.run("query", "events-near-place", "--format", "tsv", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.OK, near.exitCode(), near.err());
        assertEquals(Files.readString(TestProjects.REPO.resolve("src/test/resources/curated-queries/events-near-place.tsv")), near.out());
    }

    @Test
    void anyQueryFileRunsAgainstAFreshlyLoadedProject() throws Exception {
        Path project = TestProjects.copy("minimal", dir);
        assertEquals(ExitCodes.OK, CliRunner.run("convert", "--project", project.toString()).exitCode());
        CliRunner load = CliRunner.run("load", "--project", project.toString());
        assertEquals(ExitCodes.OK, load.exitCode(), load.err());
        assertTrue(load.out().startsWith("Loaded "), load.out());
        Path file = dir.resolve("events.rq");
        Files.writeString(file, "# title: Events\n# description: every event of the project, by IRI\n"
                + "SELECT ?e WHERE { ?e a <https://w3id.org/tessera/ontology#Event> } ORDER BY ?e\n");
        CliRunner run = CliRunner.run("query", file.toString(), "--format", "tsv", "--project", project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("?e\n<"), run.out());

        // A user's own file needs no header: only the library's queries are documented.
        Path bare = dir.resolve("bare.rq");
        Files.writeString(bare, "SELECT ?e WHERE { ?e a <https://w3id.org/tessera/ontology#Event> } ORDER BY ?e\n");
        CliRunner bareRun = CliRunner.run("query", bare.toString(), "--format", "tsv", "--project", project.toString());
        assertEquals(ExitCodes.OK, bareRun.exitCode(), bareRun.err());
        assertEquals(run.out(), bareRun.out());
    }

    @Test
    void aQueryFileThatDoesNotParseIsAUsageErrorNamingItsFileAndLine() throws Exception {
        Path broken = dir.resolve("broken.rq");
        Files.writeString(broken, "# title: Broken\nSELECT ?e\nWHERE { ?e a }\n");
        CliRunner run = CliRunner.run("query", broken.toString(), "--project", REPO, "--db", db());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().startsWith(broken + ": "), run.err());
        assertTrue(run.err().contains("line 3"), run.err());
        assertTrue(!run.err().contains("Internal error"), run.err());

        Path project = TestProjects.copy("minimal", dir);
        Files.createDirectories(project.resolve("queries"));
        Files.writeString(project.resolve("queries/untitled.rq"), "SELECT * WHERE { ?s ?p ?o }\n");
        CliRunner list = CliRunner.run("query", "--list", "--project", project.toString());
        assertEquals(ExitCodes.USAGE, list.exitCode(), list.err());
        assertTrue(list.err().contains("untitled.rq: no '# title:' line in the header"), list.err());
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatIsWrong() {
        CliRunner unknown = CliRunner.run("query", "no-such-query", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("No query 'no-such-query'"), unknown.err());

        CliRunner badParam = CliRunner.run("query", "actor-timeline", "--param", "colour=red", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.USAGE, badParam.exitCode());
        assertTrue(badParam.err().contains("has no parameter 'colour'"), badParam.err());

        CliRunner badIri = CliRunner.run("query", "actor-timeline", "--param", "actor=not an iri", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.USAGE, badIri.exitCode());
        assertTrue(badIri.err().contains("Not an absolute IRI"), badIri.err());

        CliRunner badFormat = CliRunner.run("query", "actor-timeline", "--format", "xlsx", "--project", REPO, "--db", db());
        assertEquals(ExitCodes.USAGE, badFormat.exitCode());
        assertTrue(badFormat.err().contains("Unknown format 'xlsx'"), badFormat.err());

        CliRunner noData = CliRunner.run("query", "actor-timeline", "--project", REPO, "--db", dir.resolve("empty").toString());
        assertEquals(ExitCodes.USAGE, noData.exitCode());
        assertTrue(noData.err().contains("No loaded data"), noData.err());
    }
}
