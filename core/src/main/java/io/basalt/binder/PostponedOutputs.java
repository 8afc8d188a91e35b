package io.basalt.binder;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.VolatileFunction;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's postponement of volatile output expressions past ORDER BY ... LIMIT: an output column that calls a
 * function with side effects ({@code nextval}, a user-defined function) and is no sort key is computed on the rows
 * the LIMIT keeps, not on every row sorted, so that {@code SELECT nextval('s') FROM t ORDER BY k LIMIT 10} takes ten
 * values. Before:
 * <pre>Limit(Sort(Project([a, nextval('s'), k], input)))</pre>
 * after (the postponed column is a NULL placeholder below, the input's columns ride along behind the outputs):
 * <pre>Project([#0, nextval('s'), ...visible], Limit(Sort(Project([a, NULL, k, input columns...], input))))</pre>
 */
final class PostponedOutputs {
    private final List<BoundExpression> outer;

    private PostponedOutputs(List<BoundExpression> outer) {
        this.outer = outer;
    }

    /**
     * The split of {@code plan} (the projection about to be sorted), or null when nothing is postponed: only a
     * Project whose visible outputs (the first {@code visibleCount}) hold a volatile function outside the sort
     * columns {@code sortColumns}.
     */
    static Split split(LogicalPlan plan, List<Integer> sortColumns, int visibleCount) {
        if (!(plan instanceof LogicalPlan.Project project)) {
            return null;
        }
        List<BoundExpression> expressions = project.expressions();
        boolean any = false;
        boolean[] postponed = new boolean[expressions.size()];
        for (int i = 0; i < visibleCount && i < expressions.size(); i++) {
            postponed[i] = !sortColumns.contains(i) && callsVolatile(expressions.get(i));
            any |= postponed[i];
        }
        if (!any) {
            return null;
        }
        int width = expressions.size();
        List<LogicalType> inputTypes = project.input().outputTypes();
        List<BoundExpression> inner = new ArrayList<>(width + inputTypes.size());
        for (int i = 0; i < width; i++) {
            BoundExpression expression = expressions.get(i);
            inner.add(postponed[i] ? new BoundExpression.Constant(null, expression.type(), expression.position())
                    : expression);
        }
        for (int c = 0; c < inputTypes.size(); c++) {
            inner.add(new BoundExpression.ColumnRef(c, null, "\0input" + c, inputTypes.get(c), 0));
        }
        List<BoundExpression> outer = new ArrayList<>(visibleCount);
        for (int i = 0; i < visibleCount; i++) {
            BoundExpression expression = expressions.get(i);
            if (postponed[i]) {
                outer.add(ColumnReferences.substitute(expression, reference -> new BoundExpression.ColumnRef(
                        width + reference.index(), reference.qualifier(), reference.name(), reference.type(),
                        reference.position())));
            } else {
                outer.add(new BoundExpression.ColumnRef(i, null, "\0output" + i, expression.type(), 0));
            }
        }
        return new Split(new LogicalPlan.Project(project.input(), inner), new PostponedOutputs(outer));
    }

    /** The projection to sort and limit, and what computes the postponed outputs over what the limit keeps. */
    record Split(LogicalPlan inner, PostponedOutputs outputs) {
    }

    /** The visible outputs, the postponed ones computed, over the limited {@code plan}. */
    LogicalPlan over(LogicalPlan plan) {
        return new LogicalPlan.Project(plan, outer);
    }

    private static boolean callsVolatile(BoundExpression expression) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> false;
            case BoundExpression.Constant e -> false;
            case BoundExpression.Arithmetic e -> callsVolatile(e.left()) || callsVolatile(e.right());
            case BoundExpression.Negate e -> callsVolatile(e.operand());
            case BoundExpression.Comparison e -> callsVolatile(e.left()) || callsVolatile(e.right());
            case BoundExpression.Logical e -> anyCallsVolatile(e.operands());
            case BoundExpression.Not e -> callsVolatile(e.operand());
            case BoundExpression.IsNull e -> callsVolatile(e.operand());
            case BoundExpression.Cast e -> callsVolatile(e.operand());
            case BoundExpression.Case e -> anyCallsVolatile(e.conditions()) || anyCallsVolatile(e.results())
                    || callsVolatile(e.otherwise());
            case BoundExpression.Function e -> e.function() instanceof VolatileFunction
                    || anyCallsVolatile(e.arguments());
            // an aggregate's arguments are computed below the projection, never here
            case BoundExpression.AggregateCall e -> false;
        };
    }

    private static boolean anyCallsVolatile(List<BoundExpression> expressions) {
        for (BoundExpression expression : expressions) {
            if (callsVolatile(expression)) {
                return true;
            }
        }
        return false;
    }
}
