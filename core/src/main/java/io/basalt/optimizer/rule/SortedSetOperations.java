package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanChildren;
import io.basalt.plan.logical.SetOperationShape;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs INTERSECT and EXCEPT (without ALL) by sorting both inputs and merging them
 * ({@link LogicalPlan.SortedSetOperation}, PostgreSQL's sorted SetOp) where PostgreSQL does not hash them: with the
 * session's enable_hashagg off ({@code hashing} false), or, with it on, when a column is of an anonymous record type
 * (PostgreSQL's type cache does not report such a row type hashable, so its set operations sort). The rows come
 * out in sorted order.
 *
 * <pre>
 * before: Project [#0]                                after: Project [#0]
 *           Filter [#1 > 0, #2 > 0]                          SortedSetOperation intersect
 *             Aggregate [#0] [count(#1), count(#2)]            Sort [#0]
 *               Append                                           Project [#0]   (left)
 *                 Project [#0, 1, NULL]  (left)                Sort [#0]
 *                 Project [#0, NULL, 1]  (right)                 Project [#0]   (right)
 * </pre>
 *
 * It runs before the other rules, on the plan as bound ({@code SetOperationBinder}'s counting form), which it
 * recognises by its marker columns and its filter on the counts. The ALL forms stay hashed.
 */
public final class SortedSetOperations implements OptimizerRule {
    private final boolean hashing;

    /** {@code hashing}: the session's enable_hashagg; when on, only rows of anonymous record types are sorted. */
    public SortedSetOperations(boolean hashing) {
        this.hashing = hashing;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanChildren.map(plan, this::apply);
        if (!(rewritten instanceof LogicalPlan.Filter filter)
                || !(filter.input() instanceof LogicalPlan.Aggregate counts)) {
            return rewritten;
        }
        Boolean intersect = setOperation(filter.conjuncts(), counts);
        if (intersect == null) {
            return rewritten;
        }
        LogicalPlan.Append sides = (LogicalPlan.Append) counts.input();
        LogicalPlan left = withoutMarkers((LogicalPlan.Project) sides.left());
        LogicalPlan right = withoutMarkers((LogicalPlan.Project) sides.right());
        if (hashing && !SortedDistinct.hasAnonymousRecord(left.outputTypes())) {
            return rewritten;
        }
        return new LogicalPlan.SortedSetOperation(sortedOnAll(left), sortedOnAll(right), intersect);
    }

    /**
     * True for INTERSECT, false for EXCEPT, null for anything else: {@code conjuncts} keep the rows counted on the
     * left ({@code l > 0}) and on the right ({@code r > 0}) or not ({@code r = 0}), where {@code counts} groups the
     * appended, marked sides by all their row's columns and counts each side's marker.
     */
    private static Boolean setOperation(List<BoundExpression> conjuncts, LogicalPlan.Aggregate counts) {
        String kind = SetOperationShape.setOperation(counts, conjuncts);
        int width = counts.groupKeys().size();
        if (kind == null || counts.groupingSets() != null || width == 0 || !markersLast(counts)) {
            return null;
        }
        for (int i = 0; i < width; i++) {
            if (!(counts.groupKeys().get(i) instanceof BoundExpression.ColumnRef key) || key.index() != i) {
                return null;
            }
        }
        return kind.equals("Intersect");
    }

    /** Whether each side's two markers follow its columns (w, w + 1), where {@link #withoutMarkers} drops them. */
    private static boolean markersLast(LogicalPlan.Aggregate counts) {
        int width = counts.groupKeys().size();
        LogicalPlan.Append sides = (LogicalPlan.Append) counts.input();
        for (int side = 0; side < 2; side++) {
            if (((LogicalPlan.Project) (side == 0 ? sides.left() : sides.right())).expressions().size() != width + 2
                    || !(counts.aggregates().get(side).argument() instanceof BoundExpression.ColumnRef marker)
                    || marker.index() != width + side) {
                return false;
            }
        }
        return true;
    }

    /** A side's row without the two marker columns its projection adds. */
    private static LogicalPlan withoutMarkers(LogicalPlan.Project marked) {
        List<BoundExpression> row = marked.expressions().subList(0, marked.expressions().size() - 2);
        return new LogicalPlan.Project(marked.input(), row);
    }

    /** {@code input} sorted on all its columns, ascending with NULLs last. */
    private static LogicalPlan sortedOnAll(LogicalPlan input) {
        List<LogicalPlan.SortSpec> order = new ArrayList<>();
        List<LogicalType> types = input.outputTypes();
        for (int i = 0; i < types.size(); i++) {
            order.add(new LogicalPlan.SortSpec(i, false, false));
        }
        return new LogicalPlan.Sort(input, order);
    }
}
