package org.tessera.store;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.Abortable;
import org.apache.jena.sparql.engine.iterator.QueryIterAbortable;
import org.apache.jena.sparql.engine.main.solver.SolverLib;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderProc;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVars;
import org.apache.jena.sparql.util.VarUtils;
import org.apache.jena.tdb2.solver.BindingNodeId;
import org.apache.jena.tdb2.solver.BindingTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.vocabulary.RDF;

/**
 * A basic graph pattern matched in the order given, pattern by pattern on node ids, as
 * TDB2's own pattern match does (its {@code StageMatchTuple}), except that it finds a bound
 * subject's tuples through {@link SubjectTuples}.
 */
final class SubjectTupleMatch {
    /** Patterns on one subject, still to match, that make reading it whole pay. */
    static final int PATTERNS_WORTH_A_READ = 3;

    private final SubjectTuples tuples;
    private final NodeTable nodes;
    private final Predicate<Tuple<NodeId>> quadFilter;
    private final boolean unionGraph;
    private final AtomicBoolean cancelled;

    private SubjectTupleMatch(SubjectTuples tuples, Predicate<Tuple<NodeId>> quadFilter, boolean unionGraph,
                              ExecutionContext execCxt) {
        this.tuples = tuples;
        this.nodes = tuples.table().getNodeTable();
        this.quadFilter = quadFilter;
        this.unionGraph = unionGraph;
        this.cancelled = execCxt.getCancelSignal();
    }

    /**
     * The rows of the pattern for each input row.
     *
     * @param graphNode null for the default graph's storage, {@link Node#ANY} for the union of the named graphs
     * @param quadFilter TDB2's filter on every tuple found (access control), or null
     * @param readAt the patterns at which a subject is worth reading whole ({@link #readAt})
     */
    static QueryIterator execute(SubjectTuples tuples, Node graphNode, BasicPattern pattern, QueryIterator input,
                                 Predicate<Tuple<NodeId>> quadFilter, Set<Triple> readAt, ExecutionContext execCxt) {
        SubjectTupleMatch match = new SubjectTupleMatch(tuples, quadFilter, Node.ANY.equals(graphNode), execCxt);
        Iterator<BindingNodeId> rows = Iter.map(input, match::idsOf);
        List<Abortable> stages = new ArrayList<>();
        Set<Triple> lastTests = lastTests(pattern.getList());
        for (Triple triple : pattern) {
            Stage stage = match.stage(tupleOf(graphNode, triple), readAt.contains(triple), lastTests.contains(triple));
            rows = SolverLib.makeAbortable(Iter.flatMap(rows, row -> match.extend(row, stage)), stages);
        }
        Iterator<Binding> bindings = Iter.map(rows, row -> new BindingTDB(row, match.nodes));
        return new QueryIterAbortable(bindings, stages, input, execCxt);
    }

