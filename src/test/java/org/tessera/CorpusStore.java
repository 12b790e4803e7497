package org.tessera;

import org.tessera.query.QueryLibrary;
import org.tessera.server.ServerSettings;
import org.tessera.server.TesseraServer;
import org.tessera.store.Store;
import org.tessera.store.StoreLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The committed corpus graph ({@code rdf/tessera.nq}) loaded into a real TDB2
 * store, once per test JVM: loading takes seconds, and the tests that share it
 * only read.
 */
public final class CorpusStore {
    public static final Path CORPUS_NQUADS = TestProjects.REPO.resolve("rdf/tessera.nq");
    private static Store store;

    private CorpusStore() {}

    public static synchronized Store get() {
        if (store == null) {
            try {
                Store loaded = new Store(TestProjects.folderForThisJvm("tessera-corpus-db"));
                new StoreLoader(loaded, line -> { }).load(List.of(CORPUS_NQUADS));
                store = loaded;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return store;
    }

    /** A server over the corpus store on a free loopback port, with the curated queries and default limits. */
    public static TesseraServer startServer() {
        return TesseraServer.start(new ServerSettings(get(), new QueryLibrary(TestProjects.REPO.resolve("queries")), true, 0, "tessera"));
    }
}
