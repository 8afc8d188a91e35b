package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeValues;
import io.basalt.type.format.BrokenDownTime;
import java.time.ZoneId;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code age(a, b)} on timestamps or timestamptz: {@code a - b} as years, months and days of the
 * calendar rather than a count of days, as PostgreSQL's {@code timestamp_age} computes it: field by field
 * differences with borrows, a day borrowed from the length of the month of the earlier value. A timestamptz
 * is taken apart in the session zone (null zone: a timestamp). Infinite operands give an infinite interval,
 * or {@code interval out of range} when both are the same infinity.
 */
public final class AgeFunction implements ScalarFunction {
    private final ZoneId zone;

    /** {@code zone} is the session zone for timestamptz operands, null for timestamps. */
    public AgeFunction(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "age";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BigIntVector lefts = (BigIntVector) arguments[0];
        BigIntVector rights = (BigIntVector) arguments[1];
        FixedSizeBinaryVector out = (FixedSizeBinaryVector) context.newVector(resultType, rows);
        BrokenDownTime first = new BrokenDownTime();
        BrokenDownTime second = new BrokenDownTime();
        for (int i = 0; i < rows; i++) {
            if (lefts.isNull(i) || rights.isNull(i)) {
                continue;
            }
            long a = lefts.get(i);
            long b = rights.get(i);
            if (!Calendar.isFiniteTimestamp(a) || !Calendar.isFiniteTimestamp(b)) {
                boolean aInfinite = !Calendar.isFiniteTimestamp(a);
                long infinity = aInfinite ? a : (b == Calendar.TIMESTAMP_INFINITY ? Calendar.TIMESTAMP_MINUS_INFINITY
                        : Calendar.TIMESTAMP_INFINITY);
                if (aInfinite && a == b) {
                    throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
                }
                if (infinity == Calendar.TIMESTAMP_INFINITY) {
                    IntervalSlots.set(out, i, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
                } else {
                    IntervalSlots.set(out, i, Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);
                }
                continue;
            }
            first.setTimestamp(local(a));
            second.setTimestamp(local(b));
            age(first, second, a < b, out, i);
        }
        return out;
    }

    private long local(long micros) {
        return zone == null ? micros : micros + DateTimeValues.offsetAt(micros, zone) * 1_000_000L;
    }

    /** Stores {@code first - second} field by field in row {@code row}; {@code negative} when first is earlier. */
    private static void age(BrokenDownTime first, BrokenDownTime second, boolean negative, FixedSizeBinaryVector out,
                            int row) {
        long micros = first.micros - second.micros;
        long seconds = first.second - second.second;
        long minutes = first.minute - second.minute;
        long hours = first.hour - second.hour;
        long days = first.day - second.day;
        long months = first.month - second.month;
        long years = first.year - second.year;
        // Work with the later value first so that every borrow is from a positive quantity.
        if (negative) {
            micros = -micros;
            seconds = -seconds;
            minutes = -minutes;
            hours = -hours;
            days = -days;
            months = -months;
            years = -years;
        }
        while (micros < 0) {
            micros += 1_000_000;
            seconds--;
        }
        while (seconds < 0) {
            seconds += 60;
            minutes--;
        }
        while (minutes < 0) {
            minutes += 60;
            hours--;
        }
        while (hours < 0) {
            hours += 24;
            days--;
        }
        BrokenDownTime earlier = negative ? first : second;
        while (days < 0) {
            days += Calendar.daysInMonth(earlier.year, earlier.month);
            months--;
        }
        while (months < 0) {
            months += 12;
            years--;
        }
        if (negative) {
            micros = -micros;
            seconds = -seconds;
            minutes = -minutes;
            hours = -hours;
            days = -days;
            months = -months;
            years = -years;
        }
        try {
            int totalMonths = Math.toIntExact(years * 12 + months);
            long time = ((hours * 60 + minutes) * 60 + seconds) * 1_000_000L + micros;
            IntervalSlots.set(out, row, totalMonths, Math.toIntExact(days), time);
        } catch (ArithmeticException overflow) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
    }

    /** Value equality: two calls with the same zone are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AgeFunction that && java.util.Objects.equals(zone, that.zone);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), zone);
    }
}
