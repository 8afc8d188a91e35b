package io.basalt.plan.expression;

import java.util.List;
import java.util.Set;

/**
 * Whether an expression calls a function that may give another value each time it is called for the same row
 * (PostgreSQL's volatile functions: random(), the clock, sequences, user functions declared VOLATILE), anywhere in
 * it, aggregate arguments included. A rewrite that evaluates two equal expressions once must not apply to these.
 */
public final class VolatileCalls {
    private static final Set<String> VOLATILE_NAMES = Set.of("random", "gen_random_uuid", "clock_timestamp",
            "timeofday", "setseed", "nextval", "setval");

    private VolatileCalls() {
    }

    /** Whether {@code expression} calls a volatile function. */
    public static boolean in(BoundExpression expression) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> false;
            case BoundExpression.Constant e -> false;
            case BoundExpression.Arithmetic e -> in(e.left()) || in(e.right());
            case BoundExpression.Negate e -> in(e.operand());
            case BoundExpression.Comparison e -> in(e.left()) || in(e.right());
            case BoundExpression.Logical e -> inAny(e.operands());
            case BoundExpression.Not e -> in(e.operand());
            case BoundExpression.IsNull e -> in(e.operand());
            case BoundExpression.Cast e -> in(e.operand());
            case BoundExpression.Case e -> inAny(e.conditions()) || inAny(e.results()) || in(e.otherwise());
            case BoundExpression.Function e -> e.function() instanceof VolatileFunction
                    || VOLATILE_NAMES.contains(e.function().name()) || inAny(e.arguments());
            case BoundExpression.AggregateCall e -> inAny(e.operands());
        };
    }

    private static boolean inAny(List<BoundExpression> expressions) {
        for (BoundExpression expression : expressions) {
            if (expression != null && in(expression)) {
                return true;
            }
        }
        return false;
    }
}
