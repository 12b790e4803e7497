package org.tessera.cli;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CliRunner;
import org.tessera.TestProjects;
import org.tessera.Tools;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store or endpoint that refuses a request, answers an error, or is not there: one line that
 * says so, and exit code 4. A file to push that does not parse: its line, exit code 3, nothing sent.
 */
class RemoteFailureTest {
    private static final String PROJECT = TestProjects.REPO.toString();

    @Test
    void aStoreThatRefusesWritesIsNamedWithItsAnswer() {
        FusekiServer readOnly = FusekiServer.create().port(0).loopback(true).add("/ro", DatasetGraphFactory.createTxnMem(), false).build().start();
        try {
            String endpoint = "http://127.0.0.1:" + readOnly.getHttpPort() + "/ro/data";
            CliRunner push = CliRunner.run("push", "--project", PROJECT, "--endpoint", endpoint);
            assertEquals(ExitCodes.REMOTE_FAILURE, push.exitCode(), push.err());
            assertTrue(push.err().startsWith("The PUT of https://w3id.org/tessera/is/graph/ontology to " + endpoint
                    + " failed: HTTP 405 Method Not Allowed"), push.err());
            assertOneLine(push.err());

            String missing = "http://127.0.0.1:" + readOnly.getHttpPort() + "/none/sparql";
            CliRunner query = CliRunner.run("query", "actor-timeline", "--project", PROJECT, "--endpoint", missing);
            assertEquals(ExitCodes.REMOTE_FAILURE, query.exitCode(), query.err());
            assertTrue(query.err().startsWith("The query to " + missing + " failed: HTTP 404"), query.err());
            assertOneLine(query.err());
        } finally {
            readOnly.stop();
        }
    }

    @Test
    void anEndpointWhereNothingListensIsSaidSo() throws Exception {
        String endpoint = "http://127.0.0.1:" + Tools.freePort() + "/kg/sparql";
        CliRunner query = CliRunner.run("query", "actor-timeline", "--project", PROJECT, "--endpoint", endpoint);
        assertEquals(ExitCodes.REMOTE_FAILURE, query.exitCode(), query.err());
        assertEquals("The query to " + endpoint + " failed: could not connect (is the server running, and the address right?)",
                query.err().strip());
    }

    @Test
    void aFileThatDoesNotParseIsNamedWithItsLineAndNothingIsSent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.nq");
        Files.writeString(file, "<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g1> .\n<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g2> <urn:x:extra> .\n");
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        FusekiServer store = FusekiServer.create().port(0).loopback(true).add("/kg", dataset, true).build().start();
        try {
            CliRunner push = CliRunner.run("push", "--project", PROJECT, "--from", file.toString(),
                    "--endpoint", "http://127.0.0.1:" + store.getHttpPort() + "/kg/data");
            assertEquals(ExitCodes.INVALID_INPUT, push.exitCode(), push.err());
            assertTrue(push.err().startsWith(file + ": ") && push.err().contains("line: 2"), push.err());
            assertTrue(push.err().strip().endsWith("nothing was sent"), push.err());
            assertOneLine(push.err());
            assertEquals(0L, Txn.calculateRead(dataset, () -> dataset.stream().count()), "the graph before the bad line was not sent either");
        } finally {
            store.stop();
        }
    }

    private static void assertOneLine(String err) {
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }
}
