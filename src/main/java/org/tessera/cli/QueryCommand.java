package org.tessera.cli;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.tessera.pipeline.Project;
import org.tessera.query.CuratedQuery;
import org.tessera.query.ParameterBinder;
import org.tessera.query.QueryLibrary;
import org.tessera.query.QueryOutput;
import org.tessera.server.QueryLimits;
import org.tessera.store.ServedDataset;
import org.tessera.store.ServerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a curated query (a name from queries/) or any .rq file, against the local database or an endpoint.",
                "Parameters are bound as RDF terms in the query's VALUES clauses, never pasted into its text."},
        footer = {"", "Examples:", "  ./tessera query --list",
                "  ./tessera query actor-timeline --param actor=https://w3id.org/tessera/is/actor/isis",
                "  ./tessera query events-near-place --param km=50 --format csv",
                "  ./tessera query actor-aliases --limit 100",
                "  ./tessera query my-question.rq --endpoint http://127.0.0.1:3030/tessera/sparql"})
public final class QueryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME|FILE", arity = "0..1", description = "A query name from queries/, or a .rq file.")
    String name;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--limit", paramLabel = "N", description = {"At most N rows: the first N in the query's order.",
            "Up to 10,000 (the server's cap), the query keeps only those rows as it runs instead of sorting every row:",
            "the first rows of a long listing come in a fraction of its time."})
    Long limit;

    @Option(names = "--endpoint", paramLabel = "URL", description = "A SPARQL endpoint to query instead of the local database.")
    String endpoint;

    @Option(names = "--list", description = "List the curated queries with their parameters.")
    boolean list;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Project project = options.project();
        QueryLibrary library = new QueryLibrary(project.queries());
        QueryOutput output;
        Query query;
        // A header the library cannot read, or SPARQL Jena cannot parse, is the named file's mistake, not a bug.
        try {
            if (list || name == null) {
                for (CuratedQuery entry : library.all()) {
                    out.printf("%-36s %s%n", entry.name(), entry.title());
                    entry.parameters().forEach(p -> out.printf("%-36s   --param %s=...  %s%n", "", p.name(), p.description()));
                }
                return name == null && !list ? ExitCodes.USAGE : ExitCodes.OK;
            }
            Optional<CuratedQuery> curated = library.find(name);
            if (curated.isEmpty()) {
                err.println("No query '" + name + "' in " + library.dir() + " (run './tessera query --list'), and no such .rq file");
                return ExitCodes.USAGE;
            }
            output = QueryOutput.of(format);
            query = bound(curated.get(), library);
            if (limit != null) limited(query, limit);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        // Jena writes results to a byte stream; the command's output is a character stream.
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        var store = storeOptions.store(project);
        boolean askingServe = false;
        if (endpoint == null) {
            // The database is open in the serving process; ask that process.
            var running = ServerRecord.read(store);
            if (running.isPresent()) {
                endpoint = running.get().endpoint();
                askingServe = true;
                err.println("Asking the running server at " + endpoint);
                err.flush();
            }
        }
        if (endpoint != null) {
            long rows;
            try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).build()) {
                rows = output.write(exec, query, stream);
            } catch (QueryExceptionHTTP e) {
                err.println(RemoteFailure.describe(endpoint, e));
                return ExitCodes.REMOTE_FAILURE;
            }
            if (askingServe && mayBeCut(query, rows)) {
                err.println("The running server sends at most " + QueryLimits.DEFAULT.maxRows() + " rows an answer, and this one has "
                        + rows + ": there may be more. Stop './tessera serve' to get every row here, or give --limit N for the first N.");
            }
        } else {
            var generation = store.current();
            if (generation.isEmpty()) {
                err.println("No loaded data in " + store.dir() + ": run './tessera load' (or './tessera serve') first, or give --endpoint");
                return ExitCodes.USAGE;
            }
            // A --limit up to the server's cap keeps its rows in a heap, as the server does.
            QueryLimits.DEFAULT.keepOnlyTheRowsAnswered();
            try (ServedDataset dataset = ServedDataset.open(generation.get(), ServedDataset.needsSpatialIndex(query))) {
                Txn.executeRead(dataset.dataset(), () -> {
                    try (QueryExec exec = QueryExec.dataset(dataset.dataset()).query(query).build()) {
                        output.write(exec, query, stream);
                    }
                });
            }
        }
        out.print(stream.toString(StandardCharsets.UTF_8));
        out.flush();
        return ExitCodes.OK;
    }

    /** Whether a SELECT that the running server answered with {@code rows} rows may have had more, cut at the server's cap. */
    private static boolean mayBeCut(Query query, long rows) {
        long cap = QueryLimits.DEFAULT.maxRows();
        boolean asksAtMostTheCap = query.hasLimit() && query.getLimit() <= cap;
        return query.isSelectType() && rows >= cap && !asksAtMostTheCap;
    }

    /** The query with the parameters' values; a syntax error names the file, with Jena's line and column. */
    private Query bound(CuratedQuery curated, QueryLibrary library) {
        try {
            return ParameterBinder.bind(curated, params);
        } catch (QueryParseException e) {
            String file = name.endsWith(".rq") ? name : library.dir().resolve(name + ".rq").toString();
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The query with at most {@code rows} rows, as the server caps it. */
    private static void limited(Query query, long rows) {
        if (rows < 1) throw new IllegalArgumentException("--limit " + rows + ": give a number of rows, 1 or more");
        QueryLimits.atMost(query, rows);
    }
}
