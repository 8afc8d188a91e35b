package io.basalt.plan.logical;

import java.util.function.UnaryOperator;

/**
 * A plan node with each of its inputs replaced by {@code f(input)}, everything else kept: the recursion step of
 * rules that rewrite one kind of node wherever it is. Inputs whose columns a rule changes must keep their column
 * lists, since the node's expressions refer to them by position.
 */
public final class PlanChildren {
    private PlanChildren() {
    }

    public static LogicalPlan map(LogicalPlan plan, UnaryOperator<LogicalPlan> f) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Values values -> values;
            case LogicalPlan.FunctionScan function -> function;
            case LogicalPlan.Filter filter -> new LogicalPlan.Filter(f.apply(filter.input()), filter.conjuncts());
            case LogicalPlan.Project project -> new LogicalPlan.Project(f.apply(project.input()), project.expressions());
            case LogicalPlan.Join join -> new LogicalPlan.Join(join.type(), f.apply(join.left()), f.apply(join.right()),
                    join.conjuncts());
            case LogicalPlan.LateralJoin join -> new LogicalPlan.LateralJoin(join.type(), f.apply(join.left()),
                    f.apply(join.right()), join.conjuncts());
            case LogicalPlan.Apply apply -> new LogicalPlan.Apply(apply.kind(), f.apply(apply.input()),
                    f.apply(apply.subquery()), apply.comparison());
            case LogicalPlan.Aggregate aggregate -> aggregate.with(f.apply(aggregate.input()),
                    aggregate.groupKeys(), aggregate.aggregates());
            case LogicalPlan.Window window -> window.withInput(f.apply(window.input()));
            case LogicalPlan.Sort sort -> new LogicalPlan.Sort(f.apply(sort.input()), sort.keys());
            case LogicalPlan.DistinctOn distinct -> new LogicalPlan.DistinctOn(f.apply(distinct.input()), distinct.keys());
            case LogicalPlan.Limit limit -> limit.withInput(f.apply(limit.input()));
            case LogicalPlan.Append append -> new LogicalPlan.Append(f.apply(append.left()), f.apply(append.right()));
            case LogicalPlan.Repeat repeat -> new LogicalPlan.Repeat(f.apply(repeat.input()));
            case LogicalPlan.InitPlanOverInput initPlan -> initPlan.withInputs(f.apply(initPlan.input()),
                    f.apply(initPlan.subplan()));
            case LogicalPlan.SortedSetOperation setOperation ->
                    setOperation.withInputs(f.apply(setOperation.left()), f.apply(setOperation.right()));
            case LogicalPlan.RecursiveUnion union -> union.withInputs(f.apply(union.seed()), f.apply(union.step()));
            case LogicalPlan.Write write -> write.withInput(f.apply(write.input()));
        };
    }
}
