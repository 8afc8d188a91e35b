package io.basalt.planner;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.join.LateralRow;
import io.basalt.exec.vector.VectorGather;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.VolatileFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * A LATERAL join's right side reading column {@code column} of the left row it is computed for: the value of that
 * row (through {@code row}, which the join points at it) repeated for every row of the batch. Volatile, so that
 * constant folding never evaluates it before the join has a row.
 */
record LateralParameter(LateralRow row, int column, String qualifiedName) implements VolatileFunction {
    LateralParameter {
        requireNonNull(row, "row is null");
    }

    /**
     * Whether {@code expression} may give another value for the same row (a volatile function: sequences,
     * random(), the clock), so that a LATERAL right side holding it must not be cached.
     */
    static boolean isVolatile(BoundExpression expression) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> false;
            case BoundExpression.Constant e -> false;
            case BoundExpression.Arithmetic e -> isVolatile(e.left()) || isVolatile(e.right());
            case BoundExpression.Negate e -> isVolatile(e.operand());
            case BoundExpression.Comparison e -> isVolatile(e.left()) || isVolatile(e.right());
            case BoundExpression.Logical e -> anyVolatile(e.operands());
            case BoundExpression.Not e -> isVolatile(e.operand());
            case BoundExpression.IsNull e -> isVolatile(e.operand());
            case BoundExpression.Cast e -> isVolatile(e.operand());
            case BoundExpression.Case e -> anyVolatile(e.conditions()) || anyVolatile(e.results())
                    || isVolatile(e.otherwise());
            case BoundExpression.Function e -> e.function() instanceof VolatileFunction
                    && !(e.function() instanceof LateralParameter) || VOLATILE_NAMES.contains(e.function().name())
                    || anyVolatile(e.arguments());
            case BoundExpression.AggregateCall e -> anyVolatile(e.operands());
        };
    }

    private static boolean anyVolatile(java.util.List<BoundExpression> expressions) {
        for (BoundExpression expression : expressions) {
            if (isVolatile(expression)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> VOLATILE_NAMES = java.util.Set.of("random", "gen_random_uuid",
            "clock_timestamp", "timeofday", "setseed");

    @Override
    public String name() {
        return "lateral." + qualifiedName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector source = row.column(column);
        FieldVector result = context.newVector(resultType, rows);
        int[] same = new int[rows];
        java.util.Arrays.fill(same, row.row());
        VectorGather.gather(source, same, rows, result);
        return result;
    }
}
