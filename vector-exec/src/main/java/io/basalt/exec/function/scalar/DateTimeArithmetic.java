package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;

/**
 * Arithmetic on dates, timestamps and intervals with PostgreSQL's calendar rules: adding an interval adds
 * its months first (clamping the day to the month's end: Jan 31 + 1 month = Feb 29 in a leap year), then
 * its days, then its time; subtracting timestamps gives days and time; multiplying or dividing an
 * interval spills fractional months into days and fractional days into time. Timestamps with time zone
 * do their month and day steps in the wall-clock time of the session zone captured at planning, so that
 * adding a day across a daylight-saving change keeps the time of day, as PostgreSQL does; the time part is
 * then added as elapsed time. Infinite operands follow PostgreSQL 17's rules: an infinity absorbs finite
 * values, opposite infinities (or equal ones subtracted) are {@code interval out of range}, and a finite
 * result that lands on an infinity's representation overflows. Each kind has its own loop over the
 * vectors' primitive values.
 */
public final class DateTimeArithmetic implements ScalarFunction {
    /** The operations, by operand types. */
    public enum Kind {
        DATE_PLUS_DAYS, DATE_MINUS_DAYS, DATE_MINUS_DATE, TIMESTAMP_PLUS_INTERVAL, TIMESTAMP_MINUS_INTERVAL,
        TIMESTAMP_MINUS_TIMESTAMP, INTERVAL_PLUS_INTERVAL, INTERVAL_MINUS_INTERVAL, INTERVAL_TIMES_NUMBER,
        INTERVAL_DIVIDED_BY_NUMBER, NEGATE_INTERVAL
    }

    private final Kind kind;
    /** The zone calendar steps are taken in for timestamptz operands; null for timestamps. */
    private final ZoneId zone;

    public DateTimeArithmetic(Kind kind) {
        this(kind, null);
    }

