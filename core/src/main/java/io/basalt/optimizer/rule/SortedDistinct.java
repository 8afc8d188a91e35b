package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanChildren;
import java.util.ArrayList;
import java.util.List;

/**
 * With the session's {@code enable_hashagg} off, removes duplicate rows (SELECT DISTINCT, UNION) by sorting them
 * and keeping the first of each run of equal rows, as PostgreSQL's planner then does (its Unique over a Sort), rather
 * than by hashing: the rows come out in key order. Groupings that compute aggregates stay hashed; Basalt has no
 * sort-based aggregation.
 *
 * <pre>
 * before: Aggregate [#0] []                 after: DistinctOn [0]
 *           Project [#0 % 1000]                      Sort [#0]
 *             Scan g                                   Project [#0 % 1000]
 *                                                        Scan g
 * </pre>
 *
 * It runs before the other rules, on the plan as bound, where a DISTINCT or UNION is told from a GROUP BY by its
 * keys being all its input's columns.
 */
public final class SortedDistinct implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanChildren.map(plan, this::apply);
        if (!(rewritten instanceof LogicalPlan.Aggregate aggregate) || !isDistinct(aggregate)) {
            return rewritten;
        }
        List<LogicalPlan.SortSpec> order = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < aggregate.groupKeys().size(); i++) {
            order.add(new LogicalPlan.SortSpec(i, false, false));
            keys.add(i);
        }
        return new LogicalPlan.DistinctOn(new LogicalPlan.Sort(aggregate.input(), order), keys);
    }

    /**
     * Whether {@code aggregate} removes duplicate rows: no aggregates, and its keys are its input's columns in order,
     * as the binder plans DISTINCT and UNION (a GROUP BY names its keys among the FROM list's columns).
     */
    private static boolean isDistinct(LogicalPlan.Aggregate aggregate) {
        int width = aggregate.input().outputTypes().size();
        if (!aggregate.aggregates().isEmpty() || aggregate.groupingSets() != null
                || aggregate.groupKeys().size() != width || width == 0) {
            return false;
        }
        for (int i = 0; i < width; i++) {
            if (!(aggregate.groupKeys().get(i) instanceof BoundExpression.ColumnRef column) || column.index() != i) {
                return false;
            }
        }
        return true;
    }
}
