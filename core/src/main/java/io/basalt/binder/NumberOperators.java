package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.scalar.BitwiseFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * PostgreSQL's number operators beyond arithmetic and comparison: the integer bit operators
 * {@code & | # ~ << >>}, exponentiation {@code ^} (double precision, or numeric when an operand is numeric),
 * and the prefix operators {@code |/} (square root), {@code ||/} (cube root) and {@code @} (absolute value),
 * bound as the functions they stand for.
 */
final class NumberOperators {
    private NumberOperators() {
    }

    /** {@code left operator right}, or null when the operator is not one of these. */
    static BoundExpression binary(String operator, BoundExpression left, BoundExpression right, int position) {
        BitwiseFunction.Kind bitwise = switch (operator) {
            case "&" -> BitwiseFunction.Kind.AND;
            case "|" -> BitwiseFunction.Kind.OR;
            case "#" -> BitwiseFunction.Kind.XOR;
            case "<<" -> BitwiseFunction.Kind.SHIFT_LEFT;
            case ">>" -> BitwiseFunction.Kind.SHIFT_RIGHT;
            default -> null;
        };
        if (bitwise != null) {
            return bitwise(bitwise, left, right, position);
        }
        if (operator.equals("^")) {
            if (!numberOrUnknown(left.type()) || !numberOrUnknown(right.type())) {
                throw Coercion.noOperator(operator, left.type(), right.type(), position);
            }
            LogicalType type = left.type().isNumeric() || right.type().isNumeric() ? LogicalType.NUMERIC
                    : LogicalType.DOUBLE;
            return Functions.scalar("power", List.of(Coercion.cast(left, type, false), Coercion.cast(right, type, false)),
                    position);
        }
        return null;
    }

    /** {@code operator operand} for a prefix operator, or null when the operator is not one of these. */
    static BoundExpression prefix(String operator, BoundExpression operand, int position) {
        switch (operator) {
            case "~" -> {
                LogicalType type = operand.type().id() == TypeId.UNKNOWN ? LogicalType.INTEGER : operand.type();
                if (!type.isIntegral()) {
                    throw noPrefixOperator(operator, operand.type(), position);
                }
                return new BoundExpression.Function(new BitwiseFunction(BitwiseFunction.Kind.NOT),
                        List.of(Coercion.cast(operand, type, false)), type, position);
            }
            case "|/", "||/" -> {
                if (!numberOrUnknown(operand.type())) {
                    throw noPrefixOperator(operator, operand.type(), position);
                }
                return Functions.scalar(operator.equals("|/") ? "sqrt" : "cbrt",
                        List.of(Coercion.cast(operand, LogicalType.DOUBLE, false)), position);
            }
            case "@" -> {
                if (!numberOrUnknown(operand.type())) {
                    throw noPrefixOperator(operator, operand.type(), position);
                }
                LogicalType type = operand.type().id() == TypeId.UNKNOWN ? LogicalType.DOUBLE : operand.type();
                return Functions.scalar("abs", List.of(Coercion.cast(operand, type, false)), position);
            }
            default -> {
                return null;
            }
        }
    }

    private static BoundExpression bitwise(BitwiseFunction.Kind kind, BoundExpression left, BoundExpression right,
                                           int position) {
        LogicalType leftType = left.type();
        LogicalType rightType = right.type();
        LogicalType result;
        LogicalType rightTarget;
        if (kind.isShift()) {
            result = leftType.id() == TypeId.UNKNOWN ? LogicalType.INTEGER : leftType;
            rightTarget = LogicalType.INTEGER;
            boolean countOk = rightType.id() == TypeId.UNKNOWN || rightType.id() == TypeId.INTEGER
                    || rightType.id() == TypeId.SMALLINT;
            if (!result.isIntegral() || !countOk) {
                throw Coercion.noOperator(kind.symbol(), leftType, rightType, position);
            }
        } else {
            if (leftType.id() == TypeId.UNKNOWN) {
                leftType = rightType.id() == TypeId.UNKNOWN ? LogicalType.INTEGER : rightType;
            }
            if (rightType.id() == TypeId.UNKNOWN) {
                rightType = leftType;
            }
            if (!leftType.isIntegral() || !rightType.isIntegral()) {
                throw Coercion.noOperator(kind.symbol(), left.type(), right.type(), position);
            }
            result = wider(leftType, rightType);
            rightTarget = result;
        }
        return new BoundExpression.Function(new BitwiseFunction(kind),
                List.of(Coercion.cast(left, result, false), Coercion.cast(right, rightTarget, false)), result, position);
    }

    private static LogicalType wider(LogicalType a, LogicalType b) {
        if (a.id() == TypeId.BIGINT || b.id() == TypeId.BIGINT) {
            return LogicalType.BIGINT;
        }
        return a.id() == TypeId.INTEGER || b.id() == TypeId.INTEGER ? LogicalType.INTEGER : LogicalType.SMALLINT;
    }

    private static boolean numberOrUnknown(LogicalType type) {
        return type.isNumber() || type.id() == TypeId.UNKNOWN;
    }

    private static BasaltException noPrefixOperator(String operator, LogicalType type, int position) {
        return BasaltException.at(SqlState.UNDEFINED_FUNCTION, position,
                        "operator does not exist: " + operator + " " + type.displayName())
                .withHint("No operator matches the given name and argument type. You might need to add an explicit type cast.");
    }
}
