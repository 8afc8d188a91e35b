package io.basalt.binder;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.GroupingSetsLayout;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUPING SETS, ROLLUP and CUBE as one aggregation: an {@link LogicalPlan.Aggregate} with a
 * {@link GroupingSetsLayout} groups the input once by every grouping expression and rolls the coarser sets up
 * from those groups' partial states (the executor's {@code GroupingSetsAggregateOperator}); its output holds the
 * grouping expressions (NULL where a row's set does not group by them), the set's number, and the aggregates.
 * A projection then lays the result out as {@link GroupingSetsPlan} promises: the grouping expressions, one
 * column per {@code GROUPING()} call (its bit mask, chosen by the set's number), the aggregates.
 *
 * <pre>
 *   Project(keys, CASE set WHEN i THEN mask_i ..., aggregates)
 *     Aggregate(keys..., set; the query's aggregates; sets)
 * </pre>
 *
 * An empty grouping set yields its one row even when the input has none, as a GROUP BY of nothing does.
 */
final class GroupingSetsExpansion {
    private GroupingSetsExpansion() {
    }

    /**
     * The aggregation of {@code input} by {@code keys} (resolved to concrete types) under {@code sets} (indices
     * into keys), with {@code masks.get(c).get(s)} the value of GROUPING call c in set s.
     */
    static LogicalPlan build(LogicalPlan input, List<BoundExpression> keys, List<List<Integer>> sets,
                             List<List<Integer>> masks, List<LogicalPlan.AggregateSpec> aggregates) {
        int keyCount = keys.size();
        List<BoundExpression> groupKeys = new ArrayList<>(keys);
        groupKeys.add(new BoundExpression.Constant(0L, LogicalType.INTEGER, 0));
        LogicalPlan aggregated = new LogicalPlan.Aggregate(input, groupKeys, aggregates,
                new GroupingSetsLayout(keyCount, sets));
        List<LogicalType> types = aggregated.outputTypes();
        int aggregateStart = keyCount + 1;
        BoundExpression setOfRow = column(keyCount, LogicalType.INTEGER);

        List<BoundExpression> projected = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            projected.add(column(k, types.get(k)));
        }
        for (List<Integer> mask : masks) {
            List<BoundExpression> conditions = new ArrayList<>();
            List<BoundExpression> results = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                conditions.add(new BoundExpression.Comparison(CompareOp.EQ, setOfRow,
                        new BoundExpression.Constant((long) s, LogicalType.INTEGER, 0), 0));
                results.add(new BoundExpression.Constant((long) mask.get(s), LogicalType.INTEGER, 0));
            }
            projected.add(new BoundExpression.Case(conditions, results,
                    new BoundExpression.Constant(null, LogicalType.INTEGER, 0), LogicalType.INTEGER, 0));
        }
        for (int a = 0; a < aggregates.size(); a++) {
            LogicalType type = types.get(aggregateStart + a);
            projected.add(column(aggregateStart + a, type));
        }
        return new LogicalPlan.Project(aggregated, projected);
    }

    private static BoundExpression column(int index, LogicalType type) {
        return new BoundExpression.ColumnRef(index, null, "?column?", type, 0);
    }
}
