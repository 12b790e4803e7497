package org.tessera.server;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiAutoModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.tessera.store.ServedPlans;

import java.util.Set;

/**
 * Gives a stock Fuseki server the query plans and limits of Tessera's own server when
 * {@code tessera.jar} is on its class path and it runs with {@code --modules=true}: Fuseki
 * finds this module through Java's {@code ServiceLoader} ({@code META-INF/services}).
 * <ul>
 *   <li>Every query endpoint runs {@link GuardedQueryService}: the row cap, SERVICE and
 *       {@code java:} IRIs refused, FROM over the dataset's own graphs only, budgeted
 *       regular expressions, and our own timer at the deadline the configuration sets
 *       ({@code arq:queryTimeout}), which stops what Jena 5.6.0's timer lets run on.</li>
 *   <li>Request bodies are held to the embedded server's size.</li>
 *   <li>Every dataset the configuration names gets {@link ServedPlans}, and an ORDER BY
 *       under the row cap keeps only its best rows (a top-N) instead of sorting them all.</li>
 *   <li>A read-only service over a {@code text:TextDataset} serves the database with the
 *       text index in its context ({@link TextIndexInContext}), as Tessera's server does,
 *       so that queries stopped at once leave no transaction open.</li>
 * </ul>
 * A query's rows are those of Jena's plans, up to the cap. Tessera's own server sets all of
 * this itself, and builds its Fuseki without such modules.
 */
public final class StockFusekiModule implements FusekiAutoModule {
    private final QueryLimits limits;

    /** With the embedded server's default limits; the deadline is the configuration's. */
    public StockFusekiModule() {
        this(QueryLimits.DEFAULT);
    }

    StockFusekiModule(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "Tessera query plans and limits";
    }

    /** Before Fuseki binds its endpoints to the operations' handlers, so the query endpoints take ours. */
    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        SafeRegex.register(limits.regexBudget().toNanos());
        builder.registerOperation(Operation.Query, new GuardedQueryService(limits))
                .addFilter("/*", new RequestSizeLimit(limits.maxRequestBytes()));
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        limits.keepOnlyTheRowsAnswered();
        for (DataAccessPoint configured : registry.accessPoints()) {
            DataAccessPoint point = TextIndexInContext.served(configured);
            if (point != configured) registry.put(point.getName(), point);
            DatasetGraph dataset = point.getDataService().getDataset();
            ServedPlans.apply(dataset);
            // In the server's own log, which a stock Fuseki prints at INFO.
            Fuseki.serverLog.info("Tessera's query plans for {}, at most {} rows an answer", point.getName(), limits.maxRows());
        }
    }
}
