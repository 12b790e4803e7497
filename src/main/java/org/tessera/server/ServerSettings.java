package org.tessera.server;

import org.tessera.query.QueryLibrary;
import org.tessera.store.Store;

/**
 * How a server runs.
 *
 * @param loopbackOnly  listen on 127.0.0.1 only (the default); otherwise on every interface
 * @param port          0 picks a free port
 * @param datasetName   the dataset's path on the server, as in {@code /tessera/sparql}
 * @param limits        the deadline and caps every request is held to
 */
public record ServerSettings(Store store, QueryLibrary queries, boolean loopbackOnly, int port, String datasetName,
                             QueryLimits limits) {
    public static final String DEFAULT_DATASET = "tessera";
    public static final int DEFAULT_PORT = 3030;

    /** With the default limits. */
    public ServerSettings(Store store, QueryLibrary queries, boolean loopbackOnly, int port, String datasetName) {
        this(store, queries, loopbackOnly, port, datasetName, QueryLimits.DEFAULT);
    }
}
