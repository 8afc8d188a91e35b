package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Derives from an OR in an inner join's condition a filter for each input the OR restricts: when every branch
 * has conjuncts that read only the left input, the OR of those conjuncts holds for every left row that can
 * match, and filters the left input before the join (the same for the right). The OR itself stays in the
 * condition. TPC-H's Q7 ({@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')})
 * and Q19 thus read two nations, and the few parts and line items of its branches, instead of all of them.
 *
 * <pre>
 * before: Join INNER [(#0 = #2), ((#1 = 1 AND #3 = 2) OR (#1 = 2 AND #3 = 1))]
 *           Scan a [0, 1]
 *           Scan b [0, 1]
 * after:  Join INNER [(#0 = #2), ((#1 = 1 AND #3 = 2) OR (#1 = 2 AND #3 = 1))]
 *           Filter [((#1 = 1) OR (#1 = 2))]
 *             Scan a [0, 1]
 *           Filter [((#1 = 2) OR (#1 = 1))]
 *             Scan b [0, 1]
 * </pre>
 *
 * PostgreSQL derives the same restrictions (its "OR clause extraction"). The new filters sit on top of the
 * inputs; {@link PushFiltersIntoJoins}, run again after this rule, moves them down to the scans.
 */
public final class DeriveInputFiltersFromOr implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Join join when join.type() == LogicalPlan.JoinType.INNER -> derive(join);
            default -> PlanInputs.map(plan, this::apply);
        };
    }

    private LogicalPlan derive(LogicalPlan.Join join) {
        LogicalPlan left = apply(join.left());
        LogicalPlan right = apply(join.right());
        int leftWidth = join.left().outputTypes().size();
        int width = leftWidth + join.right().outputTypes().size();
        List<BoundExpression> leftFilters = new ArrayList<>();
        List<BoundExpression> rightFilters = new ArrayList<>();
        for (BoundExpression conjunct : join.conjuncts()) {
            if (!(conjunct instanceof BoundExpression.Logical or) || or.isAnd()) {
                continue;
            }
            BoundExpression onLeft = restriction(or, 0, leftWidth);
            if (onLeft != null) {
                leftFilters.add(onLeft);
            }
            BoundExpression onRight = restriction(or, leftWidth, width);
            if (onRight != null) {
                int[] shift = new int[width];
                for (int i = 0; i < width; i++) {
                    shift[i] = i - leftWidth;
                }
                rightFilters.add(ColumnReferences.renumber(onRight, shift));
            }
        }
        return new LogicalPlan.Join(join.type(), leftFilters.isEmpty() ? left : new LogicalPlan.Filter(left, leftFilters),
                rightFilters.isEmpty() ? right : new LogicalPlan.Filter(right, rightFilters), join.conjuncts());
    }

    /**
     * The OR over {@code or}'s branches of each branch's conjuncts that read only columns in {@code [from, to)},
     * or null when some branch has none (or every branch reads only those columns: then the OR is no join
     * condition and already filters that input).
     */
    private static BoundExpression restriction(BoundExpression.Logical or, int from, int to) {
        List<BoundExpression> branches = new ArrayList<>();
        boolean readsOutside = false;
        for (BoundExpression branch : or.operands()) {
            List<BoundExpression> parts = branch instanceof BoundExpression.Logical and && and.isAnd()
                    ? and.operands() : List.of(branch);
            List<BoundExpression> inside = new ArrayList<>();
            for (BoundExpression part : parts) {
                BitSet columns = new BitSet();
                ColumnReferences.collect(part, columns);
                boolean within = !columns.isEmpty() && columns.nextSetBit(0) >= from && columns.length() <= to;
                if (within) {
                    inside.add(part);
                } else {
                    readsOutside = true;
                }
            }
            if (inside.isEmpty()) {
                return null;
            }
            branches.add(inside.size() == 1 ? inside.getFirst()
                    : new BoundExpression.Logical(true, inside, inside.getFirst().position()));
        }
        if (!readsOutside) {
            return null;
        }
        return new BoundExpression.Logical(false, branches, or.position());
    }
}
