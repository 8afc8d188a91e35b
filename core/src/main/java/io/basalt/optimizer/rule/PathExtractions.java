package io.basalt.optimizer.rule;

import io.basalt.exec.function.json.JsonbExtractFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the rules that move JSONB path extractions down to the scans they read share
 * ({@link PushPathExtractionsBelowJoins}, {@link PushPathExtractionsBelowWindows}): which inputs
 * {@link ReadShreddedPaths} can rewrite once extractions sit directly above them, what an extraction is, and a walk
 * that replaces the outermost parts of an expression.
 */
final class PathExtractions {
    private PathExtractions() {
    }

    /**
     * Whether {@code input} is a scan, a Filter over one, or a Project of plain column references over either (the
     * inputs {@link ReadShreddedPaths} rewrites once extractions sit directly above them).
     */
    static boolean scanned(LogicalPlan input) {
        LogicalPlan below = input;
        if (input instanceof LogicalPlan.Project project) {
            for (BoundExpression expression : project.expressions()) {
                if (!(expression instanceof BoundExpression.ColumnRef)) {
                    return false;
                }
            }
            below = project.input();
        }
        return below instanceof LogicalPlan.Scan
                || below instanceof LogicalPlan.Filter filter && filter.input() instanceof LogicalPlan.Scan;
    }

    /**
     * The JSONB column an extraction with constant object keys reads ({@code col->'a'->>'b'}, {@code col #> '{a}'}),
     * or null when {@code expression} is not one.
     */
    static BoundExpression.ColumnRef document(BoundExpression expression) {
        BoundExpression current = expression;
        boolean top = true;
        while (true) {
            if (current instanceof BoundExpression.ColumnRef column) {
                return !top && column.type().id() == TypeId.JSONB ? column : null;
            }
            if (!(current instanceof BoundExpression.Function call
                    && call.function() instanceof JsonbExtractFunction function && call.arguments().size() == 1
                    && function.constantKeys() != null)) {
                return null;
            }
            current = call.arguments().getFirst();
            top = false;
        }
    }

    static List<BoundExpression> replaceAll(List<BoundExpression> expressions,
                                                    UnaryOperator<BoundExpression> replace) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(replaced(expression, replace));
        }
        return out;
    }

    /** {@code expression} with each outermost part {@code replace} answers (non-null) replaced by its answer. */
    static BoundExpression replaced(BoundExpression expression, UnaryOperator<BoundExpression> replace) {
        BoundExpression answer = replace.apply(expression);
        if (answer != null) {
            return answer;
        }
        return switch (expression) {
            case BoundExpression.ColumnRef e -> e;
            case BoundExpression.Constant e -> e;
            case BoundExpression.Arithmetic e -> new BoundExpression.Arithmetic(e.operator(),
                    replaced(e.left(), replace), replaced(e.right(), replace), e.type(), e.position());
            case BoundExpression.Negate e -> new BoundExpression.Negate(replaced(e.operand(), replace), e.position());
            case BoundExpression.Comparison e -> new BoundExpression.Comparison(e.operator(),
                    replaced(e.left(), replace), replaced(e.right(), replace), e.position());
            case BoundExpression.Logical e -> new BoundExpression.Logical(e.isAnd(), replaceAll(e.operands(), replace),
                    e.position());
            case BoundExpression.Not e -> new BoundExpression.Not(replaced(e.operand(), replace), e.position());
            case BoundExpression.IsNull e -> new BoundExpression.IsNull(replaced(e.operand(), replace), e.negated(),
                    e.position());
            case BoundExpression.Cast e -> new BoundExpression.Cast(replaced(e.operand(), replace), e.type(),
                    e.explicit(), e.position());
            case BoundExpression.Case e -> new BoundExpression.Case(replaceAll(e.conditions(), replace),
                    replaceAll(e.results(), replace),
                    e.otherwise() == null ? null : replaced(e.otherwise(), replace), e.type(), e.position());
            case BoundExpression.Function e -> new BoundExpression.Function(e.function(),
                    replaceAll(e.arguments(), replace), e.type(), e.position());
            case BoundExpression.AggregateCall e -> e.map(operand -> replaced(operand, replace));
        };
    }

    /** Adds the input columns {@code specs} read (arguments, extra arguments, FILTER conditions) to {@code read}. */
    static void collectReferences(java.util.List<io.basalt.plan.logical.LogicalPlan.AggregateSpec> specs,
                                  java.util.BitSet read) {
        for (io.basalt.plan.logical.LogicalPlan.AggregateSpec spec : specs) {
            if (spec.argument() != null) {
                io.basalt.plan.expression.ColumnReferences.collect(spec.argument(), read);
            }
            io.basalt.plan.expression.ColumnReferences.collectAll(spec.extraArguments(), read);
            if (spec.filter() != null) {
                io.basalt.plan.expression.ColumnReferences.collect(spec.filter(), read);
            }
        }
    }
}
