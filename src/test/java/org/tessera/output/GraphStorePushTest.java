package org.tessera.output;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GraphStorePush} against a real Fuseki's Graph Store Protocol endpoint, in this process. */
class GraphStorePushTest {
    private static final Node G1 = NodeFactory.createURI("urn:x:g1"), G2 = NodeFactory.createURI("urn:x:g2");

    @TempDir Path dir;

    private static Triple triple(String name) {
        return Triple.create(NodeFactory.createURI("urn:x:" + name), NodeFactory.createURI("urn:x:p"), NodeFactory.createLiteralString(name));
    }

    @Test
    void eachGraphReplacesItsNamesakeAndAGraphThatComesBackIsAddedTo() throws Exception {
        DatasetGraph store = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(store, () -> store.getGraph(G1).add(triple("old")));
        FusekiServer server = FusekiServer.create().port(0).loopback(true).add("/kg", store, true).build().start();
        Path input = dir.resolve("in.nq");
        Files.writeString(input, String.join("\n",
                "<urn:x:t1> <urn:x:p> \"t1\" <urn:x:g1> .",
                "<urn:x:t2> <urn:x:p> \"t2\" <urn:x:g1> .",
                "<urn:x:t3> <urn:x:p> \"t3\" <urn:x:g2> .",
                "<urn:x:t4> <urn:x:p> \"t4\" <urn:x:g1> .",
                "<urn:x:t5> <urn:x:p> \"t5\" .", ""));
        Set<Path> tempBefore = pushFiles();
        List<String> progress = new ArrayList<>();
        try {
            GraphStorePush.Sent sent = GraphStorePush.push(input, "http://127.0.0.1:" + server.getHttpPort() + "/kg/data", progress::add);
            assertEquals(new GraphStorePush.Sent(2, 4, 1), sent);
        } finally {
            server.stop();
        }
        assertEquals(List.of("PUT urn:x:g1 (2 triples)", "PUT urn:x:g2 (1 triples)", "POST urn:x:g1 (1 triples more)"), progress);
        Txn.executeRead(store, () -> {
            assertEquals(Set.of(triple("t1"), triple("t2"), triple("t4")), store.getGraph(G1).find().toSet(), "replaced, then added to");
            assertEquals(Set.of(triple("t3")), store.getGraph(G2).find().toSet());
            assertTrue(store.getDefaultGraph().isEmpty(), "the default graph is not sent");
        });
        assertEquals(tempBefore, pushFiles(), "no temporary file left");
    }

    private static Set<Path> pushFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("push-")).collect(Collectors.toSet());
        }
    }
}
