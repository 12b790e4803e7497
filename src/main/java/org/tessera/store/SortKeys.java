package org.tessera.store;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

import java.util.Comparator;
import java.util.List;

/**
 * The ORDER BY of a query as a comparator of rows whose sort keys are worked out once
 * each, when first compared. Jena's {@link BindingComparator} evaluates the expressions
 * afresh on both rows at every comparison: a sort of N rows evaluates them about
 * 2 N log N times, each time looking a node up and making its value again (a date
 * parsed from its text). The order is Jena's: the same comparison of values
 * ({@link SortValue}, which compares the text of the common forms and leaves the rest to
 * {@link BindingComparator#compareNodesRaw}), an unbound or failing key first, and the
 * same tie-break ({@link BindingComparator#compareBindingsSyntactic}).
 */
final class SortKeys implements Comparator<SortKeys.Row> {
    private final List<SortCondition> conditions;
    private final FunctionEnv env;

    SortKeys(List<SortCondition> conditions, FunctionEnv env) {
        this.conditions = conditions;
        this.env = env;
    }

    Row row(Binding binding) {
        return new Row(binding, conditions.size());
    }

    @Override
    public int compare(Row a, Row b) {
        for (int i = 0; i < conditions.size(); i++) {
            int x = SortValue.compare(a.key(i), b.key(i));
            if (x != 0) return conditions.get(i).getDirection() == Query.ORDER_DESCENDING ? -x : x;
        }
        return BindingComparator.compareBindingsSyntactic(a.binding, b.binding);
    }

    /** A row and the values of its sort keys worked out so far. */
    final class Row {
        final Binding binding;
        private final SortValue[] keys;

        private Row(Binding binding, int keys) {
            this.binding = binding;
            this.keys = new SortValue[keys];
        }

        /** The value of key {@code i}; absent where it is unbound or its expression fails, as in Jena. */
        private SortValue key(int i) {
            if (keys[i] == null) keys[i] = SortValue.of(value(i));
            return keys[i];
        }

        private NodeValue value(int i) {
            try {
                return conditions.get(i).getExpression().eval(binding, env);
            } catch (ExprEvalException unboundOrFailed) {
                return null;
            }
        }
    }
}
