package io.basalt.optimizer.rule;

import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the conjuncts every branch of an OR shares out of it: {@code (A AND B) OR (A AND C)} is
 * {@code A AND (B OR C)}. TPC-H's Q19 repeats its join condition in each of three branches; only once it
 * stands alone can it become a hash join's key (and the other shared conjuncts filter one side early).
 *
 * <pre>
 * before: Filter [((#0 = #2 AND #1 > 5) OR (#0 = #2 AND #1 < 2))]
 *           Join INNER []
 * after:  Filter [(#0 = #2), ((#1 > 5) OR (#1 < 2))]
 *           Join INNER []
 * </pre>
 *
 * When a branch consists of the shared conjuncts alone, the OR is true whenever they are, and it goes.
 * Applies to filters and join conditions anywhere in the plan.
 */
public final class ExtractCommonConjuncts implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Filter filter -> new LogicalPlan.Filter(apply(filter.input()), extract(filter.conjuncts()));
            case LogicalPlan.Join join -> new LogicalPlan.Join(join.type(), apply(join.left()), apply(join.right()),
                    extract(join.conjuncts()));
            case LogicalPlan.Project project -> new LogicalPlan.Project(apply(project.input()), project.expressions());
            case LogicalPlan.Aggregate aggregate -> aggregate.with(apply(aggregate.input()),
                    aggregate.groupKeys(), aggregate.aggregates());
            case LogicalPlan.Sort sort -> new LogicalPlan.Sort(apply(sort.input()), sort.keys());
            case LogicalPlan.Window window -> window.withInput(apply(window.input()));
            case LogicalPlan.Limit limit -> limit.withInput(apply(limit.input()));
            case LogicalPlan.DistinctOn distinct -> new LogicalPlan.DistinctOn(apply(distinct.input()), distinct.keys());
            case LogicalPlan.Write write -> write.withInput(apply(write.input()));
            case LogicalPlan.Append append -> new LogicalPlan.Append(apply(append.left()), apply(append.right()));
            case LogicalPlan.Repeat repeat -> new LogicalPlan.Repeat(apply(repeat.input()));
            case LogicalPlan.InitPlanOverInput initPlan -> initPlan.withInputs(apply(initPlan.input()),
                    apply(initPlan.subplan()));
            case LogicalPlan.SortedSetOperation setOperation ->
                    setOperation.withInputs(apply(setOperation.left()), apply(setOperation.right()));
            case LogicalPlan.RecursiveUnion union -> union.withInputs(apply(union.seed()), apply(union.step()));
            case LogicalPlan.Apply a -> new LogicalPlan.Apply(a.kind(), apply(a.input()), apply(a.subquery()),
                    a.comparison());
            case LogicalPlan.LateralJoin join -> new LogicalPlan.LateralJoin(join.type(), apply(join.left()),
                    apply(join.right()), join.conjuncts());
            case LogicalPlan.FunctionScan function -> function;
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Values values -> values;
        };
    }

    private static List<BoundExpression> extract(List<BoundExpression> conjuncts) {
        List<BoundExpression> out = new ArrayList<>();
        for (BoundExpression conjunct : conjuncts) {
            if (conjunct instanceof BoundExpression.Logical or && !or.isAnd()) {
                out.addAll(extract(or));
            } else {
                out.add(conjunct);
            }
        }
        return out;
    }

    /** The conjuncts an OR implies in every branch, then the OR of what remains (if anything does). */
    private static List<BoundExpression> extract(BoundExpression.Logical or) {
        List<List<BoundExpression>> branches = new ArrayList<>();
        for (BoundExpression branch : or.operands()) {
            branches.add(conjunctsOf(branch));
        }
        List<BoundExpression> common = new ArrayList<>();
        for (BoundExpression candidate : branches.getFirst()) {
            boolean everywhere = true;
            for (List<BoundExpression> branch : branches) {
                everywhere &= indexOf(branch, candidate) >= 0;
            }
            if (everywhere && indexOf(common, candidate) < 0) {
                common.add(candidate);
            }
        }
        if (common.isEmpty()) {
            return List.of(or);
        }
        List<BoundExpression> remainders = new ArrayList<>();
        for (List<BoundExpression> branch : branches) {
            List<BoundExpression> rest = new ArrayList<>();
            for (BoundExpression conjunct : branch) {
                if (indexOf(common, conjunct) < 0) {
                    rest.add(conjunct);
                }
            }
            if (rest.isEmpty()) {
                return common;
            }
            remainders.add(rest.size() == 1 ? rest.getFirst() : new BoundExpression.Logical(true, rest, or.position()));
        }
        List<BoundExpression> out = new ArrayList<>(common);
        out.add(new BoundExpression.Logical(false, remainders, or.position()));
        return out;
    }

    private static List<BoundExpression> conjunctsOf(BoundExpression expression) {
        if (expression instanceof BoundExpression.Logical and && and.isAnd()) {
            List<BoundExpression> out = new ArrayList<>();
            for (BoundExpression operand : and.operands()) {
                out.addAll(conjunctsOf(operand));
            }
            return out;
        }
        return List.of(expression);
    }

    private static int indexOf(List<BoundExpression> expressions, BoundExpression wanted) {
        for (int i = 0; i < expressions.size(); i++) {
            if (ExpressionEquivalence.same(expressions.get(i), wanted)) {
                return i;
            }
        }
        return -1;
    }
}
