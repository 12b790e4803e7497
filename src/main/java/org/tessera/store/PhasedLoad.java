package org.tessera.store;

import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutputs;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * TDB2's phased loader, the default of {@code tdb2.tdbloader}, over a new database.
 * A load that succeeds leaves the database connected: {@link StoreLoader} connects
 * again for the text index, gets this connection from TDB2's cache, and expels it
 * at the end, so the files are opened once.
 */
final class PhasedLoad {
    private PhasedLoad() {}

    static long load(Path tdb, List<Path> nquads) throws IOException {
        DatasetGraph database = DatabaseMgr.connectDatasetGraph(tdb.toString());
        boolean loaded = false;
        try {
            DataLoader loader = LoaderFactory.phasedLoader(database, MonitorOutputs.nullOutput());
            loader.startBulk();
            try (FullDiskWatch watch = FullDiskWatch.start(tdb)) {
                try {
                    for (Path file : nquads) {
                        try (InputStream in = Files.newInputStream(file)) {
                            loader.loadFromInputStream(file.toString(), in, Lang.NQUADS);
                        }
                    }
                    loader.finishBulk();
                } catch (RuntimeException | IOException e) {
                    loader.finishException(e);
                    watch.rethrowIfFired(e);
                    throw e;
                }
            }
            long count = loader.countQuads() + loader.countTriples();
            loaded = true;
            return count;
        } finally {
            if (!loaded) TDBInternal.expel(database);
        }
    }
}
