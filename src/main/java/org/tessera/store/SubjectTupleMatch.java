package org.tessera.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
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
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.Abortable;
import org.apache.jena.sparql.engine.iterator.QueryIterAbortable;
import org.apache.jena.sparql.engine.main.solver.SolverLib;
import org.apache.jena.tdb2.solver.BindingNodeId;
import org.apache.jena.tdb2.solver.BindingTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;

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
        for (Triple triple : pattern) {
            Tuple<Node> tuple = graphNode == null
                    ? TupleFactory.create3(triple.getSubject(), triple.getPredicate(), triple.getObject())
                    : TupleFactory.create4(graphNode, triple.getSubject(), triple.getPredicate(), triple.getObject());
            Stage stage = match.stage(tuple, readAt.contains(triple));
            rows = SolverLib.makeAbortable(Iter.flatMap(rows, row -> match.extend(row, stage)), stages);
        }
        Iterator<Binding> bindings = Iter.map(rows, row -> new BindingTDB(row, match.nodes));
        return new QueryIterAbortable(bindings, stages, input, execCxt);
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
     * One pattern, its constants as node ids and its variables, worked out once for all the
     * rows; a constant the store has never seen is {@link NodeId#NodeDoesNotExist}.
     */
    private record Stage(NodeId[] constants, Var[] vars, boolean worthReading) {}

    private Stage stage(Tuple<Node> pattern, boolean worthReading) {
        NodeId[] constants = new NodeId[pattern.len()];
        Var[] vars = new Var[pattern.len()];
        for (int slot = 0; slot < constants.length; slot++) {
            Node node = pattern.get(slot);
            if (Var.isVar(node)) vars[slot] = Var.alloc(node);
            else constants[slot] = Node.ANY.equals(node) ? NodeId.NodeIdAny : nodes.getNodeIdForNode(node);
        }
        return new Stage(constants, vars, worthReading);
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
        Iterator<Tuple<NodeId>> found = tuples.find(TupleFactory.create(ids), stage.worthReading());
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
