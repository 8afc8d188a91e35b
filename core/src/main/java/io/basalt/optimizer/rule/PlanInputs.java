package io.basalt.optimizer.rule;

import io.basalt.plan.logical.LogicalPlan;
import java.util.function.UnaryOperator;

/**
 * The one traversal the optimizer rules share: a plan node rebuilt with each of its inputs replaced by
 * {@code rewrite(input)}, everything else about the node kept. A rule handles the nodes it changes and hands every
 * other node here with itself as {@code rewrite}, so adding a node kind means changing this switch only.
 */
final class PlanInputs {
    private PlanInputs() {
    }

    static LogicalPlan map(LogicalPlan plan, UnaryOperator<LogicalPlan> rewrite) {
        return switch (plan) {
            case LogicalPlan.Join join -> new LogicalPlan.Join(join.type(), rewrite.apply(join.left()),
                    rewrite.apply(join.right()), join.conjuncts());
            case LogicalPlan.Filter filter -> new LogicalPlan.Filter(rewrite.apply(filter.input()), filter.conjuncts());
            case LogicalPlan.Project project -> new LogicalPlan.Project(rewrite.apply(project.input()),
                    project.expressions());
            case LogicalPlan.Aggregate aggregate -> aggregate.with(rewrite.apply(aggregate.input()),
                    aggregate.groupKeys(), aggregate.aggregates());
            case LogicalPlan.Sort sort -> new LogicalPlan.Sort(rewrite.apply(sort.input()), sort.keys());
            case LogicalPlan.Window window -> window.withInput(rewrite.apply(window.input()));
            case LogicalPlan.Limit limit -> limit.withInput(rewrite.apply(limit.input()));
            case LogicalPlan.DistinctOn distinct -> new LogicalPlan.DistinctOn(rewrite.apply(distinct.input()),
                    distinct.keys());
            case LogicalPlan.Write write -> write.withInput(rewrite.apply(write.input()));
            case LogicalPlan.Append append -> new LogicalPlan.Append(rewrite.apply(append.left()),
                    rewrite.apply(append.right()));
            case LogicalPlan.Repeat repeat -> new LogicalPlan.Repeat(rewrite.apply(repeat.input()));
            case LogicalPlan.InitPlanOverInput initPlan -> initPlan.withInputs(rewrite.apply(initPlan.input()),
                    rewrite.apply(initPlan.subplan()));
            case LogicalPlan.SortedSetOperation setOperation -> setOperation.withInputs(
                    rewrite.apply(setOperation.left()), rewrite.apply(setOperation.right()));
            case LogicalPlan.RecursiveUnion union -> union.withInputs(rewrite.apply(union.seed()),
                    rewrite.apply(union.step()));
            case LogicalPlan.Apply a -> new LogicalPlan.Apply(a.kind(), rewrite.apply(a.input()),
                    rewrite.apply(a.subquery()), a.comparison());
            case LogicalPlan.LateralJoin join -> new LogicalPlan.LateralJoin(join.type(), rewrite.apply(join.left()),
                    rewrite.apply(join.right()), join.conjuncts());
            case LogicalPlan.FunctionScan function -> function;
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Values values -> values;
        };
    }
}
