package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanChildren;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles the filter conditions that compare constants, as they appear once a filter over a UNION ALL of
 * subqueries reaches each branch with the branch's constant columns put in ({@code WHERE t = 2} over
 * {@code SELECT 1 AS t ... UNION ALL SELECT 2 AS t ...}). A comparison of two constants is evaluated; a true
 * conjunct goes, and so does a filter left with none; a false or NULL one makes the filter an empty relation,
 * which empties the projections and filters above it and leaves an appended input out, so that the branch is
 * not read at all (PostgreSQL's planner excludes such branches the same way).
 *
 * <pre>
 * before: Append                          after: Project [2, #0]
 *           Project [1, #0]                        Scan b
 *             Filter [(1 = 2)]
 *               Scan a
 *           Project [2, #0]
 *             Filter [(2 = 2)]
 *               Scan b
 * </pre>
 *
 * ANDs and ORs of such comparisons settle too ({@code (1 = 0) OR x} is {@code x}). A filter over a data-modifying
 * statement is kept, since the statement runs whatever the condition says.
 */
public final class FoldConstantFilters implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanChildren.map(plan, this::apply);
        return switch (rewritten) {
            case LogicalPlan.Filter filter -> fold(filter);
            case LogicalPlan.Project project when isEmpty(project.input()) -> empty(project.outputTypes());
            case LogicalPlan.Append append when isEmpty(append.left()) -> append.right();
            case LogicalPlan.Append append when isEmpty(append.right()) -> append.left();
            default -> rewritten;
        };
    }

    private static LogicalPlan fold(LogicalPlan.Filter filter) {
        if (isEmpty(filter.input())) {
            return filter.input();
        }
        List<BoundExpression> kept = new ArrayList<>();
        boolean changed = false;
        for (BoundExpression conjunct : filter.conjuncts()) {
            BoundExpression settled = settle(conjunct);
            changed |= settled != conjunct;
            if (settled instanceof BoundExpression.Constant constant) {
                if (Boolean.TRUE.equals(constant.value())) {
                    changed = true; // a conjunct the binder already settled (1 IN (VALUES (1), (3))) goes too
                    continue;
                }
                if (!writes(filter.input())) {
                    return empty(filter.outputTypes());
                }
            }
            kept.add(settled);
        }
        if (!changed) {
            return filter;
        }
        return kept.isEmpty() ? filter.input() : new LogicalPlan.Filter(filter.input(), kept);
    }

    /**
     * {@code condition} with its comparisons of constants evaluated and the ANDs and ORs over them simplified: a
     * boolean constant when the whole condition is settled, else the condition (the same instance when nothing
     * in it settled).
     */
    private static BoundExpression settle(BoundExpression condition) {
        return switch (condition) {
            case BoundExpression.Comparison comparison
                    when comparison.left() instanceof BoundExpression.Constant
                    && comparison.right() instanceof BoundExpression.Constant -> evaluate(comparison);
            case BoundExpression.Logical logical -> settle(logical);
            default -> condition;
        };
    }

    private static BoundExpression settle(BoundExpression.Logical logical) {
        List<BoundExpression> operands = new ArrayList<>();
        boolean changed = false;
        for (BoundExpression operand : logical.operands()) {
            BoundExpression settled = settle(operand);
            changed |= settled != operand;
            if (settled instanceof BoundExpression.Constant constant && constant.value() instanceof Boolean value) {
                if (value != logical.isAnd()) {
                    // false in an AND, true in an OR: decides the whole
                    return settled;
                }
                continue; // true in an AND, false in an OR: changes nothing
            }
            operands.add(settled);
        }
        if (!changed) {
            return logical;
        }
        if (operands.isEmpty()) {
            return new BoundExpression.Constant(logical.isAnd(), LogicalType.BOOLEAN, logical.position());
        }
        return operands.size() == 1 ? operands.getFirst()
                : new BoundExpression.Logical(logical.isAnd(), operands, logical.position());
    }

    /** The comparison's value as a constant, or the comparison itself when evaluating it fails. */
    private static BoundExpression evaluate(BoundExpression.Comparison comparison) {
        try {
            Object value = ConstantEvaluator.evaluate(comparison);
            return new BoundExpression.Constant(value, LogicalType.BOOLEAN, comparison.position());
        } catch (RuntimeException e) {
            return comparison; // the error is the query's to raise when it runs
        }
    }

    private static boolean isEmpty(LogicalPlan plan) {
        return plan instanceof LogicalPlan.Values values && values.rows().isEmpty();
    }

    private static LogicalPlan empty(List<LogicalType> types) {
        return new LogicalPlan.Values(List.of(), types);
    }

    /** Whether {@code plan} writes to a table somewhere. */
    private static boolean writes(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Write) {
            return true;
        }
        boolean[] found = {false};
        PlanChildren.map(plan, input -> {
            found[0] |= writes(input);
            return input;
        });
        return found[0];
    }
}
