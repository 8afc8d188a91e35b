package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanChildren;
import io.basalt.type.LogicalType;
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
 * With enable_hashagg on, it sorts only a UNION whose rows have a column of an anonymous record type: PostgreSQL's
 * type cache does not report such a row type hashable, so its UNION sorts.
 *
 * It runs before the other rules, on the plan as bound, where a DISTINCT or UNION is told from a GROUP BY by its
 * keys being all its input's columns, and a UNION from a DISTINCT by its input being the appended operands.
 */
public final class SortedDistinct implements OptimizerRule {
    private final boolean hashing;

    /** {@code hashing}: the session's enable_hashagg; when on, only UNIONs of anonymous record types are sorted. */
    public SortedDistinct(boolean hashing) {
        this.hashing = hashing;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanChildren.map(plan, this::apply);
        if (!(rewritten instanceof LogicalPlan.Aggregate aggregate) || !isDistinct(aggregate)) {
            return rewritten;
        }
        if (hashing && !(aggregate.input() instanceof LogicalPlan.Append
                && hasAnonymousRecord(aggregate.input().outputTypes()))) {
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

    /** Whether one of {@code types} is an anonymous record type (a ROW(...) constructor's). */
    static boolean hasAnonymousRecord(List<LogicalType> types) {
        for (LogicalType type : types) {
            if (type.isRecord() && type.record().isAnonymous()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code aggregate} removes duplicate rows: no aggregates, and its keys are its input's columns in order,
     * as the binder plans DISTINCT and UNION (a GROUP BY names its keys among the FROM list's columns).
     */
    static boolean isDistinct(LogicalPlan.Aggregate aggregate) {
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
