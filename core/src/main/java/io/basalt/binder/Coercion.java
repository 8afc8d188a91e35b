package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.ArithmeticOperator;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.ValueConversion;

/**
 * PostgreSQL's implicit type rules, as far as Basalt's types go: the numeric ladder smallint < integer <
 * bigint < numeric < double precision, text, varchar and char meeting at text (two chars of different lengths,
 * or a char and an untyped literal, at bpchar), and untyped literals ("unknown") taking the type of the other
 * operand. Casts of constants are folded here, at bind time, so that
 * literal input errors carry the literal's position as in PostgreSQL.
 */
final class Coercion {
    /** The widest NUMERIC computed in fixed width (scaled 128-bit integers); wider ones are arbitrary-precision. */
    private static final int MAX_FIXED_PRECISION = LogicalType.MAX_WIDE_DECIMAL_PRECISION;

    private Coercion() {
    }

    /** {@code expression} converted to {@code target}; a no-op when it already has that type. */
    static BoundExpression cast(BoundExpression expression, LogicalType target, boolean explicit) {
        if (expression.type().equals(target)) {
            return expression;
        }
        BoundExpression record = RecordCoercion.castConstructor(expression, target);
        if (record != null) {
            return record;
        }
        if (expression instanceof BoundExpression.Constant constant) {
            Object value = constant.value();
            LogicalType from = constant.type();
            if (from.id() == TypeId.UNKNOWN) {
                // PostgreSQL reads a literal with the type's input function, whose errors point at the literal,
                // and applies a NUMERIC, VARCHAR or CHAR modifier afterwards, whose errors (like every other
                // conversion's) have no position.
                LogicalType input = inputType(target);
                try {
                    value = ValueConversion.convert(value, from, input, explicit);
                } catch (BasaltException failure) {
                    throw failure.withPositionIfAbsent(constant.position());
                }
                from = input;
            }
            value = ValueConversion.convert(value, from, target, explicit);
            return new BoundExpression.Constant(value, target, constant.position());
        }
        return new BoundExpression.Cast(expression, target, explicit, expression.position());
    }

    /**
     * The type a literal is read as before {@code target}'s modifier applies: NUMERIC, VARCHAR and CHAR without
     * their modifiers, and an array of them likewise (its elements' lengths are checked, or cut by an explicit
     * cast, afterwards), so that only the input function's own errors point at the literal.
     */
    private static LogicalType inputType(LogicalType target) {
        if (target.isArray() && !target.element().isDomain()) {
            LogicalType element = inputType(target.element());
            return element == target.element() ? target : LogicalType.arrayOf(element);
        }
        return target.isNumeric() ? LogicalType.NUMERIC
                : target.id() == TypeId.VARCHAR ? LogicalType.VARCHAR
                : target.id() == TypeId.CHAR ? LogicalType.BPCHAR : target;
    }

    /** Whether a value of {@code from} may be stored in a column of {@code to} (PostgreSQL's assignment casts). */
    static boolean assignable(LogicalType from, LogicalType to) {
        if (from.id() == TypeId.UNKNOWN || from.equals(to) || to.isString()) {
            return true;
        }
        if (from.isArray() || to.isArray()) {
            return from.isArray() && to.isArray() && assignable(from.element(), to.element());
        }
        if (from.isRecord() || to.isRecord()) {
            return RecordCoercion.assignable(from, to);
        }
        if (from.isNumber() && to.isNumber()) {
            return true;
        }
        if (from.isDateTime() && to.isDateTime()) {
            return true;
        }
        if (isJson(from) && isJson(to)) {
            return true;
        }
        if (from.isTimeOfDay() || to.isTimeOfDay()) {
            // Every cast PostgreSQL has to or from time and timetz is an assignment or implicit one.
            return io.basalt.type.datetime.DateTimeConversion.castable(from.id(), to.id());
        }
        return from.id() == to.id() && !from.isEnum();
    }

    static boolean isJson(LogicalType type) {
        return type.id() == TypeId.JSON || type.id() == TypeId.JSONB;
    }

