package io.basalt.optimizer.rule;

import io.basalt.optimizer.ExpressionSubstitution;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Moves filter conditions down the plan and into joins: a WHERE conjunct that reads both inputs of an inner
 * join becomes part of the join's condition (where the planner finds hash keys in it), and a conjunct that
 * reads one input only filters that input before the join. FROM lists written with commas, as TPC-H's are,
 * thus become hash joins instead of cross products.
 *
 * <pre>
 * before: Filter [(#0 = #2), (#1 > 5)]
 *           Join INNER []
 *             Scan a [0, 1]
 *             Scan b [0, 1]
 * after:  Join INNER [(#0 = #2)]
 *           Filter [(#1 > 5)]
 *             Scan a [0, 1]
 *           Scan b [0, 1]
 * </pre>
 *
 * Outer joins take only what keeps their meaning: a WHERE conjunct on the preserved side of a LEFT or RIGHT
 * join goes below it (one on the other side must see the NULL-extended rows, so it stays above); an ON
 * conjunct on the non-preserved side filters that side first (one on the preserved side decides matching
 * only, so it stays in the condition); a FULL join keeps everything. Conditions also pass below projections
 * (rewritten over the projection's input) and sorts, into both inputs of a UNION ALL's append, and stop at
 * aggregations and limits.
 */
public final class PushFiltersIntoJoins implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return push(plan, List.of());
    }

    /** {@code plan} with {@code conjuncts} (over its output columns) applied as far down as they may go. */
    private LogicalPlan push(LogicalPlan plan, List<BoundExpression> conjuncts) {
        return switch (plan) {
            case LogicalPlan.Filter filter -> push(filter.input(), concat(filter.conjuncts(), conjuncts));
            case LogicalPlan.Join join -> pushIntoJoin(join, conjuncts);
            case LogicalPlan.Project project -> new LogicalPlan.Project(
                    push(project.input(), ExpressionSubstitution.substituteAll(conjuncts, project.expressions())),
                    project.expressions());
            case LogicalPlan.Sort sort -> new LogicalPlan.Sort(push(sort.input(), conjuncts), sort.keys());
            case LogicalPlan.Window window -> filtered(window.withInput(push(window.input(), List.of())), conjuncts);
            case LogicalPlan.Scan scan -> filtered(scan, conjuncts);
            case LogicalPlan.FunctionScan function -> filtered(function, conjuncts);
            case LogicalPlan.LateralJoin join -> pushIntoLateralJoin(join, conjuncts);
            case LogicalPlan.Values values -> filtered(values, conjuncts);
            case LogicalPlan.Aggregate aggregate -> filtered(aggregate.with(push(aggregate.input(), List.of()),
                    aggregate.groupKeys(), aggregate.aggregates()), conjuncts);
            case LogicalPlan.DistinctOn distinct -> filtered(new LogicalPlan.DistinctOn(push(distinct.input(), List.of()),
                    distinct.keys()), conjuncts);
            case LogicalPlan.Limit limit -> filtered(limit.withInput(push(limit.input(), List.of())), conjuncts);
            case LogicalPlan.Apply apply -> pushBelowApply(apply, conjuncts);
            case LogicalPlan.Write write -> filtered(write.withInput(push(write.input(), List.of())), conjuncts);
            // both inputs have the append's columns: each conjunct filters each input
            case LogicalPlan.Append append -> new LogicalPlan.Append(push(append.left(), conjuncts),
                    push(append.right(), conjuncts));
            case LogicalPlan.Repeat repeat -> filtered(new LogicalPlan.Repeat(push(repeat.input(), List.of())),
                    conjuncts);
            // a filter would change the rows the InitPlan computes over, and may read its values: it stays above
            case LogicalPlan.InitPlanOverInput initPlan -> filtered(initPlan.withInputs(push(initPlan.input(),
                    List.of()), push(initPlan.subplan(), List.of())), conjuncts);
            case LogicalPlan.SortedSetOperation setOperation -> filtered(setOperation.withInputs(
                    push(setOperation.left(), List.of()), push(setOperation.right(), List.of())), conjuncts);
            case LogicalPlan.RecursiveUnion union -> filtered(union.withInputs(push(union.seed(), List.of()),
                    push(union.step(), List.of())), conjuncts);
        };
    }

    /**
     * Conjuncts above a LATERAL join that read only left columns filter the left input (the right side is computed
     * per left row, so fewer left rows means fewer runs); the others stay above. The right side keeps its own.
     */
    private LogicalPlan pushIntoLateralJoin(LogicalPlan.LateralJoin join, List<BoundExpression> above) {
        int leftWidth = join.left().outputTypes().size();
        List<BoundExpression> toLeft = new ArrayList<>();
        List<BoundExpression> kept = new ArrayList<>();
        for (BoundExpression conjunct : above) {
            BitSet read = new BitSet();
            ColumnReferences.collect(conjunct, read);
            (!read.isEmpty() && read.length() <= leftWidth ? toLeft : kept).add(conjunct);
        }
        return filtered(new LogicalPlan.LateralJoin(join.type(), push(join.left(), toLeft),
                push(join.right(), List.of()), join.conjuncts()), kept);
    }

    private enum Side { NONE, LEFT, RIGHT, BOTH }

    private LogicalPlan pushIntoJoin(LogicalPlan.Join join, List<BoundExpression> above) {
        int leftWidth = join.left().outputTypes().size();
        LogicalPlan.JoinType type = join.type();
        List<BoundExpression> toLeft = new ArrayList<>();
        List<BoundExpression> toRight = new ArrayList<>();
        List<BoundExpression> condition = new ArrayList<>();
        List<BoundExpression> remaining = new ArrayList<>();
        for (BoundExpression conjunct : above) {
            Side side = side(conjunct, leftWidth);
            boolean leftGoesDown = type == LogicalPlan.JoinType.INNER || type == LogicalPlan.JoinType.LEFT
                    || type == LogicalPlan.JoinType.SEMI || type == LogicalPlan.JoinType.ANTI;
            boolean rightGoesDown = type == LogicalPlan.JoinType.INNER || type == LogicalPlan.JoinType.RIGHT;
            if (side == Side.LEFT && leftGoesDown) {
                toLeft.add(conjunct);
            } else if (side == Side.RIGHT && rightGoesDown) {
                toRight.add(conjunct);
            } else if (side == Side.BOTH && type == LogicalPlan.JoinType.INNER) {
                condition.add(conjunct);
            } else {
                remaining.add(conjunct);
            }
        }
        for (BoundExpression conjunct : join.conjuncts()) {
            Side side = side(conjunct, leftWidth);
            boolean leftGoesDown = type == LogicalPlan.JoinType.INNER || type == LogicalPlan.JoinType.RIGHT
                    || type == LogicalPlan.JoinType.SEMI;
            boolean rightGoesDown = type == LogicalPlan.JoinType.INNER || type == LogicalPlan.JoinType.LEFT
                    || type == LogicalPlan.JoinType.SEMI || type == LogicalPlan.JoinType.ANTI;
            if (side == Side.LEFT && leftGoesDown) {
                toLeft.add(conjunct);
            } else if (side == Side.RIGHT && rightGoesDown) {
                toRight.add(conjunct);
            } else {
                condition.add(conjunct);
            }
        }
        LogicalPlan left = push(join.left(), toLeft);
        LogicalPlan right = push(join.right(), shiftLeft(toRight, leftWidth));
        return filtered(new LogicalPlan.Join(type, left, right, condition), remaining);
    }

    /** Which join inputs a conjunct reads (columns below {@code leftWidth} are the left input's). */
    private static Side side(BoundExpression conjunct, int leftWidth) {
        BitSet columns = new BitSet();
        ColumnReferences.collect(conjunct, columns);
        if (columns.isEmpty()) {
            return Side.NONE;
        }
        boolean readsLeft = columns.nextSetBit(0) < leftWidth;
        boolean readsRight = columns.length() > leftWidth;
        return readsLeft && readsRight ? Side.BOTH : readsLeft ? Side.LEFT : Side.RIGHT;
    }

    /** Conjuncts over the right input's columns only, renumbered onto the right input. */
    private static List<BoundExpression> shiftLeft(List<BoundExpression> conjuncts, int leftWidth) {
        if (conjuncts.isEmpty()) {
            return conjuncts;
        }
        BitSet columns = new BitSet();
        ColumnReferences.collectAll(conjuncts, columns);
        int[] mapping = new int[columns.length()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i - leftWidth;
        }
        return ColumnReferences.renumberAll(conjuncts, mapping);
    }

    /**
     * A subquery the optimizer kept (a SubPlan or InitPlan) appends its value to its input's columns: conjuncts that
     * do not read that value filter the input first, so that the subquery runs only for the rows they keep.
     */
    private LogicalPlan pushBelowApply(LogicalPlan.Apply apply, List<BoundExpression> conjuncts) {
        int value = apply.input().outputTypes().size();
        List<BoundExpression> below = new ArrayList<>();
        List<BoundExpression> above = new ArrayList<>();
        for (BoundExpression conjunct : conjuncts) {
            BitSet read = new BitSet();
            ColumnReferences.collect(conjunct, read);
            (read.get(value) ? above : below).add(conjunct);
        }
        return filtered(new LogicalPlan.Apply(apply.kind(), push(apply.input(), below),
                push(apply.subquery(), List.of()), apply.comparison()), above);
    }

    private static LogicalPlan filtered(LogicalPlan plan, List<BoundExpression> conjuncts) {
        return conjuncts.isEmpty() ? plan : new LogicalPlan.Filter(plan, conjuncts);
    }

    private static List<BoundExpression> concat(List<BoundExpression> a, List<BoundExpression> b) {
        List<BoundExpression> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
