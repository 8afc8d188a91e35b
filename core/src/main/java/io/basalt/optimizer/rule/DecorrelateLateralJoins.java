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
        LogicalPlan right = join.right();
        List<BoundExpression> output = null;
        if (right instanceof LogicalPlan.Project project
                && io.basalt.plan.expression.PlaceholderReplacement.hasOuterColumn(project.expressions(), 1)) {
            // a SELECT list reading the left row is computed above the join instead
            output = project.expressions();
            right = project.input();
        }
        CorrelationPullUp.Lifted lifted;
        try {
            lifted = CorrelationPullUp.lift(right);
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
        if (output == null) {
            List<BoundExpression> conditions = new ArrayList<>(join.conjuncts());
            conditions.addAll(DecorrelateSubqueries.joinConditions(lifted.conditions(), leftWidth));
            LogicalPlan joined = new LogicalPlan.Join(join.type(), join.left(),
                    DecorrelateSubqueries.shiftDepth(lifted.plan()), conditions);
            if (joined.outputTypes().size() == leftWidth + rightWidth) {
                return joined;
            }
            return new LogicalPlan.Project(joined, DecorrelateSubqueries.columns(joined, leftWidth + rightWidth));
        }
        return projectedAbove(join, output, lifted, leftWidth);
    }

    /**
     * The join of the left side with the lifted right side below its SELECT list {@code output}, which is computed
     * over the joined row: its inner columns shifted past the left's, its outer references of depth 1 read from the
     * left columns. The join's own conditions were written over the SELECT list's columns, so they are substituted
     * too (unguarded: they only see rows with a partner). For a LEFT join, an output value is NULL where the left row found no partner, as PostgreSQL's
     * placeholder for a LATERAL reference in a nullable side yields.
     */
    private static LogicalPlan projectedAbove(LogicalPlan.LateralJoin join, List<BoundExpression> output,
                                              CorrelationPullUp.Lifted lifted, int leftWidth) {
        LogicalPlan inner = DecorrelateSubqueries.shiftDepth(lifted.plan());
        int innerWidth = inner.outputTypes().size();
        boolean left = join.type() == LogicalPlan.JoinType.LEFT;
        if (left) {
            List<BoundExpression> flagged = DecorrelateSubqueries.columns(inner, innerWidth);
            flagged.add(new BoundExpression.Constant(true, io.basalt.type.LogicalType.BOOLEAN, 0));
            inner = new LogicalPlan.Project(inner, flagged);
        }
        List<BoundExpression> rightColumns = new ArrayList<>();
        List<BoundExpression> matchedColumns = DecorrelateSubqueries.columns(join.left(), leftWidth);
        for (BoundExpression expression : output) {
            BoundExpression value = DecorrelateSubqueries.joinConditions(List.of(expression), leftWidth).getFirst();
            matchedColumns.add(value);
            if (left) {
                BoundExpression missing = new BoundExpression.IsNull(new BoundExpression.ColumnRef(
                        leftWidth + innerWidth, null, "?column?", io.basalt.type.LogicalType.BOOLEAN, 0), false, 0);
                value = new BoundExpression.Case(List.of(missing),
                        List.of(new BoundExpression.Constant(null, value.type(), 0)), value, value.type(), 0);
            }
            rightColumns.add(value);
        }
        List<BoundExpression> joinedColumns = DecorrelateSubqueries.columns(join.left(), leftWidth);
        joinedColumns.addAll(rightColumns);
        // a join condition only meets rows with a partner: it reads the values unguarded
        List<BoundExpression> conditions = new ArrayList<>(io.basalt.optimizer.ExpressionSubstitution.substituteAll(
                join.conjuncts(), matchedColumns));
        conditions.addAll(DecorrelateSubqueries.joinConditions(lifted.conditions(), leftWidth));
        LogicalPlan joined = new LogicalPlan.Join(join.type(), join.left(), inner, conditions);
        return new LogicalPlan.Project(joined, joinedColumns);
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
