package io.basalt.plan.logical;

import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import java.util.List;

/**
 * Recognises the counting form in which the binder plans INTERSECT and EXCEPT ({@code SetOperationBinder}), for
 * EXPLAIN's SetOp nodes and for the rule that sorts them ({@code SortedSetOperations}).
 */
public final class SetOperationShape {
    private SetOperationShape() {
    }

    /**
     * "Intersect" or "Except" when {@code counts}, kept where {@code conjuncts} hold, is how the binder runs INTERSECT
     * or EXCEPT (see SetOperationBinder): both sides appended, each row's occurrences counted per side (count(1) and
     * count(NULL) over the left side's rows, the other way round over the right's), the left count above zero and the
     * right one above zero (INTERSECT) or zero (EXCEPT); else null.
     */
    public static String setOperation(LogicalPlan.Aggregate counts, List<BoundExpression> conjuncts) {
        if (!countsSides(counts) || conjuncts.size() != 2) {
            return null;
        }
        int left = counts.groupKeys().size();
        if (!comparesWithZero(conjuncts.get(0), left, CompareOp.GT)) {
            return null;
        }
        if (comparesWithZero(conjuncts.get(1), left + 1, CompareOp.GT)) {
            return "Intersect";
        }
        return comparesWithZero(conjuncts.get(1), left + 1, CompareOp.EQ) ? "Except" : null;
    }

    /**
     * Whether {@code counts} counts, per row of an appended pair of inputs, the rows from each side: its two aggregates
     * are count() of the marker columns each side adds (1 and NULL on the left side's rows, NULL and 1 on the right's).
     */
    public static boolean countsSides(LogicalPlan.Aggregate counts) {
        if (counts.aggregates().size() != 2 || !(counts.input() instanceof LogicalPlan.Append sides)
                || !(sides.left() instanceof LogicalPlan.Project left)
                || !(sides.right() instanceof LogicalPlan.Project right)) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            LogicalPlan.AggregateSpec spec = counts.aggregates().get(side);
            if (!(spec.function() instanceof CountAggregate) || spec.filter() != null
                    || !spec.extraArguments().isEmpty()
                    || !(spec.argument() instanceof BoundExpression.ColumnRef marker)
                    || marker.index() >= left.expressions().size()
                    || !isMarker(left.expressions().get(marker.index()), side == 0)
                    || !isMarker(right.expressions().get(marker.index()), side == 1)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code expression} is the constant 1 (a row of the counted side) or, if not {@code counted}, NULL. */
    private static boolean isMarker(BoundExpression expression, boolean counted) {
        return expression instanceof BoundExpression.Constant constant
                && (counted ? Long.valueOf(1L).equals(constant.value()) : constant.value() == null);
    }

    /** Whether {@code conjunct} is {@code column <operator> 0}. */
    private static boolean comparesWithZero(BoundExpression conjunct, int column, CompareOp operator) {
        return conjunct instanceof BoundExpression.Comparison comparison && comparison.operator() == operator
                && comparison.left() instanceof BoundExpression.ColumnRef reference && reference.index() == column
                && comparison.right() instanceof BoundExpression.Constant zero && Long.valueOf(0L).equals(zero.value());
    }
}
