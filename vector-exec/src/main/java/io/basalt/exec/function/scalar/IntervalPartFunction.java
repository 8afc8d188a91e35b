package io.basalt.exec.function.scalar;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.scalar.DatePartFunction.Field;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code EXTRACT(field FROM interval)} (numeric, scaled as for timestamps) and {@code date_part('field',
 * interval)} (double precision): years, months (the remainder of months after years), days, the time's
 * hours (which may exceed 24), minutes and seconds, each with the interval's sign; {@code epoch} counts a
 * year as 365.25 days and a month as 30. Of an infinite interval, the calendar-growing fields (year and up,
 * epoch) are infinite and the others NULL, as in PostgreSQL.
 */
public final class IntervalPartFunction implements ScalarFunction {
    private final Field field;

    private IntervalPartFunction(Field field) {
        this.field = requireNonNull(field, "field is null");
    }

    public Field field() {
        return field;
    }

    /** The function for {@code fieldName}; PostgreSQL's errors for units an interval does not have. */
    public static IntervalPartFunction of(String fieldName) {
        String normal = fieldName.toLowerCase(Locale.ROOT);
        Field field = switch (normal) {
            case "microseconds", "microsecond", "us", "usec", "usecs", "microsecon" -> Field.MICROSECONDS;
            case "milliseconds", "millisecond", "ms", "msec", "msecs", "millisecon" -> Field.MILLISECONDS;
            case "second", "seconds", "s", "sec", "secs" -> Field.SECOND;
            case "minute", "minutes", "m", "min", "mins" -> Field.MINUTE;
            case "hour", "hours", "h", "hr", "hrs" -> Field.HOUR;
            case "day", "days", "d" -> Field.DAY;
            case "month", "months", "mon", "mons" -> Field.MONTH;
            case "quarter", "qtr" -> Field.QUARTER;
            case "year", "years", "y", "yr", "yrs" -> Field.YEAR;
            case "decade", "decades", "dec", "decs" -> Field.DECADE;
            case "century", "centuries", "c", "cent" -> Field.CENTURY;
            case "millennium", "millennia", "mil", "mils", "millenniums" -> Field.MILLENNIUM;
            case "epoch" -> Field.EPOCH;
            case "week", "weeks", "w", "dow", "isodow", "doy", "isoyear", "julian", "j", "timezone", "timezone_h",
                 "timezone_hour", "timezone_m", "timezone_minute" -> throw BasaltException.of(
                    SqlState.FEATURE_NOT_SUPPORTED, "unit \"" + normal + "\" not supported for type interval");
            default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type interval");
        };
        return new IntervalPartFunction(field);
    }

    @Override
    public String name() {
        return "date_part";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FixedSizeBinaryVector in = (FixedSizeBinaryVector) arguments[arguments.length - 1];
        FieldVector out = context.newVector(resultType, rows);
        boolean asDouble = resultType.id() == TypeId.DOUBLE;
        double divisor = Math.pow(10, field.timestampScale());
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            int months = IntervalSlots.months(in, i);
            int days = IntervalSlots.days(in, i);
            long time = IntervalSlots.micros(in, i);
            if (IntervalSlots.isInfinite(months, days, time)) {
                if (!growsWithCalendar()) {
                    continue;
                }
                if (!asDouble) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "numeric infinity is not supported yet");
                }
                ((Float8Vector) out).set(i, months > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                continue;
            }
            long scaled = scaled(months, days, time);
            if (asDouble) {
                ((Float8Vector) out).set(i, scaled / divisor);
            } else {
                ((BigIntVector) out).set(i, scaled);
            }
        }
        return out;
    }

    private boolean growsWithCalendar() {
        return switch (field) {
            case YEAR, DECADE, CENTURY, MILLENNIUM, EPOCH -> true;
            default -> false;
        };
    }

    /** The field's value times 10^{@link Field#timestampScale()}. */
    private long scaled(int months, int days, long time) {
        int years = months / 12;
        return switch (field) {
            case MICROSECONDS, MILLISECONDS, SECOND -> time % 60_000_000L;
            case MINUTE -> time / 60_000_000L % 60;
            case HOUR -> time / 3_600_000_000L;
            case DAY -> days;
            case MONTH -> months % 12;
            case QUARTER -> months % 12 / 3 + 1;
            case YEAR -> years;
            case DECADE -> years / 10;
            case CENTURY -> years / 100;
            case MILLENNIUM -> years / 1000;
            case EPOCH -> {
                // A year is 365.25 days: everything times four stays integral.
                long quarterDays = 1461L * years + 120L * (months % 12) + 4L * days;
                try {
                    yield Math.addExact(Math.multiplyExact(quarterDays, 21_600L * 1_000_000L), time);
                } catch (ArithmeticException overflow) {
                    throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                }
            }
            default -> throw BasaltException.internal("interval part " + field);
        };
    }

    /** Value equality: two calls for the same field are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof IntervalPartFunction that && field == that.field;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), field);
    }
}
