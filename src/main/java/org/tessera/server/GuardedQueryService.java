package org.tessera.server;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.tessera.query.QueryDeadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fuseki's query service with this server's limits: refused SERVICE and
 * {@code java:} IRIs, FROM only over graphs the dataset holds (nothing is ever
 * fetched), a row cap applied as a LIMIT, and budgeted regular expressions.
 * Fuseki reads the deadline from the request's context (the dataset's and the
 * server's), and a {@link QueryDeadline} of ours holds each query to it as well.
 */
final class GuardedQueryService extends SPARQL_QueryDataset {
    /** The deadline of the query this request thread runs: Fuseki makes and runs it on one thread. */
    private static final ThreadLocal<QueryDeadline.Watch> WATCH = new ThreadLocal<>();
    private final QueryLimits limits;

    GuardedQueryService(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        List<String> problems = QueryGuard.problems(query);
        if (!problems.isEmpty()) ServletOps.errorBadRequest(String.join("; ", problems));
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        DatasetGraph dataset = getDataset(action);
        List<String> described = new ArrayList<>(query.getGraphURIs());
        described.addAll(query.getNamedGraphURIs());
        for (String graph : described) {
            if (!dataset.containsGraph(NodeFactory.createURI(graph))) {
                ServletOps.errorBadRequest("FROM <" + graph + ">: no such graph in this dataset (nothing is fetched)");
            }
        }
        return super.decideDataset(action, query, queryStringLog);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        Query limited = limits.cap(SafeRegex.rewrite(query));
        QueryExec exec = super.createQueryExec(action, limited, dataset);
        deadline(action).flatMap(deadline -> QueryDeadline.watch(exec, deadline)).ifPresent(WATCH::set);
        return exec;
    }

    /** Runs the query, and then drops its deadline's task: the results have been sent by then. */
    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            super.execute(queryString, action);
        } finally {
            QueryDeadline.Watch watch = WATCH.get();
            WATCH.remove();
            if (watch != null) watch.close();
        }
    }

    /**
     * The deadline Fuseki gives this query: the one its context holds (the dataset's,
     * or the server's configuration), or the client's {@code timeout} if that is shorter.
     */
    private static Optional<Duration> deadline(HttpAction action) {
        return RequestDeadline.of(action.getContext().getAsString(ARQ.queryTimeout),
                action.getRequestParameter(HttpNames.paramTimeout));
    }
}
