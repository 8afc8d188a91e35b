package io.basalt.binder;

import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.GroupedAggregateState;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * GROUPING SETS, ROLLUP and CUBE computed in one pass over the input, as one aggregation: each input row is
 * joined with a small VALUES list holding one row per grouping set (its number and, per grouping expression,
 * whether the set groups by it), so it enters the aggregation once per set; the aggregation groups by every
 * grouping expression, replaced by NULL where the row's set does not group by it, and by the set's number,
 * which keeps the sets' groups apart (a real NULL key in one set is not the all-rows group of another). A
 * projection then lays the result out as {@link GroupingSetsPlan} promises: the grouping expressions, one
 * column per {@code GROUPING()} call (its bit mask, chosen by the set's number), the aggregates.
 *
 * <pre>
 *   Project(keys, CASE set WHEN i THEN mask_i ..., aggregates)
 *     Aggregate(keys: CASE WHEN in_k THEN key_k END ..., set; the query's aggregates)
 *       Join(INNER, input, Values[(set i, in_0, in_1, ...) per grouping set])
 * </pre>
 *
 * An empty grouping set yields its one row even when the input has none (as a GROUP BY of nothing does):
 * when the sets include one, the aggregation's result is FULL-joined on the set number with a VALUES list
 * of the empty sets' numbers, and an empty set whose row the aggregation did not produce gets each
 * aggregate's value over no rows (0 for count, NULL for most).
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
        int width = input.outputTypes().size();
        int keyCount = keys.size();
        List<LogicalType> valueTypes = new ArrayList<>();
        valueTypes.add(LogicalType.INTEGER);
        for (int k = 0; k < keyCount; k++) {
            valueTypes.add(LogicalType.BOOLEAN);
        }
        List<List<BoundExpression>> rows = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            List<BoundExpression> row = new ArrayList<>();
            row.add(new BoundExpression.Constant((long) s, LogicalType.INTEGER, 0));
            for (int k = 0; k < keyCount; k++) {
                row.add(new BoundExpression.Constant(sets.get(s).contains(k), LogicalType.BOOLEAN, 0));
            }
            rows.add(row);
        }
        LogicalPlan expanded = new LogicalPlan.Join(LogicalPlan.JoinType.INNER, input,
                new LogicalPlan.Values(rows, valueTypes), List.of());
        BoundExpression setNumber = column(width, LogicalType.INTEGER);
        List<BoundExpression> groupKeys = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            BoundExpression key = keys.get(k);
            groupKeys.add(new BoundExpression.Case(List.of(column(width + 1 + k, LogicalType.BOOLEAN)), List.of(key),
                    new BoundExpression.Constant(null, key.type(), 0), key.type(), 0));
        }
        groupKeys.add(setNumber);
        LogicalPlan aggregated = new LogicalPlan.Aggregate(expanded, groupKeys, aggregates);
        List<LogicalType> types = aggregated.outputTypes();
        int aggregateStart = keyCount + 1;

        List<Integer> emptySets = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            if (sets.get(s).isEmpty()) {
                emptySets.add(s);
            }
        }
        BoundExpression setOfRow = column(keyCount, LogicalType.INTEGER);
        BoundExpression missing = null;
        LogicalPlan source = aggregated;
        if (!emptySets.isEmpty()) {
            List<List<BoundExpression>> numbers = new ArrayList<>();
            for (int s : emptySets) {
                numbers.add(List.of(new BoundExpression.Constant((long) s, LogicalType.INTEGER, 0)));
            }
            int padded = types.size();
            source = new LogicalPlan.Join(LogicalPlan.JoinType.FULL, aggregated,
                    new LogicalPlan.Values(numbers, List.of(LogicalType.INTEGER)),
                    List.of(new BoundExpression.Comparison(CompareOp.EQ, setOfRow, column(padded, LogicalType.INTEGER), 0)));
            missing = new BoundExpression.IsNull(setOfRow, false, 0);
            setOfRow = new BoundExpression.Case(List.of(missing), List.of(column(padded, LogicalType.INTEGER)),
                    setOfRow, LogicalType.INTEGER, 0);
        }

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
            BoundExpression result = column(aggregateStart + a, type);
            if (missing != null) {
                result = new BoundExpression.Case(List.of(missing),
                        List.of(new BoundExpression.Constant(valueOverNoRows(aggregates.get(a).function()), type, 0)),
                        result, type, 0);
            }
            projected.add(result);
        }
        return new LogicalPlan.Project(source, projected);
    }

    private static BoundExpression column(int index, LogicalType type) {
        return new BoundExpression.ColumnRef(index, null, "?column?", type, 0);
    }

    /** What {@code function} answers for a group without rows: its state's result before any update. */
    private static Object valueOverNoRows(AggregateFunction function) {
        try (BufferAllocator allocator = MemoryRoots.newRoot("aggregate over no rows", 1L << 20);
             GroupedAggregateState state = function.newState(allocator)) {
            state.ensureGroups(1);
            try (FieldVector out = ValueAccess.allocate(function.resultType(), "", allocator, 1)) {
                state.writeResults(out, 1);
                out.setValueCount(1);
                return ValueAccess.get(out, 0);
            }
        }
    }
}
