package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.FieldVector;

/**
 * Arithmetic on dates, timestamps and intervals with PostgreSQL's calendar rules: adding an interval adds
 * its months first (clamping the day to the month's end: Jan 31 + 1 month = Feb 29 in a leap year), then
 * its days, then its time; subtracting timestamps gives days and time; multiplying or dividing an
 * interval spills fractional months into days and fractional days into time. Timestamps with time zone
 * do their month and day steps in the wall-clock time of the session zone captured at planning, so that
 * adding a day across a daylight-saving change keeps the time of day, as PostgreSQL does; the time part is
 * then added as elapsed time.
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
    private final java.time.ZoneId zone;

    public DateTimeArithmetic(Kind kind) {
        this(kind, null);
    }

    /** {@code zone}: the session zone when the timestamp operand is a timestamptz, else null. */
    public DateTimeArithmetic(Kind kind, java.time.ZoneId zone) {
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
        for (int i = 0; i < rows; i++) {
            Object a = ValueAccess.get(arguments[0], i);
            Object b = arguments.length > 1 ? ValueAccess.get(arguments[1], i) : null;
            if (a == null || (arguments.length > 1 && b == null)) {
                continue;
            }
            try {
                ValueAccess.set(out, i, compute(a, b));
            } catch (ArithmeticException | java.time.DateTimeException overflow) {
                throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, resultType.id() == io.basalt.type.TypeId.INTERVAL
                        ? "interval out of range" : "timestamp out of range");
            }
        }
        return out;
    }

    private Object compute(Object a, Object b) {
        return switch (kind) {
            case DATE_PLUS_DAYS -> Math.addExact((Long) a, (Long) b);
            case DATE_MINUS_DAYS -> Math.subtractExact((Long) a, (Long) b);
            case DATE_MINUS_DATE -> Math.subtractExact((Long) a, (Long) b);
            case TIMESTAMP_PLUS_INTERVAL -> plus((Long) a, (Interval) b, zone);
            case TIMESTAMP_MINUS_INTERVAL -> plus((Long) a, ((Interval) b).negate(), zone);
            case TIMESTAMP_MINUS_TIMESTAMP -> difference((Long) a, (Long) b);
            case INTERVAL_PLUS_INTERVAL -> ((Interval) a).plus((Interval) b);
            case INTERVAL_MINUS_INTERVAL -> ((Interval) a).plus(((Interval) b).negate());
            case INTERVAL_TIMES_NUMBER -> scale((Interval) a, toDecimal(b));
            case INTERVAL_DIVIDED_BY_NUMBER -> {
                BigDecimal divisor = toDecimal(b);
                if (divisor.signum() == 0) {
                    throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
                }
                yield scale((Interval) a, BigDecimal.ONE.divide(divisor, 20, RoundingMode.HALF_EVEN));
            }
            case NEGATE_INTERVAL -> ((Interval) a).negate();
        };
    }

    private static BigDecimal toDecimal(Object number) {
        return switch (number) {
            case Long l -> BigDecimal.valueOf(l);
            case Double d -> new BigDecimal(d);
            case BigDecimal d -> d;
            default -> throw BasaltException.internal("interval scaled by " + number.getClass().getSimpleName());
        };
    }

    /**
     * Microseconds since 1970 plus an interval, month by calendar, then days, then time; with a zone, the
     * month and day steps move the wall-clock time in that zone. An infinite operand gives an infinite
     * result; opposite infinities fail.
     */
    static long plus(long micros, Interval interval, java.time.ZoneId zone) {
        boolean finiteTime = io.basalt.type.datetime.Calendar.isFiniteTimestamp(micros);
        if (!finiteTime || !interval.isFinite()) {
            long intervalInfinity = interval.isFinite() ? 0 : interval.months() > 0
                    ? io.basalt.type.datetime.Calendar.TIMESTAMP_INFINITY : io.basalt.type.datetime.Calendar.TIMESTAMP_MINUS_INFINITY;
            if (!finiteTime && intervalInfinity != 0 && intervalInfinity != micros) {
                throw new ArithmeticException("opposite infinities");
            }
            return finiteTime ? intervalInfinity : micros;
        }
        if (zone == null) {
            return plus(micros, interval);
        }
        long utc = micros;
        if (interval.months() != 0) {
            long local = utc + io.basalt.type.datetime.DateTimeValues.offsetAt(utc, zone) * 1_000_000L;
            local = plus(local, new Interval(interval.months(), 0, 0));
            utc = local - io.basalt.type.datetime.DateTimeValues.offsetOfLocal(local, zone) * 1_000_000L;
        }
        if (interval.days() != 0) {
            long local = utc + io.basalt.type.datetime.DateTimeValues.offsetAt(utc, zone) * 1_000_000L;
            local = Math.addExact(local, Math.multiplyExact((long) interval.days(), Interval.MICROS_PER_DAY));
            utc = local - io.basalt.type.datetime.DateTimeValues.offsetOfLocal(local, zone) * 1_000_000L;
        }
        return checkRange(Math.addExact(utc, interval.micros()));
    }

    /** A finite result outside the timestamp range overflows. */
    private static long checkRange(long micros) {
        if (micros < io.basalt.type.datetime.Calendar.FIRST_TIMESTAMP || !io.basalt.type.datetime.Calendar.isFiniteTimestamp(micros)) {
            throw new ArithmeticException("timestamp out of range");
        }
        return micros;
    }

    /** Microseconds since 1970 plus an interval, month by calendar, then days, then time. */
    static long plus(long micros, Interval interval) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        time = time.plusMonths(interval.months()).plusDays(interval.days());
        long base = time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
        return Math.addExact(base, interval.micros());
    }

    /** {@code a - b} as PostgreSQL's interval: whole days plus the remaining time, both with a's sign. */
    static Interval difference(long a, long b) {
        long micros = Math.subtractExact(a, b);
        long days = micros / Interval.MICROS_PER_DAY;
        return new Interval(0, Math.toIntExact(days), micros - days * Interval.MICROS_PER_DAY);
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

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DateTimeArithmetic that && java.util.Objects.equals(kind, that.kind)
                && java.util.Objects.equals(zone, that.zone);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind, zone);
    }
}
