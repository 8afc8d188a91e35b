package io.basalt.exec.function.scalar;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeValues;
import io.basalt.type.datetime.TimeZoneNames;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code make_date(year, month, day)}, {@code make_time(hour, min, sec)},
 * {@code make_timestamp(year, month, day, hour, min, sec)} and
 * {@code make_timestamptz(..., sec [, zone])}: values built from their fields with PostgreSQL's checks. A
 * negative year is a year BC (-44 is 44 BC), year 0 does not exist; hour 24 is allowed only as 24:00:00. A
 * timestamptz without a zone argument is read in the session zone captured when the plan was built; a zone
 * argument is read as {@code parse_sane_timezone} reads it: a signed number is an ISO offset (east of UTC),
 * anything else an abbreviation or zone name.
 */
public final class MakeDateTimeFunction implements ScalarFunction {
    /** What is built. */
    public enum Kind { DATE, TIME, TIMESTAMP, TIMESTAMPTZ }

    private final Kind kind;
    private final ZoneId sessionZone;

    /** {@code sessionZone} is used by {@link Kind#TIMESTAMPTZ} without a zone argument. */
    public MakeDateTimeFunction(Kind kind, ZoneId sessionZone) {
        this.kind = requireNonNull(kind, "kind is null");
        this.sessionZone = requireNonNull(sessionZone, "sessionZone is null");
    }

    @Override
    public String name() {
        return switch (kind) {
            case DATE -> "make_date";
            case TIME -> "make_time";
            case TIMESTAMP -> "make_timestamp";
            case TIMESTAMPTZ -> "make_timestamptz";
        };
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        if (kind == Kind.TIME) {
            return times((IntVector) arguments[0], (IntVector) arguments[1], (Float8Vector) arguments[2],
                    (BigIntVector) context.newVector(resultType, rows), rows);
        }
        IntVector years = (IntVector) arguments[0];
        IntVector months = (IntVector) arguments[1];
        IntVector days = (IntVector) arguments[2];
        FieldVector out = context.newVector(resultType, rows);
        if (kind == Kind.DATE) {
            DateDayVector dates = (DateDayVector) out;
            for (int i = 0; i < rows; i++) {
                if (years.isNull(i) || months.isNull(i) || days.isNull(i)) {
                    continue;
                }
                dates.set(i, (int) date(years.get(i), months.get(i), days.get(i)));
            }
            return out;
        }
        IntVector hours = (IntVector) arguments[3];
        IntVector minutes = (IntVector) arguments[4];
        Float8Vector seconds = (Float8Vector) arguments[5];
        VarCharVector zones = arguments.length > 6 ? (VarCharVector) arguments[6] : null;
        BigIntVector times = (BigIntVector) out;
        byte[] lastZoneText = null;
        ZoneId lastZone = null;
        for (int i = 0; i < rows; i++) {
            if (years.isNull(i) || months.isNull(i) || days.isNull(i) || hours.isNull(i) || minutes.isNull(i)
                    || seconds.isNull(i) || (zones != null && zones.isNull(i))) {
                continue;
            }
            long local = timestamp(years.get(i), months.get(i), days.get(i), hours.get(i), minutes.get(i),
                    seconds.get(i));
            if (kind == Kind.TIMESTAMPTZ) {
                ZoneId zone = sessionZone;
                if (zones != null) {
                    byte[] text = zones.get(i);
                    if (lastZoneText == null || !java.util.Arrays.equals(text, lastZoneText)) {
                        lastZone = parseZone(new String(text, StandardCharsets.UTF_8));
                        lastZoneText = text;
                    }
                    zone = lastZone;
                }
                long utc = local - DateTimeValues.offsetOfLocal(local, zone) * 1_000_000L;
                if (utc < Calendar.FIRST_TIMESTAMP || utc >= END_TIMESTAMP) {
                    throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
                }
                local = utc;
            }
            times.set(i, local);
        }
        return out;
    }

    /** The first value past the last valid timestamp: the value that means infinity. */
    private static final long END_TIMESTAMP = Calendar.TIMESTAMP_INFINITY;

    private static FieldVector times(IntVector hours, IntVector minutes, Float8Vector seconds, BigIntVector out,
                                     int rows) {
        for (int i = 0; i < rows; i++) {
            if (hours.isNull(i) || minutes.isNull(i) || seconds.isNull(i)) {
                continue;
            }
            out.set(i, time(hours.get(i), minutes.get(i), seconds.get(i)));
        }
        return out;
    }

