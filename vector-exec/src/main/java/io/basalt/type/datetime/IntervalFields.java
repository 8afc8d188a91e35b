package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.Interval;

/**
 * The field qualifiers of an interval type ({@code INTERVAL DAY TO SECOND(3)}) and its fractional-second
 * precision, as PostgreSQL applies them: fields to the right of the last one named are dropped (HOUR
 * truncates to whole hours), the fraction of a second is rounded half away from zero, and a bare number in
 * the input counts in units of the last field named ({@code INTERVAL '5' MINUTE}).
 */
public final class IntervalFields {
    public static final int YEAR = 1;
    public static final int MONTH = 1 << 1;
    public static final int DAY = 1 << 2;
    public static final int HOUR = 1 << 3;
    public static final int MINUTE = 1 << 4;
    public static final int SECOND = 1 << 5;
    /** No qualifier: every field. */
    public static final int ALL = YEAR | MONTH | DAY | HOUR | MINUTE | SECOND;
    public static final int MAX_PRECISION = 6;

    private IntervalFields() {
    }

    /**
     * The field set named by a qualifier such as {@code day to second}, {@code year} (lower case, single
     * spaces), or -1 when it is not one.
     */
    public static int parse(String qualifier) {
        int to = qualifier.indexOf(" to ");
        int first = field(to < 0 ? qualifier : qualifier.substring(0, to));
        if (to < 0) {
            return first;
        }
        int last = field(qualifier.substring(to + 4));
        if (first < 0 || last <= first) {
            return -1;
        }
        return (last << 1) - first; // every bit from first to last
    }

    private static int field(String name) {
        return switch (name) {
            case "year" -> YEAR;
            case "month" -> MONTH;
            case "day" -> DAY;
            case "hour" -> HOUR;
            case "minute" -> MINUTE;
            case "second" -> SECOND;
            default -> -1;
        };
    }

    /** The qualifier as PostgreSQL prints it after {@code interval} ({@code " day to second"}), or "". */
    public static String display(int fields) {
        if (fields == ALL || fields == 0) {
            return "";
        }
        String[] names = {"year", "month", "day", "hour", "minute", "second"};
        int first = Integer.numberOfTrailingZeros(fields);
        int last = 31 - Integer.numberOfLeadingZeros(fields);
        return first == last ? " " + names[first] : " " + names[first] + " to " + names[last];
    }

    /**
     * {@code value} restricted to {@code fields} and rounded to {@code precision} fractional digits (-1: all).
     *
     * @throws BasaltException 22008 when rounding leaves the range of an interval
     */
    public static Interval adjust(Interval value, int fields, int precision) {
        if (!value.isFinite()) {
            return value;
        }
        int months = value.months();
        int days = value.days();
        long micros = value.micros();
        if (fields != ALL && fields != 0) {
            int last = Integer.highestOneBit(fields);
            switch (last) {
                case YEAR -> {
                    months = months / 12 * 12;
                    days = 0;
                    micros = 0;
                }
                case MONTH -> {
                    days = 0;
                    micros = 0;
                }
                case DAY -> micros = 0;
                case HOUR -> micros = micros / 3_600_000_000L * 3_600_000_000L;
                case MINUTE -> micros = micros / 60_000_000L * 60_000_000L;
                default -> {
                    // SECOND: only the precision below applies
                }
            }
        }
        if (precision >= 0 && precision < MAX_PRECISION) {
            try {
                micros = roundMicros(micros, precision);
            } catch (ArithmeticException overflow) {
                throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.DATETIME_FIELD_OVERFLOW,
                        "interval out of range");
            }
        }
        if (months == value.months() && days == value.days() && micros == value.micros()) {
            return value;
        }
        return new Interval(months, days, micros);
    }

    /** Microseconds rounded half away from zero to {@code precision} fractional digits of a second. */
    public static long roundMicros(long micros, int precision) {
        long scale = 1;
        for (int i = precision; i < MAX_PRECISION; i++) {
            scale *= 10;
        }
        long half = scale / 2;
        if (micros >= 0) {
            return Math.multiplyExact(Math.addExact(micros, half) / scale, scale);
        }
        return -Math.multiplyExact(Math.addExact(-micros, half) / scale, scale);
    }
}
