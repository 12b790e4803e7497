package org.tessera.export.graph;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.SortedDataBag;
import org.apache.jena.atlas.data.ThresholdPolicyCount;
import org.apache.jena.atlas.iterator.PeekIterator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVars;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionEnvBase;
import org.apache.jena.sparql.util.NodeCmp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Runs a {@code SELECT ... GROUP BY} query with its rows sorted on disk instead of grouped in
 * memory. Jena's GROUP BY hashes every group, with its accumulators, until the last row is read:
 * the largest part of an export's heap (a binding and its accumulators for every node and edge).
 * Here the rows of the query's pattern go into Jena's {@link SortedDataBag}, sorted by the group
 * key and spilled to disk past a number of rows, and each run of rows with one key is folded by
 * the query's own accumulators, then projected as the query says. So the groups and their values
 * are Jena's, one group is in memory at a time, and the groups come out in the order of their keys
 * (RDF term order, {@link NodeCmp#compareRDFTerms}, an unbound key first).
 * <p>
 * Takes a query whose GROUP BY lists plain variables, without HAVING, ORDER BY, DISTINCT, LIMIT or
 * OFFSET, which an export query needs none of.
 */
final class SortedGroupBy {
    private final Query query;
    private final Query pattern;
    private final List<Var> keys;
    private final FunctionEnv env = new FunctionEnvBase();

    SortedGroupBy(String queryText) {
        this.query = QueryFactory.create(queryText);
        this.keys = keys(query);
        this.pattern = new Query(query.getPrologue());
        pattern.setQuerySelectType();
        pattern.setQueryPattern(query.getQueryPattern());
        needed(query).forEach(pattern::addResultVar);
    }

    /**
     * The groups' projected rows, in the order of the group keys. The query runs and its rows are
     * sorted when this is called; close the stream to remove the rows spilled to disk.
     */
    Stream<Binding> groups(Graph graph, long rowsInMemory) {
        return groups(graph, rowsInMemory, () -> false);
    }

    /**
     * As {@link #groups(Graph, long)}, stopping with a {@link CancellationException}, and removing
     * the rows read so far, at the first row read once {@code stop} is true.
     */
    Stream<Binding> groups(Graph graph, long rowsInMemory, BooleanSupplier stop) {
        if (stop.getAsBoolean()) throw new CancellationException("The export query was not run: its rows are no longer wanted");
        SortedDataBag<Binding> rows = BagFactory.newSortedBag(new ThresholdPolicyCount<>(rowsInMemory),
                new BindingSpillFormat(), byKey());
        try (QueryExec exec = QueryExec.graph(graph).query(pattern).build()) {
            exec.select().forEachRemaining(row -> {
                if (stop.getAsBoolean()) throw new CancellationException("The export query stopped: its rows are no longer wanted");
                rows.add(materialized(row));
            });
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        PeekIterator<Binding> sorted = PeekIterator.create(rows.iterator());
        return Pull.stream(() -> nextGroup(sorted)).onClose(rows::close);
    }

    /** The next group: the next row and those after it with equal keys, folded into one; null after the last. */
    private Binding nextGroup(PeekIterator<Binding> sorted) {
        if (!sorted.hasNext()) return null;
        Binding first = sorted.next();
        List<Accumulator> accumulators = newAccumulators();
        accumulate(accumulators, first);
        while (sorted.hasNext() && sameKey(first, sorted.peek())) accumulate(accumulators, sorted.next());
        return project(first, accumulators);
    }

    private void accumulate(List<Accumulator> accumulators, Binding row) {
        for (Accumulator accumulator : accumulators) accumulator.accumulate(row, env);
    }

    /**
     * The row with its values, not the database's ids and caches: a row from TDB2 holds a map of
     * ids and one of nodes, some ten times the room of its values while it waits in memory.
     */
    private static Binding materialized(Binding row) {
        BindingBuilder values = BindingBuilder.create();
        row.forEach(values::add);
        return values.build();
    }

    /** The variables the groups need: the keys and those the aggregates read. */
    private static Set<Var> needed(Query query) {
        Set<Var> needed = new LinkedHashSet<>(query.getGroupBy().getVars());
        for (ExprAggregator aggregator : query.getAggregators()) {
            ExprList exprs = aggregator.getAggregator().getExprList();
            if (exprs != null) needed.addAll(ExprVars.getVarsMentioned(exprs));
        }
        return needed;
    }

    private List<Accumulator> newAccumulators() {
        List<Accumulator> accumulators = new ArrayList<>();
        for (ExprAggregator aggregator : query.getAggregators()) {
            accumulators.add(aggregator.getAggregator().createAccumulator());
        }
        return accumulators;
    }

    /** The group's keys and aggregates, then each projected expression over them, as Jena's plan computes it. */
    private Binding project(Binding first, List<Accumulator> accumulators) {
        BindingBuilder group = BindingBuilder.create();
        for (Var key : keys) {
            Node value = first.get(key);
            if (value != null) group.add(key, value);
        }
        List<ExprAggregator> aggregators = query.getAggregators();
        for (int i = 0; i < aggregators.size(); i++) {
            NodeValue value = valueOf(accumulators.get(i));
            if (value != null) group.add(aggregators.get(i).getVar(), value.asNode());
        }
        Binding grouped = group.build();
        BindingBuilder row = BindingBuilder.create();
        VarExprList projection = query.getProject();
        for (Var var : projection.getVars()) {
            Node value = evaluate(projection.getExpr(var), var, grouped);
            if (value != null) row.add(var, value);
        }
        return row.build();
    }

    private Node evaluate(Expr expr, Var var, Binding grouped) {
        if (expr == null) return grouped.get(var);
        try {
            return expr.eval(grouped, env).asNode();
        } catch (ExprEvalException unbound) {
            return null;
        }
    }

    private static NodeValue valueOf(Accumulator accumulator) {
        try {
            return accumulator.getValue();
        } catch (ExprEvalException noValue) {
            return null;
        }
    }

    private boolean sameKey(Binding a, Binding b) {
        for (Var key : keys) {
            Node x = a.get(key);
            Node y = b.get(key);
            if (x == null ? y != null : !x.equals(y)) return false;
        }
        return true;
    }

    private Comparator<Binding> byKey() {
        return (a, b) -> {
            for (Var key : keys) {
                int c = compare(a.get(key), b.get(key));
                if (c != 0) return c;
            }
            return 0;
        };
    }

    private static int compare(Node x, Node y) {
        if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
        return NodeCmp.compareRDFTerms(x, y);
    }

    private static List<Var> keys(Query query) {
        if (!query.isSelectType() || !query.hasGroupBy() || query.hasHaving() || query.hasOrderBy()
                || query.isDistinct() || query.isReduced() || query.hasLimit() || query.hasOffset()) {
            throw new IllegalArgumentException("Not a plain SELECT ... GROUP BY query: " + query);
        }
        VarExprList groupBy = query.getGroupBy();
        for (Var key : groupBy.getVars()) {
            if (groupBy.getExpr(key) != null) {
                throw new IllegalArgumentException("GROUP BY takes plain variables here, not (" + groupBy.getExpr(key) + ")");
            }
        }
        return groupBy.getVars();
    }
}
