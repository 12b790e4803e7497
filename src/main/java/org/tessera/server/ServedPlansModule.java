package org.tessera.server;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiAutoModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.tessera.store.ServedPlans;

/**
 * Gives a stock Fuseki server the query plans of Tessera's own server when
 * {@code tessera.jar} is on its class path: Fuseki finds this module through Java's
 * {@code ServiceLoader} ({@code META-INF/services}), and it applies {@link ServedPlans} to
 * every dataset the server's configuration names, and lets an ORDER BY with a LIMIT of up
 * to the embedded server's row cap keep only its best rows (a top-N) instead of sorting
 * them all. A query's rows are the same as under Jena's plans; only the work differs.
 * Tessera's own server sets these itself, and builds its Fuseki without such modules.
 */
public final class ServedPlansModule implements FusekiAutoModule {
    @Override
    public String name() {
        return "Tessera query plans";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        QueryLimits.DEFAULT.keepOnlyTheRowsAnswered();
        for (DataAccessPoint point : registry.accessPoints()) {
            DatasetGraph dataset = point.getDataService().getDataset();
            ServedPlans.apply(dataset);
            // In the server's own log, which a stock Fuseki prints at INFO.
            Fuseki.serverLog.info("Tessera's query plans for {}", point.getName());
        }
    }
}
