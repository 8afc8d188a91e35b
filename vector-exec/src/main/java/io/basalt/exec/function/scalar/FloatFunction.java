package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * The double precision functions with no exact variant: trigonometry in radians (sin ... atan2, cot) and in
 * degrees (sind ... atan2d, exact at the angles whose results are 0, ±0.5 and ±1, as PostgreSQL arranges),
 * the hyperbolic functions and their inverses, degrees, radians and pi. Overflow of sinh and cosh gives an
 * infinity, as in PostgreSQL; arguments outside a function's domain fail with "input is out of range". The
 * special functions gamma, lgamma (PostgreSQL 18) and erf, erfc (PostgreSQL 16) come from {@link SpecialMath}.
 */
public record FloatFunction(Kind kind) implements ScalarFunction {
    /** The functions, with how many arguments each takes. */
    public enum Kind {
        SIN(1), COS(1), TAN(1), COT(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
        SIND(1), COSD(1), TAND(1), COTD(1), ASIND(1), ACOSD(1), ATAND(1), ATAN2D(2),
        SINH(1), COSH(1), TANH(1), ASINH(1), ACOSH(1), ATANH(1), DEGREES(1), RADIANS(1), PI(0),
        GAMMA(1), LGAMMA(1), ERF(1), ERFC(1);

        private final int arguments;

        Kind(int arguments) {
            this.arguments = arguments;
        }
    }

    /** The implementation for {@code name(types)} among these functions, or null. */
    static ScalarFunctions.Resolved resolve(String name, List<LogicalType> types) {
        Kind kind;
        try {
            kind = Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notOne) {
            return null;
        }
        if (types.size() != kind.arguments) {
            return null;
        }
        List<LogicalType> doubles = new ArrayList<>();
        for (LogicalType type : types) {
            if (!type.isNumber() && type.id() != TypeId.UNKNOWN) {
                return null;
            }
            doubles.add(LogicalType.DOUBLE);
        }
        return new ScalarFunctions.Resolved(new FloatFunction(kind), doubles, LogicalType.DOUBLE);
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        Float8Vector out = (Float8Vector) context.newVector(resultType, rows);
        if (kind == Kind.PI) {
            for (int i = 0; i < rows; i++) {
                out.set(i, Math.PI);
            }
            out.setValueCount(rows);
            return out;
        }
        Float8Vector x = (Float8Vector) arguments[0];
        Float8Vector y = arguments.length > 1 ? (Float8Vector) arguments[1] : null;
        for (int i = 0; i < rows; i++) {
            if (x.isNull(i) || y != null && y.isNull(i)) {
                out.setNull(i);
                continue;
            }
            out.set(i, y == null ? unary(x.get(i)) : binary(x.get(i), y.get(i)));
        }
        out.setValueCount(rows);
        return out;
    }

    private double unary(double x) {
        return switch (kind) {
            case SIN -> checkFinite(x, Math.sin(x));
            case COS -> checkFinite(x, Math.cos(x));
            case TAN -> checkFinite(x, Math.tan(x));
            case COT -> checkFinite(x, 1.0 / Math.tan(x));
            case ASIN -> inUnitRange(x) ? Math.asin(x) : outOfRange();
            case ACOS -> inUnitRange(x) ? Math.acos(x) : outOfRange();
            case ATAN -> Math.atan(x);
            case SIND, COSD, TAND, COTD, ASIND, ACOSD, ATAND -> DegreeTrigonometry.apply(kind, x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case ASINH -> asinh(x);
            case ACOSH -> x < 1 ? outOfRange() : Math.log(x + Math.sqrt(x * x - 1));
            case ATANH -> atanh(x);
            case DEGREES -> x * (180.0 / Math.PI);
            case RADIANS -> x * (Math.PI / 180.0);
            case GAMMA -> gamma(x);
            case LGAMMA -> logGamma(x);
            case ERF -> SpecialMath.erf(x);
            case ERFC -> SpecialMath.erfc(x);
            case ATAN2, ATAN2D, PI -> throw BasaltException.internal(name() + " with one argument");
        };
    }

    private double binary(double y, double x) {
        return switch (kind) {
            case ATAN2 -> Math.atan2(y, x);
            case ATAN2D -> DegreeTrigonometry.atan2d(y, x);
            default -> throw BasaltException.internal(name() + " with two arguments");
        };
    }

    private static double asinh(double x) {
        if (Double.isInfinite(x) || Double.isNaN(x)) {
            return x;
        }
        double magnitude = Math.abs(x);
        double result = Math.log1p(magnitude + magnitude * magnitude / (1 + Math.sqrt(1 + magnitude * magnitude)));
        return x < 0 ? -result : result;
    }

    /**
     * gamma as PostgreSQL 18 defines it: -∞ and the poles (zero, negative integers) overflow, a result beyond
     * double precision overflows and one that rounds to zero underflows.
     */
    private static double gamma(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        double result = SpecialMath.gamma(x);
        if (Double.isInfinite(result) || Double.isNaN(result)) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (result == 0) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return result;
    }

    /** lgamma as PostgreSQL 18 defines it: the poles and a finite argument with an infinite result overflow. */
    private static double logGamma(double x) {
        double result = SpecialMath.logGamma(x);
        if (Double.isInfinite(result) && !Double.isInfinite(x)) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return result;
    }

    private static double atanh(double x) {
        if (x < -1 || x > 1) {
            return outOfRange();
        }
        if (x == 1 || x == -1) {
            return x * Double.POSITIVE_INFINITY;
        }
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }

    private static boolean inUnitRange(double x) {
        return Double.isNaN(x) || x >= -1 && x <= 1;
    }

    /** sin, cos, tan and cot of an infinity are out of range (PostgreSQL), of NaN NaN. */
    private static double checkFinite(double x, double result) {
        return Double.isInfinite(x) ? outOfRange() : result;
    }

    static double outOfRange() {
        throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
    }
}
