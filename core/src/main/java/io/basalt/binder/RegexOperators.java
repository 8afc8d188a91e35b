package io.basalt.binder;

import io.basalt.exec.function.scalar.regex.RegexFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * The POSIX regular-expression match operators {@code ~}, {@code ~*}, {@code !~} and {@code !~*} over text
 * (and what SIMILAR TO is rewritten into); both operands are cast to text and the result is boolean.
 */
final class RegexOperators {
    private RegexOperators() {
    }

    /** The bound operator, or null when {@code operator} is not one of these or the operands are not text. */
    static BoundExpression bind(String operator, BoundExpression left, BoundExpression right, int position) {
        boolean negated = operator.startsWith("!");
        String base = negated ? operator.substring(1) : operator;
        if (!base.equals("~") && !base.equals("~*")) {
            return null;
        }
        if (!textual(left.type()) || !textual(right.type())) {
            return null;
        }
        BoundExpression pattern = Coercion.cast(right, LogicalType.TEXT, false);
        if (pattern instanceof BoundExpression.Function && ConstantEvaluator.isConstant(pattern)) {
            // SIMILAR TO's similar_to_escape(constant) is folded, so plans show the regular expression as PostgreSQL's do
            pattern = new BoundExpression.Constant(ConstantEvaluator.evaluate(pattern), LogicalType.TEXT, position);
        }
        return new BoundExpression.Function(RegexFunction.operator(negated, base.equals("~*")),
                List.of(Coercion.cast(left, LogicalType.TEXT, false), pattern), LogicalType.BOOLEAN, position);
    }

    private static boolean textual(LogicalType type) {
        return type.isString() || type.id() == TypeId.UNKNOWN;
    }
}
