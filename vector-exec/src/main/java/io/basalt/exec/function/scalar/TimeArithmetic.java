package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeConversion;
import io.basalt.type.datetime.TimeValues;
import io.basalt.type.datetime.TimeWithZone;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * PostgreSQL's operators on times of day: {@code time ± interval} and {@code timetz ± interval} use only the
 * interval's time part and wrap around midnight (23:00 + 2 hours is 01:00; a timetz keeps its offset),
 * {@code time - time} is an interval of microseconds, and {@code date + time} / {@code date + timetz} make a
 * timestamp / timestamptz (an infinite date stays infinite). An infinite interval cannot be added to a time.
 * Each kind has its own loop over the vectors' primitive values.
 */
public final class TimeArithmetic implements ScalarFunction {
    /** The operations, by operand types (a date is always the first operand). */
    public enum Kind {
        TIME_PLUS_INTERVAL, TIME_MINUS_INTERVAL, TIMETZ_PLUS_INTERVAL, TIMETZ_MINUS_INTERVAL, TIME_MINUS_TIME,
        DATE_PLUS_TIME, DATE_PLUS_TIMETZ
    }

    private final Kind kind;

    public TimeArithmetic(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        switch (kind) {
            case TIME_PLUS_INTERVAL, TIME_MINUS_INTERVAL, TIMETZ_PLUS_INTERVAL, TIMETZ_MINUS_INTERVAL -> timeInterval(
                    (BigIntVector) arguments[0], (FixedSizeBinaryVector) arguments[1], (BigIntVector) out, rows);
            case TIME_MINUS_TIME -> timeMinusTime((BigIntVector) arguments[0], (BigIntVector) arguments[1],
                    (FixedSizeBinaryVector) out, rows);
            case DATE_PLUS_TIME, DATE_PLUS_TIMETZ -> datePlusTime((DateDayVector) arguments[0],
                    (BigIntVector) arguments[1], kind == Kind.DATE_PLUS_TIMETZ, (BigIntVector) out, rows);
        }
        return out;
    }

    private void timeInterval(BigIntVector times, FixedSizeBinaryVector intervals, BigIntVector out, int rows) {
        boolean minus = kind == Kind.TIME_MINUS_INTERVAL || kind == Kind.TIMETZ_MINUS_INTERVAL;
        boolean zoned = kind == Kind.TIMETZ_PLUS_INTERVAL || kind == Kind.TIMETZ_MINUS_INTERVAL;
        for (int i = 0; i < rows; i++) {
            if (times.isNull(i) || intervals.isNull(i)) {
                continue;
            }
            long span = IntervalSlots.micros(intervals, i);
            if (IntervalSlots.isInfinite(IntervalSlots.months(intervals, i), IntervalSlots.days(intervals, i), span)) {
                throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, minus
                        ? "cannot subtract infinite interval from time" : "cannot add infinite interval to time");
            }
            // Reduce the span into a day first, so that no addition can overflow.
            long step = Math.floorMod(span, Calendar.MICROS_PER_DAY);
            if (minus) {
                step = Calendar.MICROS_PER_DAY - step;
            }
            long value = times.get(i);
            if (zoned) {
                out.set(i, TimeWithZone.pack(TimeValues.wrap(TimeWithZone.time(value) + step), TimeWithZone.offset(value)));
            } else {
                out.set(i, TimeValues.wrap(value + step));
            }
        }
    }

    private static void timeMinusTime(BigIntVector lefts, BigIntVector rights, FixedSizeBinaryVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (lefts.isNull(i) || rights.isNull(i)) {
                continue;
            }
            IntervalSlots.set(out, i, 0, 0, lefts.get(i) - rights.get(i));
        }
    }

    private static void datePlusTime(DateDayVector dates, BigIntVector times, boolean zoned, BigIntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (dates.isNull(i) || times.isNull(i)) {
                continue;
            }
            int date = dates.get(i);
            if (!Calendar.isFiniteDate(date)) {
                out.set(i, date > 0 ? Calendar.TIMESTAMP_INFINITY : Calendar.TIMESTAMP_MINUS_INFINITY);
                continue;
            }
            long value = times.get(i);
            long time = zoned ? TimeWithZone.time(value) - TimeWithZone.offset(value) * 1_000_000L : value;
            long micros;
            try {
                micros = Math.addExact(DateTimeConversion.dateToTimestamp(date), time);
            } catch (ArithmeticException overflow) {
                throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
            }
            if (micros < Calendar.FIRST_TIMESTAMP || !Calendar.isFiniteTimestamp(micros)) {
                throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
            }
            out.set(i, micros);
        }
    }

    /** Value equality: two calls of the same operation are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TimeArithmetic that && kind == that.kind;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind);
    }
}
