package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import java.util.BitSet;
import java.util.List;

/**
 * Moves a semi or anti join (an IN / EXISTS / NOT EXISTS that became a join) below the inner joins under it, to
 * the input whose columns its condition reads, so that it thins that input before the other joins see its
 * rows, and the join enumerator sees the thinned input. TPC-H's Q18 keeps the few orders with large line-item
 * totals before joining them with their customers and line items, instead of after.
 *
 * <pre>
 * before: Join SEMI [(#1 = #3)]                    -- a(#0), b(#1, #2), s(#3)
 *           Join INNER [(#0 = #2)]
 *             Scan a [0]
 *             Scan b [0, 1]
 *           Scan s [0]
 * after:  Join INNER [(#0 = #2)]
 *           Scan a [0]
 *           Join SEMI [(#0 = #2)]
 *             Scan b [0, 1]
 *             Scan s [0]
 * </pre>
 *
 * The semi join's output is its left input's columns, so the inner join's output stays the same. A condition
 * that reads both inner inputs (or none) keeps the semi join where it is.
 */
public final class PushSemiJoinsIntoInnerJoins implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Join join when join.type() == LogicalPlan.JoinType.SEMI
                    || join.type() == LogicalPlan.JoinType.ANTI -> push(join.type(), apply(join.left()),
                    apply(join.right()), join.conjuncts());
            default -> PlanInputs.map(plan, this::apply);
        };
    }

    /** The semi (or anti) join of {@code left} and {@code right} on {@code conjuncts}, as deep in {@code left} as it goes. */
    private static LogicalPlan push(LogicalPlan.JoinType type, LogicalPlan left, LogicalPlan right,
                                    List<BoundExpression> conjuncts) {
        if (!(left instanceof LogicalPlan.Join inner) || inner.type() != LogicalPlan.JoinType.INNER) {
            return new LogicalPlan.Join(type, left, right, conjuncts);
        }
        int leftWidth = left.outputTypes().size();
        int rightWidth = right.outputTypes().size();
        int firstWidth = inner.left().outputTypes().size();
        int secondWidth = inner.right().outputTypes().size();
        BitSet columns = new BitSet();
        ColumnReferences.collectAll(conjuncts, columns);
        columns.clear(leftWidth, leftWidth + rightWidth);
        if (columns.isEmpty()) {
            return new LogicalPlan.Join(type, left, right, conjuncts);
        }
        boolean first = columns.length() <= firstWidth;
        boolean second = columns.nextSetBit(0) >= firstWidth;
        if (!first && !second) {
            return new LogicalPlan.Join(type, left, right, conjuncts);
        }
        // renumber onto (chosen inner input, then right)
        int chosenStart = first ? 0 : firstWidth;
        int chosenWidth = first ? firstWidth : secondWidth;
        int[] mapping = new int[leftWidth + rightWidth];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i < leftWidth ? i - chosenStart : i - leftWidth + chosenWidth;
        }
        List<BoundExpression> renumbered = ColumnReferences.renumberAll(conjuncts, mapping);
        if (first) {
            return new LogicalPlan.Join(LogicalPlan.JoinType.INNER, push(type, inner.left(), right, renumbered),
                    inner.right(), inner.conjuncts());
        }
        return new LogicalPlan.Join(LogicalPlan.JoinType.INNER, inner.left(),
                push(type, inner.right(), right, renumbered), inner.conjuncts());
    }
}
