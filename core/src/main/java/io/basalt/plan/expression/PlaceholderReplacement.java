package io.basalt.plan.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Replaces the {@link Placeholder}s of an expression: each is handed to a function that returns what
 * takes its place (the placeholder's own expression to keep it). Also tells whether an expression holds
 * a placeholder of a kind.
 */
public final class PlaceholderReplacement {
    private PlaceholderReplacement() {
    }

    /** {@code expression} with every placeholder leaf {@code p} (of type {@code t}) replaced by {@code f(leaf)}. */
    public static BoundExpression replace(BoundExpression expression,
                                          Function<BoundExpression.Function, BoundExpression> f) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> e;
            case BoundExpression.Constant e -> e;
            case BoundExpression.Arithmetic e -> new BoundExpression.Arithmetic(e.operator(), replace(e.left(), f),
                    replace(e.right(), f), e.type(), e.position());
            case BoundExpression.Negate e -> new BoundExpression.Negate(replace(e.operand(), f), e.position());
            case BoundExpression.Comparison e -> new BoundExpression.Comparison(e.operator(), replace(e.left(), f),
                    replace(e.right(), f), e.position());
            case BoundExpression.Logical e -> new BoundExpression.Logical(e.isAnd(), replaceAll(e.operands(), f),
                    e.position());
            case BoundExpression.Not e -> new BoundExpression.Not(replace(e.operand(), f), e.position());
            case BoundExpression.IsNull e -> new BoundExpression.IsNull(replace(e.operand(), f), e.negated(),
                    e.position());
            case BoundExpression.Cast e -> new BoundExpression.Cast(replace(e.operand(), f), e.type(), e.explicit(),
                    e.position());
            case BoundExpression.Case e -> new BoundExpression.Case(replaceAll(e.conditions(), f),
                    replaceAll(e.results(), f), replace(e.otherwise(), f), e.type(), e.position());
            case BoundExpression.Function e -> e.function() instanceof Placeholder ? f.apply(e)
                    : new BoundExpression.Function(e.function(), replaceAll(e.arguments(), f), e.type(), e.position());
            case BoundExpression.AggregateCall e -> e.map(operand -> replace(operand, f));
        };
    }

    public static List<BoundExpression> replaceAll(List<BoundExpression> expressions,
                                                   Function<BoundExpression.Function, BoundExpression> f) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(replace(expression, f));
        }
        return out;
    }

    /** Whether {@code expression} holds an outer reference of depth {@code depth} (any depth when 0). */
    public static boolean hasOuterColumn(BoundExpression expression, int depth) {
        boolean[] found = {false};
        replace(expression, leaf -> {
            if (leaf.function() instanceof Placeholder.OuterColumn outer && (depth == 0 || outer.depth() == depth)) {
                found[0] = true;
            }
            return leaf;
        });
        return found[0];
    }

    public static boolean hasOuterColumn(List<BoundExpression> expressions, int depth) {
        for (BoundExpression expression : expressions) {
            if (hasOuterColumn(expression, depth)) {
                return true;
            }
        }
        return false;
    }
}
