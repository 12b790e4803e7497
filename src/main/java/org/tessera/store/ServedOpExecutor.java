package org.tessera.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.optimize.TransformFilterPlacement;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterFilterExpr;
import org.apache.jena.sparql.engine.iterator.QueryIterPeek;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.iterator.QueryIterOptionalIndex;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.mgt.Explain;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.solver.QC2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.GraphTDB;

/**
 * TDB2's executor, with a sort ({@link QueryIterKeyedSort}) and a top-N
 * ({@link QueryIterKeyedTopN}) that work each row's sort keys out once, and basic graph
 * patterns matched through {@link SubjectTuples}, which reads a subject's tuples once for
 * all the patterns on it. The patterns are ordered, and the filters placed among them, as
 * TDB2 does. An {@code OPTIONAL} that Jena runs for each row of what it follows (a
 * conditional) counts its patterns on a subject toward reading that subject whole in what
 * it follows: an event's label and source, then its date and place in optionals, are one
 * read rather than four lookups.
 */
final class ServedOpExecutor extends OpExecutorTDB2 {
    static final OpExecutorFactory FACTORY = execCxt -> new ServedOpExecutor(execCxt, null, Map.of());

    /**
     * For the patterns and filters of one basic graph pattern once placed, which are in their
     * order already: the patterns of the whole at which a subject is worth reading. Null for
     * any other op.
     */
    private final Set<Triple> placedReadAt;
    /** The patterns on each subject variable that optionals after this op will match, row by row. */
    private final Map<Node, Integer> optionalsAhead;

    private ServedOpExecutor(ExecutionContext execCxt, Set<Triple> placedReadAt, Map<Node, Integer> optionalsAhead) {
        super(execCxt);
        this.placedReadAt = placedReadAt;
        this.optionalsAhead = optionalsAhead;
    }

    @Override
    protected QueryIterator execute(OpConditional conditional, QueryIterator input) {
        Map<Node, Integer> ahead = new HashMap<>(optionalsAhead);
        for (Triple triple : patternsOf(conditional.getRight())) {
            if (Var.isVar(triple.getSubject())) ahead.merge(triple.getSubject(), 1, Integer::sum);
        }
        ExecutionContext leftCxt = ExecutionContext.copy(execCxt);
        leftCxt.setExecutor(cxt -> new ServedOpExecutor(cxt, null, Map.copyOf(ahead)));
        QueryIterator left = QC.execute(conditional.getLeft(), input, leftCxt);
        Op right = conditional.getRight();
        ExprList filters = right instanceof OpFilter filter ? filter.getExprs() : null;
        Op pattern = right instanceof OpFilter filter ? filter.getSubOp() : right;
        if (pattern instanceof OpBGP bgp && execCxt.getActiveGraph() instanceof GraphTDB graph && !hasTripleTerms(bgp.getPattern())) {
            return optional(graph.getDSG(), graph.getGraphName(), bgp.getPattern(), filters, left);
        }
        // Not in GRAPH ?g: a row could name the default or the union graph, which Jena reads another way.
        if (pattern instanceof OpQuadPattern quads && execCxt.getDataset() instanceof DatasetGraphTDB dataset
                && !Var.isVar(quads.getGraphNode()) && !hasTripleTerms(quads.getBasicPattern())) {
            return optional(dataset, quads.getGraphNode(), quads.getBasicPattern(), filters, left);
        }
        // As OpExecutor does, with the optional's patterns counted in what it follows.
        return new QueryIterOptionalIndex(left, right, execCxt);
    }

    /**
     * An optional basic graph pattern, filtered or not, run row by row, each row its input
     * ({@link SubjectTupleMatch#optional}).
     */
    private QueryIterator optional(DatasetGraphTDB dataset, Node graphName, BasicPattern pattern, ExprList filters,
                                   QueryIterator left) {
        Node graphNode = decideGraphNode(graphName, execCxt);
        SubjectTuples tuples = SubjectTuples.of(dataset.chooseNodeTupleTable(graphNode), execCxt);
        return SubjectTupleMatch.optional(tuples, graphNode, pattern, filters, dataset.getReorderTransform(), optionalsAhead,
                left, QC2.getFilter(execCxt.getContext()), execCxt);
    }

    /** The patterns of an optional that is a basic graph pattern, filtered or not; none for any other. */
    private static List<Triple> patternsOf(Op optional) {
        while (optional instanceof OpFilter filter) optional = filter.getSubOp();
        if (optional instanceof OpBGP bgp) return bgp.getPattern().getList();
        if (optional instanceof OpQuadPattern quads) return quads.getBasicPattern().getList();
        return List.of();
    }