    /**
     * An {@code OPTIONAL} that Jena runs row by row (its {@code QueryIterOptionalIndex}):
     * each input row with the pattern's rows for it, or alone where there are none. Jena
     * puts the row's values into the pattern, then plans and matches that pattern afresh,
     * looking its terms up as node ids again. Here the pattern takes the row as its input,
     * and its stages are planned once for each set of its variables the rows bind (and each
     * value of those {@link #weighedByValue weighed by value}): ordered
     * as TDB2 orders the pattern with the row's values in it, and read whole where the
     * pattern with those values would be ({@link #readAt}).
     *
     * @param filters the optional's filters, or null; each tested once the variables it mentions are bound
     * @param ordering TDB2's ordering of a pattern, or null to match in the order given
     * @param optionalsAhead the patterns of later optionals, by subject variable ({@link #readAt})
     */
    static QueryIterator optional(SubjectTuples tuples, Node graphNode, BasicPattern pattern, ExprList filters,
                                  ReorderTransformation ordering, Map<Node, Integer> optionalsAhead, QueryIterator input,
                                  Predicate<Tuple<NodeId>> quadFilter, ExecutionContext execCxt) {
        SubjectTupleMatch match = new SubjectTupleMatch(tuples, quadFilter, Node.ANY.equals(graphNode), execCxt);
        Set<Var> patternVars = new LinkedHashSet<>();
        VarUtils.addVars(patternVars, pattern);
        List<Var> vars = List.copyOf(patternVars);
        List<Var> weighed = weighedByValue(pattern);
        Map<PlanKey, Plan> plans = new HashMap<>();
        Iterator<Binding> rows = Iter.flatMap(input, row -> {
            BitSet bound = new BitSet(vars.size());
            for (int i = 0; i < vars.size(); i++) if (row.contains(vars.get(i))) bound.set(i);
            List<Node> values = weighed.isEmpty() ? List.of() : new ArrayList<>(weighed.size());
            for (Var var : weighed) values.add(row.get(var));
            PlanKey key = new PlanKey(bound, values);
            Plan plan = plans.computeIfAbsent(key, k -> match.plan(graphNode, pattern, filters, ordering, optionalsAhead, row));
            Iterator<BindingNodeId> found = match.filtered(Iter.singletonIterator(match.idsOf(row)), plan.filtersBefore().get(0), execCxt);
            for (int i = 0; i < plan.stages().size(); i++) {
                Stage stage = plan.stages().get(i);
                found = match.filtered(Iter.flatMap(found, ids -> match.extend(ids, stage)), plan.filtersBefore().get(i + 1), execCxt);
            }
            if (!found.hasNext()) return Iter.singletonIterator(row);
            return Iter.map(found, ids -> (Binding) new BindingTDB(ids, match.nodes));
        });
        return new QueryIterAbortable(rows, List.of(), input, execCxt);
    }

    /** The variables a pattern's rows bind, and the values of those whose value can change TDB2's plan. */
    private record PlanKey(BitSet bound, List<Node> weighedValues) {}

    /**
     * The variables whose value, not only whether a row binds them, can change how TDB2 orders
     * the pattern: those in a predicate, and those in the object of a predicate that is rdf:type
     * or a variable. Its fixed ordering weighs rdf:type apart, and statistics weigh each
     * predicate and each class.
     */
    private static List<Var> weighedByValue(BasicPattern pattern) {
        Set<Var> weighed = new LinkedHashSet<>();
        for (Triple triple : pattern) {
            Node predicate = triple.getPredicate();
            if (Var.isVar(predicate)) weighed.add(Var.alloc(predicate));
            if (Var.isVar(triple.getObject()) && (Var.isVar(predicate) || RDF.Nodes.type.equals(predicate))) {
                weighed.add(Var.alloc(triple.getObject()));
            }
        }
        return List.copyOf(weighed);
    }

    /**
     * An optional's stages in their order, and its filters: {@code filtersBefore.get(i)} are
     * those tested before stage {@code i} (after the last stage for {@code i} the number of stages).
     */
    private record Plan(List<Stage> stages, List<ExprList> filtersBefore) {}

    /**
     * The stages of the pattern for rows that bind what {@code row} binds, as Jena would plan it
     * with the row's values in: ordered as TDB2 orders it, and each filter tested as soon as
     * the variables it mentions are bound, as TDB2 places it ({@code TransformFilterPlacement}).
     * Where a filter is tested changes the work, not the rows.
     */
    private Plan plan(Node graphNode, BasicPattern pattern, ExprList filters, ReorderTransformation ordering,
                      Map<Node, Integer> optionalsAhead, Binding row) {
        BasicPattern withValues = Substitute.substitute(pattern, row);
        List<Triple> ordered = pattern.getList();
        if (ordering != null && pattern.size() >= 2) {
            ReorderProc order = ordering.reorderIndexes(withValues);
            ordered = order.reorder(pattern).getList();
            withValues = order.reorder(withValues);
        }
        Set<Triple> readAt = readAt(withValues.getList(), optionalsAhead);
        Set<Triple> lastTests = lastTests(withValues.getList());
        List<Stage> stages = new ArrayList<>();
        List<ExprList> filtersBefore = new ArrayList<>();
        List<Expr> unplaced = filters == null ? new ArrayList<>() : new ArrayList<>(filters.getList());
        Set<Var> bound = new HashSet<>();
        row.vars().forEachRemaining(bound::add);
        for (int i = 0; i <= ordered.size(); i++) {
            if (i > 0) VarUtils.addVarsFromTriple(bound, ordered.get(i - 1));
            ExprList now = new ExprList();
            for (Iterator<Expr> it = unplaced.iterator(); it.hasNext(); ) {
                Expr filter = it.next();
                if (i == ordered.size() || bound.containsAll(ExprVars.getVarsMentioned(filter))) {
                    now.add(filter);
                    it.remove();
                }
            }
            filtersBefore.add(now);
            if (i < ordered.size()) {
                Triple withValue = withValues.get(i);
                stages.add(stage(tupleOf(graphNode, ordered.get(i)), readAt.contains(withValue), lastTests.contains(withValue)));
            }
        }
        return new Plan(stages, filtersBefore);
    }

