package org.tessera.store;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLabel;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.util.VarUtils;

import java.util.HashSet;
import java.util.Set;

/**
 * The variables that every row of an algebra expression binds, as far as can be told
 * from its shape: those of its triple patterns, through joins, filters and the left
 * side of OPTIONALs. It errs towards fewer: a BIND, a VALUES table, a sub-query's
 * grouping or anything it does not know binds none for sure, since a BIND that
 * fails or an UNDEF leaves its variable unbound. Jena's {@code OpVars.fixedVars}
 * counts those as bound, which is not safe for {@link TopNBeforeOptionals}.
 */
final class BoundInEveryRow {
    private BoundInEveryRow() {
    }

    static Set<Var> of(Op op) {
        Set<Var> vars = new HashSet<>();
        if (op instanceof OpBGP bgp) {
            VarUtils.addVars(vars, bgp.getPattern());
        } else if (op instanceof OpQuadPattern quads) {
            addIfVariable(vars, quads.getGraphNode());
            VarUtils.addVars(vars, quads.getBasicPattern());
        } else if (op instanceof OpPath path) {
            addIfVariable(vars, path.getTriplePath().getSubject());
            addIfVariable(vars, path.getTriplePath().getObject());
        } else if (op instanceof OpSequence sequence) {
            sequence.getElements().forEach(element -> vars.addAll(of(element)));
        } else if (op instanceof OpJoin join) {
            vars.addAll(of(join.getLeft()));
            vars.addAll(of(join.getRight()));
        } else if (op instanceof OpLeftJoin optional) {
            vars.addAll(of(optional.getLeft()));
        } else if (op instanceof OpConditional optional) {
            vars.addAll(of(optional.getLeft()));
        } else if (op instanceof OpMinus minus) {
            vars.addAll(of(minus.getLeft()));
        } else if (op instanceof OpUnion union) {
            vars.addAll(of(union.getLeft()));
            vars.retainAll(of(union.getRight()));
        } else if (op instanceof OpGraph graph) {
            addIfVariable(vars, graph.getNode());
            vars.addAll(of(graph.getSubOp()));
        } else if (op instanceof OpProject project) {
            vars.addAll(of(project.getSubOp()));
            vars.retainAll(project.getVars());
        } else if (keepsItsInputsBindings(op)) {
            vars.addAll(of(((Op1) op).getSubOp()));
        }
        return vars;
    }

    /**
     * Filters, distinct, ordering, slicing and labels drop or reorder rows, never a
     * binding; a BIND keeps those of its input, and its own variable may stay unbound.
     */
    private static boolean keepsItsInputsBindings(Op op) {
        return op instanceof OpExtend || op instanceof OpAssign || op instanceof OpFilter
                || op instanceof OpDistinct
                || op instanceof OpReduced
                || op instanceof OpOrder
                || op instanceof OpTopN
                || op instanceof OpSlice
                || op instanceof OpLabel;
    }

    private static void addIfVariable(Set<Var> vars, Node node) {
        if (Var.isVar(node)) vars.add(Var.alloc(node));
    }
}
