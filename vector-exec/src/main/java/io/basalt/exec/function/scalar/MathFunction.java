package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.NumericMath;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.FieldVector;

/**
 * PostgreSQL's numeric functions in their two families: on double precision (the arguments were cast to
 * it; IEEE results, {@code round} to even as C's rint) and on numeric (exact, {@code round} half away
 * from zero). Which family runs is fixed by the result type chosen at binding.
 */
public final class MathFunction implements ScalarFunction {
    /** The functions and how many arguments each takes. */
    public enum Kind {
        ROUND(1, 2), TRUNC(1, 2), CEIL(1, 1), FLOOR(1, 1), MOD(2, 2), POWER(2, 2), SQRT(1, 1), EXP(1, 1), LN(1, 1),
        LOG10(1, 1), SIGN(1, 1), CBRT(1, 1);

        private final int minArguments;
        private final int maxArguments;

        Kind(int minArguments, int maxArguments) {
            this.minArguments = minArguments;
            this.maxArguments = maxArguments;
        }

        public boolean accepts(int arguments) {
            return arguments >= minArguments && arguments <= maxArguments;
        }
    }

    private final Kind kind;

    public MathFunction(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        boolean exact = resultType.id() != TypeId.DOUBLE;
        for (int i = 0; i < rows; i++) {
            Object first = ValueAccess.get(arguments[0], i);
            Object second = arguments.length > 1 ? ValueAccess.get(arguments[1], i) : null;
            if (first == null || (arguments.length > 1 && second == null)) {
                continue;
            }
            Object result;
            if (exact && resultType.isIntegral()) {
                result = integerResult((Long) first, (Long) second);
            } else if (exact) {
                result = decimalResult((BigDecimal) first, second);
            } else {
                result = doubleResult((Double) first, (Double) second);
            }
            ValueAccess.set(out, i, result);
        }
        return out;
    }

    private Object integerResult(long a, Long b) {
        if (kind != Kind.MOD) {
            throw BasaltException.internal(name() + " on integers");
        }
        if (b == 0) {
            throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        return b == -1 ? 0L : a % b;
    }

    private Object decimalResult(BigDecimal a, Object second) {
        if (a instanceof io.basalt.type.NumericSpecial) {
            return switch (kind) {
                case SIGN -> a == io.basalt.type.NumericSpecial.NAN ? a : BigDecimal.valueOf(a.signum());
                case MOD -> NumericMath.modulo(a, (BigDecimal) second);
                default -> a;
            };
        }
        return switch (kind) {
            case ROUND -> roundTo(a, second == null ? 0 : (Long) second, RoundingMode.HALF_UP);
            case TRUNC -> roundTo(a, second == null ? 0 : (Long) second, RoundingMode.DOWN);
            case CEIL -> a.setScale(0, RoundingMode.CEILING);
            case FLOOR -> a.setScale(0, RoundingMode.FLOOR);
            case SIGN -> BigDecimal.valueOf(a.signum());
            case MOD -> NumericMath.modulo(a, (BigDecimal) second);
            default -> throw BasaltException.internal(name() + " on numeric");
        };
    }

    /**
     * round/trunc to {@code digits} decimals (negative: to tens, hundreds, ...): the scale shown is never
     * negative, and the digits are limited as PostgreSQL 16+ limits them (a NUMERIC's largest scale, and one
     * digit more than its largest weight), so a result too large for a NUMERIC fails.
     */
    private static BigDecimal roundTo(BigDecimal value, long digits, RoundingMode mode) {
        int scale = (int) Math.max(Math.min(digits, 16383), -131073);
        BigDecimal rounded = value.setScale(scale, mode);
        return io.basalt.type.NumberText.checkSize(scale < 0 ? rounded.setScale(0) : rounded);
    }

    private Object doubleResult(double a, Double b) {
        return switch (kind) {
            case ROUND -> Math.rint(a);
            case TRUNC -> a < 0 ? Math.ceil(a) : Math.floor(a);
            case CEIL -> Math.ceil(a);
            case FLOOR -> Math.floor(a);
            case SIGN -> Math.signum(a);
            case POWER -> power(a, b);
            case SQRT -> {
                if (a < 0) {
                    throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                            "cannot take square root of a negative number");
                }
                yield Math.sqrt(a);
            }
            case CBRT -> Math.cbrt(a);
            case EXP -> {
                double result = Math.exp(a);
                if (Double.isInfinite(result) && !Double.isInfinite(a)) {
                    throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
                if (result == 0 && !Double.isInfinite(a)) {
                    throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
                }
                yield result;
            }
            case LN, LOG10 -> {
                if (a == 0) {
                    throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
                }
                if (a < 0) {
                    throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_LOG,
                            "cannot take logarithm of a negative number");
                }
                yield kind == Kind.LN ? Math.log(a) : Math.log10(a);
            }
            case MOD -> throw BasaltException.internal("mod on double precision");
        };
    }

    /**
     * pow as PostgreSQL defines it over IEEE values (C's rules where Java's differ): 1 to any power and any
     * value to the power 0 are 1 even for NaN, and ±1 to an infinite power is 1.
     */
    private static double power(double base, double exponent) {
        if (Double.isNaN(base) || Double.isNaN(exponent)) {
            return base == 1 || exponent == 0 ? 1 : Double.NaN;
        }
        if (Double.isInfinite(exponent) && Math.abs(base) == 1) {
            return 1;
        }
        if (base == 0 && exponent < 0) {
            throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        if (base < 0 && Math.floor(exponent) != exponent) {
            throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        double result = Math.pow(base, exponent);
        if (Double.isInfinite(result) && !Double.isInfinite(base) && !Double.isInfinite(exponent)) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (result == 0 && base != 0 && !Double.isInfinite(base) && !Double.isInfinite(exponent)) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return result;
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MathFunction that && java.util.Objects.equals(kind, that.kind);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind);
    }
}
