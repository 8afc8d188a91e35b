package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code to_timestamp(double precision)}: seconds since 1970-01-01 00:00 UTC as a timestamptz, rounded to
 * the microsecond; the infinities map to the infinite timestamps, NaN and values outside the timestamp
 * range fail as in PostgreSQL.
 */
public final class ToTimestampFunction implements ScalarFunction {
    public static final ToTimestampFunction INSTANCE = new ToTimestampFunction();

    /** The valid range in seconds: the first timestamp, and the first past the last. */
    private static final double FIRST_SECONDS = (double) Calendar.FIRST_DATE * 86_400;
    private static final double END_SECONDS = (double) (Calendar.TIMESTAMP_INFINITY / 1_000_000L);

    private ToTimestampFunction() {
    }

    @Override
    public String name() {
        return "to_timestamp";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        Float8Vector in = (Float8Vector) arguments[0];
        BigIntVector out = (BigIntVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (!in.isNull(i)) {
                out.set(i, fromSeconds(in.get(i)));
            }
        }
        return out;
    }

    static long fromSeconds(double seconds) {
        if (Double.isNaN(seconds)) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
        }
        if (Double.isInfinite(seconds)) {
            return seconds > 0 ? Calendar.TIMESTAMP_INFINITY : Calendar.TIMESTAMP_MINUS_INFINITY;
        }
        if (seconds < FIRST_SECONDS || seconds >= END_SECONDS) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "timestamp out of range: \"" + shortest(seconds) + "\"");
        }
        return (long) Math.rint(seconds * 1_000_000.0);
    }

    /**
     * A double as PostgreSQL's {@code %g} prints it: six significant digits, exponent form outside
     * 1e-4 .. 1e6, {@code NaN} and {@code Infinity} spelled out.
     */
    static String shortest(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String digits = Integer.toString(Math.abs(exponent));
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + (digits.length() < 2 ? "0" : "")
                    + digits;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
