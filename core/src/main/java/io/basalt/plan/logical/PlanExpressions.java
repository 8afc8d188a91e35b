package io.basalt.plan.logical;

import io.basalt.plan.expression.BoundExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites every expression of a plan, node by node, leaving the plan's shape alone. The rewriter learns how many
 * LATERAL right sides enclose the expression ({@code lateralDepth}): inside one, an outer reference of depth 1 is
 * the LATERAL join's left row, so a reference to the plan's own enclosing query is one level deeper there. A
 * subquery an {@link LogicalPlan.Apply} runs counts as one too: it reads the Apply's input row the same way.
 * A {@link LogicalPlan.Write} is not expected inside the plans this walks (it throws).
 */
public final class PlanExpressions {
    /** Rewrites one expression found at {@code lateralDepth} LATERAL right sides deep. */
    @FunctionalInterface
    public interface Rewriter {
        BoundExpression rewrite(BoundExpression expression, int lateralDepth);
    }

    private PlanExpressions() {
    }

    public static LogicalPlan rewrite(LogicalPlan plan, Rewriter rewriter) {
        return rewrite(plan, rewriter, 0);
    }

    private static LogicalPlan rewrite(LogicalPlan plan, Rewriter rewriter, int depth) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Values values -> {
                List<List<BoundExpression>> rows = new ArrayList<>();
                for (List<BoundExpression> row : values.rows()) {
                    rows.add(all(row, rewriter, depth));
                }
                yield new LogicalPlan.Values(rows, values.outputTypes());
            }
            case LogicalPlan.FunctionScan function -> new LogicalPlan.FunctionScan(function.function(),
                    all(function.arguments(), rewriter, depth), function.outputTypes());
            case LogicalPlan.Filter filter -> new LogicalPlan.Filter(rewrite(filter.input(), rewriter, depth),
                    all(filter.conjuncts(), rewriter, depth));
            case LogicalPlan.Project project -> new LogicalPlan.Project(rewrite(project.input(), rewriter, depth),
                    all(project.expressions(), rewriter, depth));
            case LogicalPlan.Join join -> new LogicalPlan.Join(join.type(), rewrite(join.left(), rewriter, depth),
                    rewrite(join.right(), rewriter, depth), all(join.conjuncts(), rewriter, depth));
            case LogicalPlan.LateralJoin join -> new LogicalPlan.LateralJoin(join.type(),
                    rewrite(join.left(), rewriter, depth), rewrite(join.right(), rewriter, depth + 1),
                    all(join.conjuncts(), rewriter, depth));
            case LogicalPlan.Apply apply -> new LogicalPlan.Apply(apply.kind(), rewrite(apply.input(), rewriter, depth),
                    rewrite(apply.subquery(), rewriter, depth + 1),
                    apply.comparison() == null ? null : rewriter.rewrite(apply.comparison(), depth));
            case LogicalPlan.Aggregate aggregate -> {
                List<LogicalPlan.AggregateSpec> specs = new ArrayList<>();
                for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
                    specs.add(spec.map(operand -> rewriter.rewrite(operand, depth)));
                }
                yield aggregate.with(rewrite(aggregate.input(), rewriter, depth),
                        all(aggregate.groupKeys(), rewriter, depth), specs);
            }
            case LogicalPlan.Window window -> window.map(rewrite(window.input(), rewriter, depth),
                    expression -> rewriter.rewrite(expression, depth));
            case LogicalPlan.Sort sort -> new LogicalPlan.Sort(rewrite(sort.input(), rewriter, depth), sort.keys());
            case LogicalPlan.DistinctOn distinct -> new LogicalPlan.DistinctOn(rewrite(distinct.input(), rewriter, depth),
                    distinct.keys());
            case LogicalPlan.Limit limit -> limit.withInput(rewrite(limit.input(), rewriter, depth));
            case LogicalPlan.Append append -> new LogicalPlan.Append(rewrite(append.left(), rewriter, depth),
                    rewrite(append.right(), rewriter, depth));
            case LogicalPlan.Repeat repeat -> new LogicalPlan.Repeat(rewrite(repeat.input(), rewriter, depth));
            case LogicalPlan.InitPlanOverInput initPlan -> initPlan.withInputs(rewrite(initPlan.input(), rewriter, depth),
                    rewrite(initPlan.subplan(), rewriter, depth));
            case LogicalPlan.SortedSetOperation setOperation -> setOperation.withInputs(
                    rewrite(setOperation.left(), rewriter, depth), rewrite(setOperation.right(), rewriter, depth));
            case LogicalPlan.RecursiveUnion union -> union.withInputs(rewrite(union.seed(), rewriter, depth),
                    rewrite(union.step(), rewriter, depth));
            case LogicalPlan.Write write -> throw new IllegalArgumentException(write.kind() + " inside a rewritten plan");
        };
    }

    private static List<BoundExpression> all(List<BoundExpression> expressions, Rewriter rewriter, int depth) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(rewriter.rewrite(expression, depth));
        }
        return out;
    }
}