    /** {@code zone}: the session zone when the timestamp operand is a timestamptz, else null. */
    public DateTimeArithmetic(Kind kind, ZoneId zone) {
        this.kind = kind;
        this.zone = zone;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        try {
            switch (kind) {
                case DATE_PLUS_DAYS, DATE_MINUS_DAYS -> dateDays((DateDayVector) arguments[0],
                        (BigIntVector) arguments[1], kind == Kind.DATE_MINUS_DAYS, (DateDayVector) out, rows);
                case DATE_MINUS_DATE -> dateMinusDate((DateDayVector) arguments[0], (DateDayVector) arguments[1],
                        (IntVector) out, rows);
                case TIMESTAMP_PLUS_INTERVAL, TIMESTAMP_MINUS_INTERVAL -> timestampInterval(
                        (BigIntVector) arguments[0], (FixedSizeBinaryVector) arguments[1],
                        kind == Kind.TIMESTAMP_MINUS_INTERVAL, (BigIntVector) out, rows);
                case TIMESTAMP_MINUS_TIMESTAMP -> timestampMinusTimestamp((BigIntVector) arguments[0],
                        (BigIntVector) arguments[1], (FixedSizeBinaryVector) out, rows);
                case INTERVAL_PLUS_INTERVAL, INTERVAL_MINUS_INTERVAL -> intervalInterval(
                        (FixedSizeBinaryVector) arguments[0], (FixedSizeBinaryVector) arguments[1],
                        kind == Kind.INTERVAL_MINUS_INTERVAL, (FixedSizeBinaryVector) out, rows);
                case INTERVAL_TIMES_NUMBER, INTERVAL_DIVIDED_BY_NUMBER -> intervalNumber(
                        (FixedSizeBinaryVector) arguments[0], (Float8Vector) arguments[1],
                        kind == Kind.INTERVAL_DIVIDED_BY_NUMBER, (FixedSizeBinaryVector) out, rows);
                case NEGATE_INTERVAL -> negate((FixedSizeBinaryVector) arguments[0], (FixedSizeBinaryVector) out, rows);
            }
        } catch (ArithmeticException | java.time.DateTimeException overflow) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    resultType.id() == io.basalt.type.TypeId.INTERVAL ? "interval out of range"
                            : resultType.id() == io.basalt.type.TypeId.DATE ? "date out of range" : "timestamp out of range");
        }
        return out;
    }

    private static void dateDays(DateDayVector dates, BigIntVector days, boolean minus, DateDayVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (dates.isNull(i) || days.isNull(i)) {
                continue;
            }
            int date = dates.get(i);
            if (!Calendar.isFiniteDate(date)) {
                out.set(i, date);
                continue;
            }
            long result = minus ? Math.subtractExact(date, days.get(i)) : Math.addExact(date, days.get(i));
            if (result < Calendar.FIRST_DATE || result >= Calendar.END_DATE) {
                throw new ArithmeticException("date out of range");
            }
            out.set(i, (int) result);
        }
    }

    private static void dateMinusDate(DateDayVector lefts, DateDayVector rights, IntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (lefts.isNull(i) || rights.isNull(i)) {
                continue;
            }
            int a = lefts.get(i);
            int b = rights.get(i);
            if (!Calendar.isFiniteDate(a) || !Calendar.isFiniteDate(b)) {
                throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite dates");
            }
            out.set(i, a - b);
        }
    }

    private void timestampInterval(BigIntVector times, FixedSizeBinaryVector intervals, boolean minus,
                                   BigIntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (times.isNull(i) || intervals.isNull(i)) {
                continue;
            }
            int months = IntervalSlots.months(intervals, i);
            int days = IntervalSlots.days(intervals, i);
            long micros = IntervalSlots.micros(intervals, i);
            if (minus) {
                if (IntervalSlots.isInfinite(months, days, micros)) {
                    boolean positive = months > 0;
                    months = positive ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                    days = months;
                    micros = positive ? Long.MIN_VALUE : Long.MAX_VALUE;
                } else {
                    months = Math.negateExact(months);
                    days = Math.negateExact(days);
                    micros = Math.negateExact(micros);
                }
            }
            out.set(i, plus(times.get(i), months, days, micros, zone));
        }
    }

    private static void timestampMinusTimestamp(BigIntVector lefts, BigIntVector rights, FixedSizeBinaryVector out,
                                                int rows) {
        for (int i = 0; i < rows; i++) {
            if (lefts.isNull(i) || rights.isNull(i)) {
                continue;
            }
            long a = lefts.get(i);
            long b = rights.get(i);
            boolean aFinite = Calendar.isFiniteTimestamp(a);
            boolean bFinite = Calendar.isFiniteTimestamp(b);
            if (!aFinite || !bFinite) {
                if (!aFinite && !bFinite && a == b) {
                    throw new ArithmeticException("infinity minus infinity");
                }
                boolean positive = !aFinite ? a > 0 : b < 0;
                setInfinity(out, i, positive);
                continue;
            }
            long micros = Math.subtractExact(a, b);
            long days = micros / Interval.MICROS_PER_DAY;
            IntervalSlots.set(out, i, 0, Math.toIntExact(days), micros - days * Interval.MICROS_PER_DAY);
        }
    }

    private static void intervalInterval(FixedSizeBinaryVector lefts, FixedSizeBinaryVector rights, boolean minus,
                                         FixedSizeBinaryVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (lefts.isNull(i) || rights.isNull(i)) {
                continue;
            }
            int am = IntervalSlots.months(lefts, i);
            int ad = IntervalSlots.days(lefts, i);
            long at = IntervalSlots.micros(lefts, i);
            int bm = IntervalSlots.months(rights, i);
            int bd = IntervalSlots.days(rights, i);
            long bt = IntervalSlots.micros(rights, i);
            boolean aInfinite = IntervalSlots.isInfinite(am, ad, at);
            boolean bInfinite = IntervalSlots.isInfinite(bm, bd, bt);
            if (aInfinite || bInfinite) {
                boolean bPositive = minus ? bm < 0 : bm > 0;
                if (aInfinite && bInfinite && (am > 0) != bPositive) {
                    throw new ArithmeticException("opposite infinities");
                }
                setInfinity(out, i, aInfinite ? am > 0 : bPositive);
                continue;
            }
            int months = minus ? Math.subtractExact(am, bm) : Math.addExact(am, bm);
            int days = minus ? Math.subtractExact(ad, bd) : Math.addExact(ad, bd);
            long micros = minus ? Math.subtractExact(at, bt) : Math.addExact(at, bt);
            setFinite(out, i, months, days, micros);
        }
    }

    private static void intervalNumber(FixedSizeBinaryVector intervals, Float8Vector numbers, boolean divide,
                                       FixedSizeBinaryVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (intervals.isNull(i) || numbers.isNull(i)) {
                continue;
            }
            int months = IntervalSlots.months(intervals, i);
            int days = IntervalSlots.days(intervals, i);
            long micros = IntervalSlots.micros(intervals, i);
            double factor = numbers.get(i);
            if (Double.isNaN(factor)) {
                throw new ArithmeticException("NaN factor");
            }
            if (divide && factor == 0) {
                throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
            }
            boolean infinite = IntervalSlots.isInfinite(months, days, micros);
            if (infinite) {
                // infinity * 0 and infinity / infinity have no value.
                if ((!divide && factor == 0) || (divide && Double.isInfinite(factor))) {
                    throw new ArithmeticException("undefined");
                }
                setInfinity(out, i, (months > 0) == (factor > 0));
                continue;
            }
            if (Double.isInfinite(factor)) {
                if (divide) {
                    IntervalSlots.set(out, i, 0, 0, 0);
                    continue;
                }
                int sign = new Interval(months, days, micros).normalizedMicros().signum();
                if (sign == 0) {
                    throw new ArithmeticException("zero times infinity");
                }
                setInfinity(out, i, sign * factor > 0);
                continue;
            }
            BigDecimal scale = divide ? BigDecimal.ONE.divide(new BigDecimal(factor), 20, RoundingMode.HALF_EVEN)
                    : new BigDecimal(factor);
            Interval result = scale(new Interval(months, days, micros), scale);
            setFinite(out, i, result.months(), result.days(), result.micros());
        }
    }

    private static void negate(FixedSizeBinaryVector in, FixedSizeBinaryVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            int months = IntervalSlots.months(in, i);
            int days = IntervalSlots.days(in, i);
            long micros = IntervalSlots.micros(in, i);
            if (IntervalSlots.isInfinite(months, days, micros)) {
                setInfinity(out, i, months < 0);
                continue;
            }
            setFinite(out, i, Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
        }
    }

    private static void setInfinity(FixedSizeBinaryVector out, int row, boolean positive) {
        if (positive) {
            IntervalSlots.set(out, row, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
        } else {
            IntervalSlots.set(out, row, Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);
        }
    }

    /** A computed finite interval; one that lands on an infinity's representation overflows. */
    private static void setFinite(FixedSizeBinaryVector out, int row, int months, int days, long micros) {
        if (IntervalSlots.isInfinite(months, days, micros)) {
            throw new ArithmeticException("interval out of range");
        }
        IntervalSlots.set(out, row, months, days, micros);
    }

    /**
     * Microseconds since 1970 plus an interval's fields, month by calendar, then days, then time; with a
     * zone, the month and day steps move the wall-clock time in that zone. An infinite operand gives an
     * infinite result; opposite infinities fail.
     *
     * @throws ArithmeticException when the result is out of range
     */
    public static long plus(long micros, int months, int days, long time, ZoneId zone) {
        boolean finiteTime = Calendar.isFiniteTimestamp(micros);
        boolean finiteInterval = !IntervalSlots.isInfinite(months, days, time);
        if (!finiteTime || !finiteInterval) {
            long intervalInfinity = finiteInterval ? 0
                    : months > 0 ? Calendar.TIMESTAMP_INFINITY : Calendar.TIMESTAMP_MINUS_INFINITY;
            if (!finiteTime && intervalInfinity != 0 && intervalInfinity != micros) {
                throw new ArithmeticException("opposite infinities");
            }
            return finiteTime ? intervalInfinity : micros;
        }
        long result;
        if (zone == null) {
            result = Math.addExact(calendarStep(micros, months, days), time);
        } else {
            long utc = micros;
            if (months != 0) {
                long local = utc + DateTimeValues.offsetAt(utc, zone) * 1_000_000L;
                local = calendarStep(local, months, 0);
                utc = local - DateTimeValues.offsetOfLocal(local, zone) * 1_000_000L;
            }
            if (days != 0) {
                long local = utc + DateTimeValues.offsetAt(utc, zone) * 1_000_000L;
                local = Math.addExact(local, Math.multiplyExact((long) days, Interval.MICROS_PER_DAY));
                utc = local - DateTimeValues.offsetOfLocal(local, zone) * 1_000_000L;
            }
            result = Math.addExact(utc, time);
        }
        if (result < Calendar.FIRST_TIMESTAMP || !Calendar.isFiniteTimestamp(result)) {
            throw new ArithmeticException("timestamp out of range");
        }
        return result;
    }

    /** Microseconds since 1970 plus an interval, month by calendar, then days, then time. */
    static long plus(long micros, Interval interval) {
        return Math.addExact(calendarStep(micros, interval.months(), interval.days()), interval.micros());
    }

    /** Wall-clock microseconds moved by whole months (day clamped to the month's end), then whole days. */
    private static long calendarStep(long micros, int months, int days) {
        if (months == 0) {
            return Math.addExact(micros, Math.multiplyExact((long) days, Interval.MICROS_PER_DAY));
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        time = time.plusMonths(months).plusDays(days);
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
    }

    /** {@code interval * factor}: fractional months spill into 30-day days, fractional days into time. */
    static Interval scale(Interval interval, BigDecimal factor) {
        BigDecimal months = BigDecimal.valueOf(interval.months()).multiply(factor);
        BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
        BigDecimal days = BigDecimal.valueOf(interval.days()).multiply(factor)
                .add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(30)));
        BigDecimal wholeDays = days.setScale(0, RoundingMode.DOWN);
        BigDecimal micros = BigDecimal.valueOf(interval.micros()).multiply(factor)
                .add(days.subtract(wholeDays).multiply(BigDecimal.valueOf(Interval.MICROS_PER_DAY)));
        return new Interval(wholeMonths.intValueExact(), wholeDays.intValueExact(),
                micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    }

    /** Value equality: two calls of the same operation with the same zone are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DateTimeArithmetic that && kind == that.kind && java.util.Objects.equals(zone, that.zone);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind, zone);
    }
}
