package io.basalt.optimizer.rule;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanChildren;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A DISTINCT ON whose keys the WHERE clause fixes to constants ({@code WHERE four = 0}) has one group, so it keeps
 * the first row of its sorted input: a LIMIT 1, which stops reading early. So does a SELECT DISTINCT whose columns
 * are all fixed that way or constants ({@code SELECT DISTINCT four, 1 ... WHERE four = 0}), as newer PostgreSQL
 * planners do (PostgreSQL 15 still runs a Unique over the scan). The sort keys fixed the same way order
 * nothing and go, and with them the sort when no key is left. PostgreSQL's planner makes the same simplification.
 *
 * <pre>
 * before: DistinctOn [0]                     after: Limit 1
 *           Sort [#0, #1]                             Sort [#1]
 *             Filter [(#0 = 0)]                         Filter [(#0 = 0)]
 *               Scan t                                    Scan t
 * </pre>
 *
 * A column counts as fixed when a filter below compares it for equality with a non-null constant (a NULL key
 * would be one group too, but {@code = NULL} keeps no row anyway); projections and sorts pass the fixed columns
 * through, and a projection's non-null constants are fixed too.
 */
public final class DistinctOnFixedKeys implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanChildren.map(plan, this::apply);
        if (rewritten instanceof LogicalPlan.Aggregate aggregate && SortedDistinct.isDistinct(aggregate)) {
            Set<Integer> fixed = fixedColumns(aggregate.input());
            for (int i = 0; i < aggregate.groupKeys().size(); i++) {
                if (!fixed.contains(i)) {
                    return rewritten;
                }
            }
            return new LogicalPlan.Project(new LogicalPlan.Limit(aggregate.input(), 1, 0), aggregate.groupKeys());
        }
        if (!(rewritten instanceof LogicalPlan.DistinctOn distinct)) {
            return rewritten;
        }
        Set<Integer> fixed = fixedColumns(distinct.input());
        if (!fixed.containsAll(distinct.keys())) {
            return rewritten;
        }
        LogicalPlan input = distinct.input();
        if (input instanceof LogicalPlan.Sort sort) {
            List<LogicalPlan.SortSpec> keys = new ArrayList<>();
            for (LogicalPlan.SortSpec key : sort.keys()) {
                if (!fixed.contains(key.column())) {
                    keys.add(key);
                }
            }
            input = keys.isEmpty() ? sort.input() : new LogicalPlan.Sort(sort.input(), keys);
        }
        return new LogicalPlan.Limit(input, 1, 0);
    }

    /** The output columns of {@code plan} every row of which holds the same non-null constant. */
    private static Set<Integer> fixedColumns(LogicalPlan plan) {
        Set<Integer> fixed = new HashSet<>();
        switch (plan) {
            case LogicalPlan.Filter filter -> {
                fixed.addAll(fixedColumns(filter.input()));
                for (BoundExpression conjunct : filter.conjuncts()) {
                    if (conjunct instanceof BoundExpression.Comparison comparison
                            && comparison.operator() == CompareOp.EQ) {
                        addFixed(comparison.left(), comparison.right(), fixed);
                        addFixed(comparison.right(), comparison.left(), fixed);
                    }
                }
            }
            case LogicalPlan.Sort sort -> fixed.addAll(fixedColumns(sort.input()));
            case LogicalPlan.Project project -> {
                Set<Integer> below = fixedColumns(project.input());
                for (int i = 0; i < project.expressions().size(); i++) {
                    BoundExpression expression = project.expressions().get(i);
                    if (expression instanceof BoundExpression.ColumnRef column && below.contains(column.index())
                            || expression instanceof BoundExpression.Constant constant && constant.value() != null) {
                        fixed.add(i);
                    }
                }
            }
            default -> {
            }
        }
        return fixed;
    }

    /** Adds {@code column}'s index to {@code fixed} when it is a column compared with the non-null {@code value}. */
    private static void addFixed(BoundExpression column, BoundExpression value, Set<Integer> fixed) {
        if (column instanceof BoundExpression.ColumnRef reference
                && value instanceof BoundExpression.Constant constant && constant.value() != null) {
            fixed.add(reference.index());
        }
    }
}