    @Override
    protected QueryIterator execute(OpOrder order, QueryIterator input) {
        return new QueryIterKeyedSort(exec(order.getSubOp(), input), order.getConditions(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpTopN top, QueryIterator input) {
        // Jena's own top-N drops the duplicates of a DISTINCT right under it; ServedQueryOptimizer leaves none there.
        if (top.getSubOp() instanceof OpDistinct) return super.execute(top, input);
        return new QueryIterKeyedTopN(exec(top.getSubOp(), input), top.getConditions(), top.getLimit(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpQuadPattern quads, QueryIterator input) {
        if (!(execCxt.getDataset() instanceof DatasetGraphTDB dataset) || hasTripleTerms(quads.getBasicPattern())) {
            return super.execute(quads, input);
        }
        return match(dataset, quads.getGraphNode(), quads.getBasicPattern(), null, input);
    }

    @Override
    protected QueryIterator execute(OpBGP bgp, QueryIterator input) {
        if (!(execCxt.getActiveGraph() instanceof GraphTDB graph) || hasTripleTerms(bgp.getPattern())) {
            return super.execute(bgp, input);
        }
        return match(graph.getDSG(), graph.getGraphName(), bgp.getPattern(), null, input);
    }

    @Override
    protected QueryIterator execute(OpFilter filter, QueryIterator input) {
        if (placedReadAt != null) return filterEachRow(filter, input);
        Op sub = filter.getSubOp();
        if (sub instanceof OpQuadPattern quads && execCxt.getDataset() instanceof DatasetGraphTDB dataset
                && !hasTripleTerms(quads.getBasicPattern())) {
            return match(dataset, quads.getGraphNode(), quads.getBasicPattern(), filter.getExprs(), input);
        }
        if (sub instanceof OpBGP bgp && execCxt.getActiveGraph() instanceof GraphTDB graph && !hasTripleTerms(bgp.getPattern())) {
            return match(graph.getDSG(), graph.getGraphName(), bgp.getPattern(), filter.getExprs(), input);
        }
        return super.execute(filter, input);
    }

    /** Whether a pattern names a triple term (RDF 1.2), which TDB2 matches by a way of its own. */
    private static boolean hasTripleTerms(BasicPattern pattern) {
        for (Triple triple : pattern) {
            if (triple.getSubject().isTripleTerm() || triple.getObject().isTripleTerm()) return true;
        }
        return false;
    }

    /** OpExecutor's own filter: TDB2's would place the filters again, and they are placed. */
    private QueryIterator filterEachRow(OpFilter filter, QueryIterator input) {
        QueryIterator rows = exec(filter.getSubOp(), input);
        for (Expr expr : filter.getExprs()) rows = new QueryIterFilterExpr(rows, expr, execCxt);
        return rows;
    }

    /** TDB2's planning of a pattern (its OpExecutorTDB2.optimizeExecuteQuads), with our match. */
    private QueryIterator match(DatasetGraphTDB dataset, Node graphName, BasicPattern pattern, ExprList filters,
                                QueryIterator input) {
        if (!input.hasNext()) return input;
        Node graphNode = decideGraphNode(graphName, execCxt);
        ReorderTransformation ordering = dataset.getReorderTransform();
        if (placedReadAt == null && ordering != null && pattern.size() >= 2) {
            // Ordered for the first row's bindings, as TDB2 does.
            QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
            input = peek;
            pattern = ordering.reorderIndexes(Substitute.substitute(pattern, peek.peek())).reorder(pattern);
        }
        Set<Triple> readAt = placedReadAt != null ? placedReadAt : SubjectTupleMatch.readAt(pattern.getList(), optionalsAhead);
        if (filters != null) {
            // As TDB2 does: each filter right after the patterns that bind its variables, the pieces matched in order.
            Op placed = graphNode == null
                    ? TransformFilterPlacement.transform(filters, pattern)
                    : TransformFilterPlacement.transform(filters, graphNode, pattern);
            ExecutionContext inOrder = ExecutionContext.copy(execCxt);
            inOrder.setExecutor(cxt -> new ServedOpExecutor(cxt, readAt, optionalsAhead));
            return QC.execute(placed, input, inOrder);
        }
        Explain.explain("Execute", pattern, execCxt.getContext());
        SubjectTuples tuples = SubjectTuples.of(dataset.chooseNodeTupleTable(graphNode), execCxt);
        return SubjectTupleMatch.execute(tuples, graphNode, pattern, input, QC2.getFilter(execCxt.getContext()), readAt, execCxt);
    }
}
