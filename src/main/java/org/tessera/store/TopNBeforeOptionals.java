package org.tessera.store;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.ExprVars;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the best rows of a top-N before the OPTIONALs that its order does not read.
 * An OPTIONAL keeps every row it is given, and gives each the same values of the
 * variables it does not bind: so when the ORDER BY reads none of its variables, the
 * best N rows of its input are all the input the best N rows of its output come from.
 * The OPTIONAL is then looked up for N rows, not for every row (a quote for each of
 * 10,000 claims, not for each of a million). Since an OPTIONAL may give a row more
 * than once, the rows are cut to N again above it: by a LIMIT where Jena looks the
 * OPTIONAL up row by row, in order, and by a second top-N where it joins by hashing.
 * BINDs that the order does not read are passed through the same way: they keep one
 * row for one row. A BIND that makes a sort key after the OPTIONALs stops the top-N
 * there: moved before them, it would cost TDB2 a lookup of every variable of every
 * row in the OPTIONALs after it, since TDB2 matches a pattern by node ids, and a
 * BIND's row has nodes (bench/HISTORY.md, round twenty).
 */
final class TopNBeforeOptionals extends TransformCopy {
    @Override
    public Op transform(OpTopN top, Op sub) {
        Set<Var> sortedBy = sortVariables(top.getConditions());
        Op earlier = keepBestFirst(sub, top, sortedBy);
        if (earlier == null) return super.transform(top, sub);
        // Rows come out of the inner top-N in order, and an index OPTIONAL or a BIND keeps
        // that order: the first N rows are the best. Sorting them again would cost as much
        // as the inner top-N when a query answers fewer rows than its LIMIT.
        return keepsOrder(earlier) ? new OpSlice(earlier, Query.NOLIMIT, top.getLimit())
                : new OpTopN(earlier, top.getLimit(), top.getConditions());
    }

    /** Whether {@code op} gives the rows of the top-N under it in their order: only index OPTIONALs and BINDs between. */
    private static boolean keepsOrder(Op op) {
        if (op instanceof OpTopN) return true;
        if (op instanceof OpConditional optional) return keepsOrder(optional.getLeft());
        if (op instanceof OpExtend bind) return keepsOrder(bind.getSubOp());
        return false;
    }

    /** {@code op} with the top-N below its OPTIONALs and BINDs, or null where there are none to pass. */
    private static Op keepBestFirst(Op op, OpTopN top, Set<Var> sortedBy) {
        if (op instanceof OpLeftJoin optional && bindsNoneOf(sortedBy, optional.getLeft(), optional.getRight()))
            return OpLeftJoin.create(best(optional.getLeft(), top, sortedBy), optional.getRight(), optional.getExprs());
        if (op instanceof OpConditional optional && bindsNoneOf(sortedBy, optional.getLeft(), optional.getRight()))
            return new OpConditional(best(optional.getLeft(), top, sortedBy), optional.getRight());
        if (op instanceof OpExtend bind && Collections.disjoint(sortedBy, bind.getVarExprList().getVars())) {
            Op inner = keepBestFirst(bind.getSubOp(), top, sortedBy);
            return inner == null ? null : OpExtend.create(inner, bind.getVarExprList());
        }
        return null;
    }

    private static Op best(Op op, OpTopN top, Set<Var> sortedBy) {
        Op earlier = keepBestFirst(op, top, sortedBy);
        return earlier != null ? earlier : new OpTopN(op, top.getLimit(), top.getConditions());
    }

    /** Whether the OPTIONAL can bind none of {@code sortedBy}: each is not its, or bound already. */
    private static boolean bindsNoneOf(Set<Var> sortedBy, Op required, Op optional) {
        Set<Var> itMayBind = OpVars.visibleVars(optional);
        itMayBind.removeAll(BoundInEveryRow.of(required));
        return Collections.disjoint(sortedBy, itMayBind);
    }

    private static Set<Var> sortVariables(List<SortCondition> conditions) {
        Set<Var> vars = new HashSet<>();
        conditions.forEach(condition -> vars.addAll(ExprVars.getVarsMentioned(condition.getExpression())));
        return vars;
    }
}
