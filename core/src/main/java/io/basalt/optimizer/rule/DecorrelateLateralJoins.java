package io.basalt.optimizer.rule;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanChildren;
import io.basalt.plan.logical.PlanExpressions;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a LATERAL join into a plain join where the right side's reading of the left row can be lifted out of it
 * ({@link CorrelationPullUp}): the lifted conditions join the join's own, and the columns the lifting added to
 * the right side are projected away. A right side that does not read the left row at all joins as it is.
 *
 * <pre>
 * LateralJoin INNER|LEFT [c]              Project (left columns, right columns)
 *   left                          -&gt;        Join INNER|LEFT [c, lifted conditions]
 *   Filter [u.x = outer(1).a]                 left
 *     Scan u                                  Scan u
 * </pre>
 *
 * A right side it cannot lift from (the left row read in a SELECT list, under a LIMIT, by a function in FROM,
 * or an aggregation without GROUP BY, which yields a row even for no input) stays a LATERAL join, which the
 * physical planner runs as a dependent nested loop.
 */
public final class DecorrelateLateralJoins implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanChildren.map(plan, this::apply);
        return rewritten instanceof LogicalPlan.LateralJoin join ? decorrelate(join) : rewritten;
    }

    private static LogicalPlan decorrelate(LogicalPlan.LateralJoin join) {
        if (!readsLeftRow(join.right())) {
            return new LogicalPlan.Join(join.type(), join.left(), join.right(), join.conjuncts());
        }
        CorrelationPullUp.Lifted lifted;
        try {
            lifted = CorrelationPullUp.lift(join.right());
        } catch (BasaltException notLiftable) {
            if (notLiftable.sqlState() != SqlState.FEATURE_NOT_SUPPORTED) {
                throw notLiftable;
            }
            return join;
        }
        if (lifted.groupedScalarAggregate()) {
            return join;
        }
        int leftWidth = join.left().outputTypes().size();
        int rightWidth = join.right().outputTypes().size();
        List<BoundExpression> conditions = new ArrayList<>(join.conjuncts());
        conditions.addAll(DecorrelateSubqueries.joinConditions(lifted.conditions(), leftWidth));
        LogicalPlan joined = new LogicalPlan.Join(join.type(), join.left(),
                DecorrelateSubqueries.shiftDepth(lifted.plan()), conditions);
        if (joined.outputTypes().size() == leftWidth + rightWidth) {
            return joined;
        }
        return new LogicalPlan.Project(joined, DecorrelateSubqueries.columns(joined, leftWidth + rightWidth));
    }

    /** Whether {@code right} reads its LATERAL join's left row (an outer reference of depth 1 at its level). */
    private static boolean readsLeftRow(LogicalPlan right) {
        boolean[] found = {false};
        PlanExpressions.rewrite(right, (expression, depth) -> {
            io.basalt.plan.expression.PlaceholderReplacement.replace(expression, leaf -> {
                if (leaf.function() instanceof io.basalt.plan.expression.Placeholder.OuterColumn outer
                        && outer.depth() == depth + 1) {
                    found[0] = true;
                }
                return leaf;
            });
            return expression;
        });
        return found[0];
    }
}
