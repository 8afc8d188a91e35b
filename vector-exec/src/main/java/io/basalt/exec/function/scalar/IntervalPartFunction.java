package io.basalt.exec.function.scalar;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.scalar.DatePartFunction.Field;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.DateTimeUnit;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * {@code EXTRACT(field FROM interval)} (numeric, scaled as for timestamps) and {@code date_part('field',
 * interval)} (double precision): years, months (the remainder of months after years), days, the time's
 * hours (which may exceed 24), minutes and seconds, each with the interval's sign; {@code epoch} counts a
 * year as 365.25 days and a month as 30; {@code week} is the days' whole weeks. Of an infinite interval, the
 * unbounded fields (hours, days, years and up, epoch) are infinite and the others NULL, as in PostgreSQL 17.
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
        DateTimeUnit unit = DateTimeUnit.named(normal);
        if (unit == null) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type interval");
        }
        Field field = switch (unit) {
            case MICROSECONDS -> Field.MICROSECONDS;
            case MILLISECONDS -> Field.MILLISECONDS;
            case SECOND -> Field.SECOND;
            case MINUTE -> Field.MINUTE;
            case HOUR -> Field.HOUR;
            case DAY -> Field.DAY;
            case MONTH -> Field.MONTH;
            case QUARTER -> Field.QUARTER;
            case YEAR -> Field.YEAR;
            case DECADE -> Field.DECADE;
            case CENTURY -> Field.CENTURY;
            case MILLENNIUM -> Field.MILLENNIUM;
            case EPOCH -> Field.EPOCH;
            case WEEK -> Field.WEEK;
            case DOW, ISODOW, DOY, ISOYEAR, JULIAN, TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE -> throw BasaltException.of(
                    SqlState.FEATURE_NOT_SUPPORTED, "unit \"" + normal + "\" not supported for type interval");
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
                if (asDouble) {
                    ((Float8Vector) out).set(i, months > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                } else {
                    ((VarBinaryVector) out).setSafe(i, DecimalCodec.encode(months > 0
                            ? NumericSpecial.POSITIVE_INFINITY : NumericSpecial.NEGATIVE_INFINITY));
                }
                continue;
            }
            if (field == Field.EPOCH) {
                epoch(out, i, months, days, time);
                continue;
            }
            long scaled = scaled(months, days, time);
            switch (out) {
                case Float8Vector doubles -> doubles.set(i, scaled / divisor);
                case BigIntVector longs -> longs.set(i, scaled);
                default -> ((VarBinaryVector) out).setSafe(i,
                        DecimalCodec.encode(java.math.BigDecimal.valueOf(scaled, field.timestampScale())));
            }
        }
        return out;
    }

    private boolean growsWithCalendar() {
        return unbounded(field);
    }

    /**
     * Whether {@code field} of an interval grows without bound: infinite for an infinite interval (hours and
     * days too, which an interval does not wrap), and EXTRACT's result is then an unconstrained numeric.
     */
    public static boolean unbounded(Field field) {
        return switch (field) {
            case HOUR, DAY, YEAR, DECADE, CENTURY, MILLENNIUM, EPOCH -> true;
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
            case WEEK -> days / 7;
            default -> throw BasaltException.internal("interval part " + field);
        };
    }

    /**
     * The epoch of an interval in seconds, a year counting 365.25 days and a month 30: everything times four
     * stays integral, and the microseconds are summed in 128 bits so that no interval overflows.
     */
    private static void epoch(FieldVector out, int row, int months, int days, long time) {
        if (out instanceof Float8Vector doubles) {
            // date_part sums in double precision, in PostgreSQL's order.
            double seconds = time / 1_000_000.0;
            seconds += 365.25 * 86_400 * (months / 12);
            seconds += 30.0 * 86_400 * (months % 12);
            seconds += 86_400.0 * days;
            doubles.set(row, seconds);
            return;
        }
        int years = months / 12;
        long quarterDays = 1461L * years + 120L * (months % 12) + 4L * days;
        long high = Math.multiplyHigh(quarterDays, 21_600L * 1_000_000L);
        long low = quarterDays * (21_600L * 1_000_000L);
        long sum = low + time;
        // Carry of the unsigned addition, and the sign extension of the added time.
        high += Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
        high += time < 0 ? -1 : 0;
        java.math.BigInteger micros = java.math.BigInteger.valueOf(high).shiftLeft(64)
                .add(new java.math.BigInteger(Long.toUnsignedString(sum)));
        ((VarBinaryVector) out).setSafe(row, DecimalCodec.encode(new java.math.BigDecimal(micros, 6)));
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