    /** Whether an explicit CAST from {@code from} to {@code to} exists. */
    static boolean castable(LogicalType from, LogicalType to) {
        if (assignable(from, to) || from.isString()) {
            return true;
        }
        if (from.isArray() || to.isArray()) {
            return from.isArray() && to.isArray() && castable(from.element(), to.element());
        }
        if (from.isRecord() || to.isRecord()) {
            return RecordCoercion.castable(from, to);
        }
        if (from.id() == TypeId.JSONB && (to.isNumber() || to.id() == TypeId.BOOLEAN)) {
            return true;
        }
        if (io.basalt.type.ByteaIntegerCasts.castable(from, to)) {
            return true;
        }
        if (from.isGeometric() && to.isGeometric()) {
            return io.basalt.type.geometric.GeometricCasts.castable(from.id(), to.id());
        }
        return (from.id() == TypeId.BOOLEAN && to.id() == TypeId.INTEGER)
                || (from.id() == TypeId.INTEGER && to.id() == TypeId.BOOLEAN);
    }

    /**
     * The type two operands of a comparison (or two branches of CASE, two rows of VALUES) are brought to,
     * or null when PostgreSQL has no such operator.
     */
    static LogicalType commonType(LogicalType a, LogicalType b) {
        if (a.equals(b)) {
            return a.id() == TypeId.UNKNOWN ? LogicalType.TEXT : a;
        }
        if ((a.id() == TypeId.CHAR || a.id() == TypeId.UNKNOWN) && (b.id() == TypeId.CHAR || b.id() == TypeId.UNKNOWN)) {
            // bpchar without a length: a literal longer than the char's length is no error, as in PostgreSQL
            return LogicalType.BPCHAR;
        }
        if (a.id() == TypeId.UNKNOWN) {
            return b;
        }
        if (b.id() == TypeId.UNKNOWN) {
            return a;
        }
        if (a.isRecord() || b.isRecord()) {
            return RecordCoercion.commonType(a, b);
        }
        if (a.isArray() || b.isArray()) {
            // PostgreSQL has no implicit casts between array types: only the same element type (modifiers
            // aside) meets.
            boolean same = a.isArray() && b.isArray() && a.element().id() == b.element().id();
            LogicalType element = same ? commonType(a.element(), b.element()) : null;
            return element == null ? null : LogicalType.arrayOf(element);
        }
        if (a.isNumber() && b.isNumber()) {
            return numericCommon(a, b, false);
        }
        if (a.isString() && b.isString()) {
            return LogicalType.TEXT;
        }
        if (a.isDateTime() && b.isDateTime()) {
            // date < timestamp < timestamptz, as PostgreSQL's implicit casts go.
            if (a.id() == TypeId.TIMESTAMPTZ || b.id() == TypeId.TIMESTAMPTZ) {
                return LogicalType.TIMESTAMPTZ;
            }
            return LogicalType.TIMESTAMP;
        }
        if (a.isTimeOfDay() && b.isTimeOfDay() && a.id() != b.id()) {
            // time casts implicitly to timetz, not back.
            return LogicalType.TIMETZ;
        }
        if (a.isEnum() || b.isEnum() || a.isRange() || b.isRange()) {
            // an enum or a range meets only itself (and untyped literals, above)
            return null;
        }
        if (a.id() == b.id()) {
            // Same type, different modifiers (numeric(10,2) vs numeric(12,4) is handled above).
            return switch (a.id()) {
                case VARCHAR -> LogicalType.TEXT;
                case CHAR -> LogicalType.BPCHAR;
                case INTERVAL -> LogicalType.INTERVAL;
                case TIME -> LogicalType.TIME;
                case TIMETZ -> LogicalType.TIMETZ;
                default -> a;
            };
        }
        return null;
    }

