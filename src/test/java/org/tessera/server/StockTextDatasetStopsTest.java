package org.tessera.server;

import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.store.Store;
import org.tessera.store.StoreLoader;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stock Fuseki of {@code fuseki/config.ttl}, built in this process with Tessera's module,
 * stopping many queries at once at its deadline: {@link ConcurrentDeadlineStopsTest} for the
 * configured {@code text:TextDataset}. Without the module's {@link TextIndexInContext}, 42-44
 * of the 64 read transactions stayed open: jena-text rolls its index back when a read
 * transaction aborts, and concurrent rollbacks fail. That text and spatial search still answer
 * through the module is checked on the stock server in a process of its own
 * ({@link StandaloneFusekiTest}).
 */
class StockTextDatasetStopsTest {

    @TempDir Path dir;

    @Test
    void queriesStoppedOnSeveralThreadsAtOnceLeaveNoTransactionOpen() throws Exception {
        Path database = dir.resolve(".tessera/db");
        new StoreLoader(new Store(database), line -> { }).load(List.of(CorpusStore.CORPUS_NQUADS));
        // Fuseki puts a configuration's server-level context (here the 100 ms deadline) into
        // ARQ's global context; the tests that run after this one in the JVM must not inherit it.
        Context global = ARQ.getContext().copy();
        FusekiServer server = FusekiServer.create().port(0).loopback(true)
                .fusekiModules(FusekiModules.create(new StockFusekiModule()))
                .parseConfig(configuration(database.resolve("current"), "100")).build().start();
        try {
            String sparql = "http://127.0.0.1:" + server.getHttpPort() + "/tessera/sparql";
            TransactionCoordinator transactions = TDBInternal.getTransactionCoordinator(
                    DatabaseMgr.connectDatasetGraph(database.resolve("current/tdb2").toString()));
            DeadlineStops.assertEachStoppedAndNoTransactionLeftOpen(sparql, transactions);
        } finally {
            server.stop();
            ARQ.getContext().clear();
            ARQ.getContext().putAll(global);
        }
    }

    /** {@code fuseki/config.ttl} with its paths made absolute under {@code generation} and the deadline {@code millis}. */
    private static Model configuration(Path generation, String millis) {
        Model config = ModelFactory.createDefaultModel();
        RDFDataMgr.read(config, TestProjects.REPO.resolve("fuseki/config.ttl").toString());
        replace(config, config.createProperty("http://jena.apache.org/2016/tdb#location"), generation.resolve("tdb2").toString());
        replace(config, config.createProperty("http://jena.apache.org/text#directory"), generation.resolve("text").toString());
        replace(config, config.createProperty("http://jena.apache.org/geosparql#spatialIndexFile"), generation.resolve("spatial.index").toString());
        Property value = config.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtValue");
        Statement deadline = config.listStatements(null, value, "60000").next();
        config.remove(deadline).add(deadline.getSubject(), value, millis);
        return config;
    }

    private static void replace(Model config, Property property, String path) {
        Statement statement = config.listStatements(null, property, (String) null).next();
        config.remove(statement).add(statement.getSubject(), property, path);
    }
}