    /** The rows that pass every filter, each tested on the row's nodes. */
    private Iterator<BindingNodeId> filtered(Iterator<BindingNodeId> rows, ExprList filters, ExecutionContext execCxt) {
        if (filters.isEmpty()) return rows;
        return Iter.filter(rows, ids -> filters.isSatisfied(new BindingTDB(ids, nodes), execCxt));
    }

    private static Tuple<Node> tupleOf(Node graphNode, Triple triple) {
        return graphNode == null
                ? TupleFactory.create3(triple.getSubject(), triple.getPredicate(), triple.getObject())
                : TupleFactory.create4(graphNode, triple.getSubject(), triple.getPredicate(), triple.getObject());
    }

    /**
     * The patterns, in the order they are matched, at which {@link #PATTERNS_WORTH_A_READ} or
     * more on the same subject are still to match, counting the pattern itself and those of
     * the optionals that follow ({@code optionalsAhead}, by subject).
     */
    static Set<Triple> readAt(List<Triple> ordered, Map<Node, Integer> optionalsAhead) {
        Set<Triple> readAt = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            Node subject = ordered.get(i).getSubject();
            long ahead = optionalsAhead.getOrDefault(subject, 0)
                    + ordered.subList(i, ordered.size()).stream().filter(later -> later.getSubject().equals(subject)).count();
            if (ahead >= PATTERNS_WORTH_A_READ) readAt.add(ordered.get(i));
        }
        return readAt;
    }

    /**
     * The patterns that test a subject with no other test of it after them: their object is
     * bound (a constant, or a variable of an earlier pattern). Only such a test may read its
     * subject first ({@link Tests}): a test that another follows would read the subjects
     * that the second turns away, as the events of a group that are not pledges.
     */
    static Set<Triple> lastTests(List<Triple> ordered) {
        List<Boolean> tests = new ArrayList<>();
        Set<Var> bound = new HashSet<>();
        for (Triple triple : ordered) {
            Node object = triple.getObject();
            tests.add(object.isConcrete() || (Var.isVar(object) && bound.contains(Var.alloc(object))));
            VarUtils.addVarsFromTriple(bound, triple);
        }
        // From the end: the first test met on a subject is its last.
        Set<Triple> last = new HashSet<>();
        Set<Node> tested = new HashSet<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (tests.get(i) && tested.add(ordered.get(i).getSubject())) last.add(ordered.get(i));
        }
        return last;
    }

    /**
     * One pattern, its constants as node ids and its variables, worked out once for all the
     * rows; a constant the store has never seen is {@link NodeId#NodeDoesNotExist}.
     *
     * @param tests how its tests of a subject came out, or null where a test may not read its subject first
     */
    private record Stage(NodeId[] constants, Var[] vars, boolean worthReading, Tests tests) {}

    /**
     * How the stage's tests of a subject not yet read (a bound object) came out. A read
     * costs about two lookups: testing first costs one lookup and then a read for each
     * subject that passes, reading first a read for each. So once most have passed, the
     * subject is read first, and the test answered from what was read.
     */
    private static final class Tests {
        /** Tests counted before the share of passes decides. */
        private static final int TRIED_BEFORE_DECIDING = 32;
        private int tried;
        private int passed;

        boolean mostlyPass() {
            return tried >= TRIED_BEFORE_DECIDING && passed * 2 > tried;
        }

        Iterator<Tuple<NodeId>> counted(Iterator<Tuple<NodeId>> found) {
            tried++;
            if (found.hasNext()) passed++;
            return found;
        }
    }

    private Stage stage(Tuple<Node> pattern, boolean worthReading, boolean lastTest) {
        NodeId[] constants = new NodeId[pattern.len()];
        Var[] vars = new Var[pattern.len()];
        for (int slot = 0; slot < constants.length; slot++) {
            Node node = pattern.get(slot);
            if (Var.isVar(node)) vars[slot] = Var.alloc(node);
            else constants[slot] = Node.ANY.equals(node) ? NodeId.NodeIdAny : nodes.getNodeIdForNode(node);
        }
        return new Stage(constants, vars, worthReading, worthReading && lastTest ? new Tests() : null);
    }

    private Iterator<BindingNodeId> extend(BindingNodeId row, Stage stage) {
        NodeId[] ids = new NodeId[stage.vars().length];
        Var[] unbound = new Var[ids.length];
        for (int slot = 0; slot < ids.length; slot++) {
            Var var = stage.vars()[slot];
            ids[slot] = var == null ? stage.constants()[slot] : row.get(var);
            if (ids[slot] == null) unbound[slot] = var;
            // A node the store has never seen matches nothing.
            if (NodeId.isDoesNotExist(ids[slot])) return Iter.nullIterator();
        }
        Iterator<Tuple<NodeId>> found;
        int subjectSlot = ids.length - 3;
        if (stage.tests() != null && unbound[subjectSlot] == null && unbound[subjectSlot + 2] == null) {
            found = stage.tests().counted(tuples.find(TupleFactory.create(ids), true, stage.tests().mostlyPass()));
        } else {
            found = tuples.find(TupleFactory.create(ids), stage.worthReading());
        }
        if (cancelled != null) found = Iter.map(found, this::unlessCancelled);
        if (quadFilter != null) found = Iter.filter(found, quadFilter);
        if (unionGraph) {
            // The same triple in several graphs comes in adjacent tuples, as the graph comes last in the index.
            found = Iter.distinctAdjacent(Iter.map(found, SubjectTupleMatch::withAnyGraph));
        }
        return Iter.iter(found).map(tuple -> bind(row, tuple, unbound)).removeNulls();
    }

    private Tuple<NodeId> unlessCancelled(Tuple<NodeId> tuple) {
        if (cancelled.get()) throw new QueryCancelledException();
        return tuple;
    }

    private static Tuple<NodeId> withAnyGraph(Tuple<NodeId> quad) {
        return TupleFactory.create4(NodeId.NodeIdAny, quad.get(1), quad.get(2), quad.get(3));
    }

    /** The row with the tuple's ids for the pattern's unbound variables; null when a variable met twice takes two ids. */
    private static BindingNodeId bind(BindingNodeId row, Tuple<NodeId> tuple, Var[] unbound) {
        BindingNodeId extended = new BindingNodeId(row);
        for (int slot = 0; slot < unbound.length; slot++) {
            Var var = unbound[slot];
            if (var == null) continue;
            NodeId id = tuple.get(slot);
            NodeId already = extended.get(var);
            if (already == null) extended.put(var, id);
            else if (!already.equals(id)) return null;
        }
        return extended;
    }

    private BindingNodeId idsOf(Binding binding) {
        if (binding instanceof BindingTDB tdb) return tdb.getBindingId();
        BindingNodeId ids = new BindingNodeId(binding);
        for (Iterator<Var> vars = binding.vars(); vars.hasNext(); ) {
            Var var = vars.next();
            Node node = binding.get(var);
            if (node != null) ids.put(var, nodes.getNodeIdForNode(node));
        }
        return ids;
    }
}
