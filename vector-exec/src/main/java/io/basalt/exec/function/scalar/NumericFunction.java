package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.NumericElementary;
import io.basalt.exec.expression.NumericMath;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.NumberText;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.vector.FieldVector;

/**
 * The NUMERIC-only functions: sqrt, exp, ln, log10, log(base, x), power, div (truncated quotient), scale
 * (decimals shown), min_scale (decimals needed), trim_scale (trailing zeros dropped), numeric_inc (plus one) and
 * factorial(bigint).
 * Arbitrary-precision values go value by value; the arguments arrive as unconstrained NUMERIC (factorial's
 * as bigint) and the results follow PostgreSQL's scales and special-value rules.
 */
public record NumericFunction(Kind kind) implements ScalarFunction {
    /** The functions. */
    public enum Kind {
        SQRT, EXP, LN, LOG10, LOG, POWER, DIV, SCALE, MIN_SCALE, TRIM_SCALE, FACTORIAL,
        /** log(x): log10 under the name log, which PostgreSQL defines as the SQL function log(10, x). */
        LOG_OF,
        /** numeric_inc(x): x + 1, the support function PostgreSQL's numeric sequences use. */
        INC
    }

    /** PostgreSQL refuses factorials above this, whose result has more digits than a NUMERIC holds. */
    private static final long MAX_FACTORIAL = 32177;

    @Override
    public String name() {
        return kind == Kind.LOG_OF ? "log" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            Object first = ValueAccess.get(arguments[0], i);
            Object second = arguments.length > 1 ? ValueAccess.get(arguments[1], i) : null;
            if (first == null || arguments.length > 1 && second == null) {
                continue;
            }
            Object result = kind == Kind.FACTORIAL ? factorial((Long) first)
                    : compute((BigDecimal) first, (BigDecimal) second);
            ValueAccess.set(out, i, result);
        }
        out.setValueCount(rows);
        return out;
    }

    private Object compute(BigDecimal x, BigDecimal y) {
        return switch (kind) {
            case SQRT -> NumericElementary.sqrt(x);
            case EXP -> NumericElementary.exp(x);
            case LN -> NumericElementary.ln(x);
            case LOG10, LOG_OF -> sqlFunctionLog(x);
            case INC -> NumericMath.add(x, BigDecimal.ONE);
            case LOG -> NumericElementary.log(x, y);
            case POWER -> NumericElementary.power(x, y);
            case DIV -> divide(x, y);
            case SCALE -> x instanceof NumericSpecial ? null : (long) Math.max(x.scale(), 0);
            case MIN_SCALE -> x instanceof NumericSpecial ? null : (long) minScale(x);
            case TRIM_SCALE -> x instanceof NumericSpecial ? x : x.setScale(minScale(x), RoundingMode.UNNECESSARY);
            case FACTORIAL -> throw BasaltException.internal("factorial of a numeric");
        };
    }

    /**
     * log10(x) and log(x), which PostgreSQL defines as SQL functions calling log(10, x): their errors say so in
     * a CONTEXT line.
     */
    private BigDecimal sqlFunctionLog(BigDecimal x) {
        try {
            return NumericElementary.log(BigDecimal.TEN, x);
        } catch (BasaltException e) {
            throw e.withContext("SQL function \"" + name() + "\" statement 1");
        }
    }

    /** The fewest decimals that represent {@code x} exactly. */
    private static int minScale(BigDecimal x) {
        return x.signum() == 0 ? 0 : Math.max(x.stripTrailingZeros().scale(), 0);
    }

    /** div(x, y): the quotient truncated toward zero, scale 0; NaN and infinities as division has them. */
    private static BigDecimal divide(BigDecimal x, BigDecimal y) {
        if (x instanceof NumericSpecial || y instanceof NumericSpecial) {
            BigDecimal quotient = NumericMath.divide(x, y);
            return quotient instanceof NumericSpecial ? quotient : quotient.setScale(0, RoundingMode.DOWN);
        }
        if (y.signum() == 0) {
            throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        return x.divideToIntegralValue(y).setScale(0, RoundingMode.DOWN);
    }

    private static BigDecimal factorial(long n) {
        if (n < 0) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "factorial of a negative number is undefined");
        }
        if (n > MAX_FACTORIAL) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
        BigInteger product = BigInteger.ONE;
        for (long k = 2; k <= n; k++) {
            product = product.multiply(BigInteger.valueOf(k));
        }
        return NumberText.checkSize(new BigDecimal(product));
    }
}
