package org.tessera.server;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses queries that would make the server reach outside itself: SERVICE to
 * any address, and {@code java:} IRIs, which name Java classes that ARQ loads as
 * functions. (FROM names graphs of this dataset only; see {@link GuardedQueryService}.)
 */
final class QueryGuard {
    private QueryGuard() {}

    /** The reasons to refuse the query, empty when it may run. */
    static List<String> problems(Query query) {
        List<String> problems = new ArrayList<>();
        Op op = Algebra.compile(query);
        boolean[] service = {false};
        OpWalker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                service[0] = true;
            }
        });
        if (service[0]) problems.add("SERVICE is not allowed: this server makes no requests on a query's behalf");
        // The algebra prints every IRI in full, whatever prefixes the query declared.
        if (op.toString().contains("<java:")) problems.add("java: IRIs are not allowed: they name Java classes to load");
        return problems;
    }
}