    /** Numeric common type; for NUMERIC, a scaled type wide enough for both operands, or unconstrained. */
    private static LogicalType numericCommon(LogicalType a, LogicalType b, boolean extraDigit) {
        if (a.id() == TypeId.DOUBLE || b.id() == TypeId.DOUBLE) {
            return LogicalType.DOUBLE;
        }
        if (a.id() == TypeId.REAL || b.id() == TypeId.REAL) {
            // Only real with real stays real: with any other number PostgreSQL picks its preferred float8.
            return a.id() == b.id() ? LogicalType.REAL : LogicalType.DOUBLE;
        }
        if (a.isNumeric() || b.isNumeric()) {
            LogicalType x = asNumeric(a);
            LogicalType y = asNumeric(b);
            if (x.precision() < 0 || y.precision() < 0) {
                return LogicalType.NUMERIC;
            }
            int scale = Math.max(x.scale(), y.scale());
            int integerDigits = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
            int precision = integerDigits + scale + (extraDigit ? 1 : 0);
            return precision <= MAX_FIXED_PRECISION ? LogicalType.numeric(precision, scale) : LogicalType.NUMERIC;
        }
        return rank(a) >= rank(b) ? a : b;
    }

    private static LogicalType asNumeric(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> LogicalType.numeric(5, 0);
            case INTEGER -> LogicalType.numeric(10, 0);
            case BIGINT -> LogicalType.numeric(19, 0);
            // a scale outside 0..p (numeric(3,-6), numeric(3,6)) computes as unconstrained NUMERIC
            default -> type.isNumeric() && type.precision() > 0 && !type.scaleWithin() ? LogicalType.NUMERIC : type;
        };
    }

    private static int rank(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> 1;
            case INTEGER -> 2;
            case BIGINT -> 3;
            default -> 4;
        };
    }

    /**
     * Types for {@code left op right}: the operand types to cast to and the result type. For scaled
     * NUMERIC multiplication the operands keep their own scales (the product's scale is their sum).
     */
    record ArithmeticTyping(LogicalType left, LogicalType right, LogicalType result) {
    }

    static ArithmeticTyping arithmetic(ArithmeticOperator operator, LogicalType left, LogicalType right) {
        if (!left.isNumber() || !right.isNumber()) {
            return null;
        }
        if (left.id() == TypeId.DOUBLE || right.id() == TypeId.DOUBLE
                || left.id() == TypeId.REAL || right.id() == TypeId.REAL) {
            if (operator == ArithmeticOperator.MODULO) {
                return null;
            }
            LogicalType common = numericCommon(left, right, false);
            return new ArithmeticTyping(common, common, common);
        }
        if (!left.isNumeric() && !right.isNumeric()) {
            LogicalType common = numericCommon(left, right, false);
            return new ArithmeticTyping(common, common, common);
        }
        LogicalType x = asNumeric(left);
        LogicalType y = asNumeric(right);
        boolean unconstrained = x.precision() < 0 || y.precision() < 0;
        switch (operator) {
            case ADD, SUBTRACT, MODULO -> {
                if (!unconstrained) {
                    LogicalType operands = numericCommon(x, y, false);
                    LogicalType result = numericCommon(x, y, operator != ArithmeticOperator.MODULO);
                    if (operands.precision() > 0 && result.precision() > 0) {
                        return new ArithmeticTyping(operands, operands, result);
                    }
                }
            }
            case MULTIPLY -> {
                if (!unconstrained && x.precision() + y.precision() <= MAX_FIXED_PRECISION) {
                    return new ArithmeticTyping(x, y,
                            LogicalType.numeric(x.precision() + y.precision(), x.scale() + y.scale()));
                }
            }
            case DIVIDE -> {
            }
        }
        return new ArithmeticTyping(LogicalType.NUMERIC, LogicalType.NUMERIC, LogicalType.NUMERIC);
    }

    static BasaltException noOperator(String operator, LogicalType left, LogicalType right, int position) {
        return BasaltException.at(SqlState.UNDEFINED_FUNCTION, position,
                        "operator does not exist: " + operandName(left) + " " + operator + " " + operandName(right))
                .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
    }

    /** A type as PostgreSQL names an operand in this error: without modifiers ({@code numeric}, not numeric(2,1)). */
    private static String operandName(LogicalType type) {
        return type.isArray() ? operandName(type.element()) + "[]" : type.isEnum() || type.isRange() ? type.displayName()
                : type.id().pgName();
    }
}