    /** Microseconds since midnight of the fields, as make_time checks them (24:00:00 at most). */
    static long time(int hour, int minute, double second) {
        // NaN fails every comparison, so it is refused with the out-of-range values.
        double micros = second >= 0 ? Math.rint(second * 1_000_000.0) : Double.NaN;
        if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || !(micros <= 60_000_000.0)
                || (hour * 60L + minute) * 60_000_000L + micros > Calendar.MICROS_PER_DAY) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "time field value out of range: " + hour + ":"
                    + twoDigits(minute) + ":" + shortSeconds(second));
        }
        return (hour * 60L + minute) * 60_000_000L + (long) micros;
    }

    /** Days since 1970 of year/month/day as make_date reads them. */
    static long date(int year, int month, int day) {
        if (year == Integer.MIN_VALUE) {
            // PostgreSQL cannot negate the year to count it BC.
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + twoDigits(month) + "-" + twoDigits(day));
        }
        long astronomical = year < 0 ? year + 1L : year;
        if (year == 0 || month < 1 || month > 12 || day < 1 || day > Calendar.daysInMonth(astronomical, month)) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + twoDigits(month) + "-" + twoDigits(day));
        }
        long epochDay = Calendar.epochDay(astronomical, month, day);
        if (!Calendar.isValidJulian(astronomical, month) || epochDay < Calendar.FIRST_DATE
                || epochDay >= Calendar.END_DATE) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date out of range: " + year + "-" + twoDigits(month) + "-" + twoDigits(day));
        }
        return epochDay;
    }

    /** Wall-clock microseconds since 1970 of the fields, as make_timestamp checks them. */
    static long timestamp(int year, int month, int day, int hour, int minute, double second) {
        long astronomical = year < 0 ? year + 1L : year;
        if (year == 0 || month < 1 || month > 12 || day < 1 || day > Calendar.daysInMonth(astronomical, month)) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + twoDigits(month) + "-" + twoDigits(day));
        }
        // NaN fails every comparison, so it is refused with the out-of-range values.
        if (hour < 0 || minute < 0 || minute > 59 || !(second >= 0) || second > 60 || hour > 24
                || (hour == 24 && (minute > 0 || second > 0))) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "time field value out of range: " + hour + ":"
                    + twoDigits(minute) + ":" + shortSeconds(second));
        }
        long epochDay = Calendar.epochDay(astronomical, month, day);
        long time = (hour * 3600L + minute * 60L) * 1_000_000L + (long) Math.rint(second * 1_000_000.0);
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(epochDay, Calendar.MICROS_PER_DAY), time);
        } catch (ArithmeticException overflow) {
            micros = END_TIMESTAMP;
        }
        if (!Calendar.isValidJulian(astronomical, month) || micros < Calendar.FIRST_TIMESTAMP
                || micros >= END_TIMESTAMP) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: " + year + "-"
                    + twoDigits(month) + "-" + twoDigits(day) + " " + hour + ":" + twoDigits(minute) + ":"
                    + shortSeconds(second));
        }
        return micros;
    }

    /**
     * The zone a make_timestamptz argument names: {@code +2}, {@code -03:30} are offsets east of UTC (up to
     * 15 hours), an unsigned number is refused, anything else is an abbreviation or a zone name.
     */
    static ZoneId parseZone(String text) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid input syntax for type numeric time zone: \"" + text + "\"")
                    .withHint("Numeric time zones must have \"-\" or \"+\" as first character.");
        }
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            return ZoneOffset.ofTotalSeconds(numericOffset(text));
        }
        return TimeZoneNames.resolve(text);
    }

    /**
     * A signed offset as PostgreSQL's DecodeTimezone reads it: {@code +h}, {@code +hh:mm[:ss]} (an empty part
     * counts as 0), or {@code +hhmm} run together; seconds east of UTC.
     */
    private static int numericOffset(String text) {
        int[] parts = new int[3];
        int at = 1;
        int part = 0;
        int digitsInFirst = 0;
        while (true) {
            long value = 0;
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at)) && at - start < 10) {
                value = value * 10 + (text.charAt(at) - '0');
                at++;
            }
            if (value > Integer.MAX_VALUE) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "numeric time zone \"" + text + "\" out of range");
            }
            if (part == 0) {
                digitsInFirst = at - start;
            }
            parts[part] = (int) value;
            if (part < 2 && at < text.length() && text.charAt(at) == ':') {
                at++;
                part++;
                continue;
            }
            break;
        }
        if (at != text.length() || part == 0 && digitsInFirst == 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid input syntax for type numeric time zone: \"" + text + "\"");
        }
        int hours = parts[0];
        int minutes = parts[1];
        if (part == 0 && text.length() > 3) {
            minutes = hours % 100;
            hours /= 100;
        }
        if (hours > 15 || minutes >= 60 || parts[2] >= 60) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "numeric time zone \"" + text + "\" out of range");
        }
        int east = (hours * 60 + minutes) * 60 + parts[2];
        return text.charAt(0) == '-' ? -east : east;
    }

    private static String twoDigits(int value) {
        return value >= 0 && value < 10 ? "0" + value : Integer.toString(value);
    }

    /** Seconds as C's {@code %02g}: six significant digits, no trailing zeros, at least two characters. */
    static String shortSeconds(double second) {
        String text = ToTimestampFunction.shortest(second);
        if (text.length() < 2) {
            // %02g pads only a one-character result.
            text = "0" + text;
        }
        return text;
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MakeDateTimeFunction that && kind == that.kind && sessionZone.equals(that.sessionZone);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind, sessionZone);
    }
}
