package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code EXTRACT(field FROM date)} (numeric, as PostgreSQL 14+) and {@code date_part('field', date)}
 * (double precision), and the same of timestamps (a timestamptz read in the session zone captured at
 * planning). Every field of a date is a whole number; the numeric result is carried as a scaled long.
 */
public final class DatePartFunction implements ScalarFunction {
    /** The date fields PostgreSQL accepts. */
    public enum Field {
        YEAR, MONTH, DAY, QUARTER, DOW, ISODOW, DOY, WEEK, ISOYEAR, DECADE, CENTURY, MILLENNIUM, EPOCH, JULIAN,
        HOUR, MINUTE, SECOND, MILLISECONDS, MICROSECONDS;

        /** The decimals PostgreSQL gives EXTRACT of this field from a timestamp. */
        public int timestampScale() {
            return switch (this) {
                case SECOND, EPOCH -> 6;
                case MILLISECONDS -> 3;
                default -> 0;
            };
        }
    }

    private final Field field;
    private final boolean timestamp;
    /** For a timestamptz, the session zone its fields are read in (captured at planning); else null. */
    private final java.time.ZoneId zone;

    private DatePartFunction(Field field) {
        this(field, false, null);
    }

    private DatePartFunction(Field field, boolean timestamp, java.time.ZoneId zone) {
        this.field = field;
        this.timestamp = timestamp;
        this.zone = zone;
    }

    /** The function for {@code field} on a timestamptz, read in the wall-clock time of {@code zone}. */
    public static DatePartFunction ofTimestampTz(String fieldName, java.time.ZoneId zone) {
        return new DatePartFunction(ofTimestamp(fieldName).field, true,
                java.util.Objects.requireNonNull(zone, "zone is null"));
    }

    public Field field() {
        return field;
    }

    /** The function for {@code field} on a timestamp: every date field plus the time of day. */
    public static DatePartFunction ofTimestamp(String fieldName) {
        String normal = fieldName.toLowerCase(Locale.ROOT);
        Field field = switch (normal) {
            case "hour", "hours", "h", "hr", "hrs" -> Field.HOUR;
            case "minute", "minutes", "m", "min", "mins" -> Field.MINUTE;
            case "second", "seconds", "s", "sec", "secs" -> Field.SECOND;
            case "milliseconds", "millisecond", "ms", "msec", "msecs" -> Field.MILLISECONDS;
            case "microseconds", "microsecond", "us", "usec", "usecs" -> Field.MICROSECONDS;
            default -> of(fieldName).field;
        };
        return new DatePartFunction(field, true, null);
    }

    /** The function for {@code field} as written; PostgreSQL's errors for units a date does not have. */
    public static DatePartFunction of(String fieldName) {
        String normal = fieldName.toLowerCase(Locale.ROOT);
        Field field = switch (normal) {
            case "year", "years", "y", "yr", "yrs" -> Field.YEAR;
            case "month", "months", "mon", "mons" -> Field.MONTH;
            case "day", "days", "d" -> Field.DAY;
            case "quarter", "qtr" -> Field.QUARTER;
            case "dow" -> Field.DOW;
            case "isodow" -> Field.ISODOW;
            case "doy" -> Field.DOY;
            case "week", "weeks", "w" -> Field.WEEK;
            case "isoyear" -> Field.ISOYEAR;
            case "decade", "decades", "dec", "decs" -> Field.DECADE;
            case "century", "centuries", "c", "cent" -> Field.CENTURY;
            case "millennium", "millennia", "mil", "mils", "millenniums" -> Field.MILLENNIUM;
            case "epoch" -> Field.EPOCH;
            case "julian", "j" -> Field.JULIAN;
            case "hour", "hours", "minute", "minutes", "second", "seconds", "milliseconds", "microseconds",
                 "timezone", "timezone_hour", "timezone_minute", "h", "m", "s", "ms", "us" -> throw BasaltException.of(
                    SqlState.FEATURE_NOT_SUPPORTED, "unit \"" + normal + "\" not supported for type date");
            default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type date");
        };
        return new DatePartFunction(field);
    }

    @Override
    public String name() {
        return "date_part";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        if (timestamp) {
            return applyToTimestamps((BigIntVector) arguments[arguments.length - 1], rows, resultType, context);
        }
        DateDayVector dates = (DateDayVector) arguments[arguments.length - 1];
        FieldVector out = context.newVector(resultType, rows);
        boolean asDouble = resultType.id() == TypeId.DOUBLE;
        for (int i = 0; i < rows; i++) {
            if (dates.isNull(i)) {
                continue;
            }
            int date = dates.get(i);
            if (!io.basalt.type.datetime.Calendar.isFiniteDate(date)) {
                infinite(out, i, date > 0, asDouble);
                continue;
            }
            long value = part(date);
            if (asDouble) {
                ((Float8Vector) out).set(i, value);
            } else {
                ((BigIntVector) out).set(i, value);
            }
        }
        return out;
    }

    private FieldVector applyToTimestamps(BigIntVector times, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        boolean asDouble = resultType.id() == TypeId.DOUBLE;
        int scale = field.timestampScale();
        for (int i = 0; i < rows; i++) {
            if (times.isNull(i)) {
                continue;
            }
            long micros = times.get(i);
            if (!io.basalt.type.datetime.Calendar.isFiniteTimestamp(micros)) {
                infinite(out, i, micros > 0, asDouble);
                continue;
            }
            if (zone != null && field != Field.EPOCH) {
                micros += io.basalt.type.datetime.DateTimeValues.offsetAt(micros, zone) * 1_000_000L;
            }
            long day = Math.floorDiv(micros, 86_400_000_000L);
            long ofDay = micros - day * 86_400_000_000L;
            // The value scaled by 10^scale: an exact integer for every field.
            long scaled = switch (field) {
                case HOUR -> ofDay / 3_600_000_000L;
                case MINUTE -> ofDay / 60_000_000L % 60;
                case SECOND -> ofDay % 60_000_000L;
                case MILLISECONDS -> ofDay % 60_000_000L;
                case MICROSECONDS -> ofDay % 60_000_000L;
                case EPOCH -> micros;
                default -> part((int) day);
            };
            if (asDouble) {
                ((Float8Vector) out).set(i, scaled / Math.pow(10, scale));
            } else {
                ((BigIntVector) out).set(i, scaled);
            }
        }
        return out;
    }

    /**
     * The part of an infinite value: infinite for the fields that grow without bound (years and longer,
     * epoch, julian day), NULL (left unset) for the others, as PostgreSQL gives them.
     */
    private void infinite(FieldVector out, int row, boolean positive, boolean asDouble) {
        switch (field) {
            case YEAR, ISOYEAR, DECADE, CENTURY, MILLENNIUM, EPOCH, JULIAN -> {
                if (!asDouble) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "numeric infinity is not supported yet");
                }
                ((Float8Vector) out).set(row, positive ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            }
            default -> {
            }
        }
    }

    private long part(int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        return switch (field) {
            case YEAR -> year > 0 ? year : year - 1;
            case MONTH -> date.getMonthValue();
            case DAY -> date.getDayOfMonth();
            case QUARTER -> (date.getMonthValue() - 1) / 3 + 1;
            case DOW -> date.getDayOfWeek().getValue() % 7;
            case ISODOW -> date.getDayOfWeek().getValue();
            case DOY -> date.getDayOfYear();
            case WEEK -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case ISOYEAR -> date.get(IsoFields.WEEK_BASED_YEAR);
            case DECADE -> Math.floorDiv(year, 10);
            case CENTURY -> year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
            case MILLENNIUM -> year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
            case EPOCH -> epochDay * 86400L;
            case JULIAN -> epochDay + 2440588L;
            // A date's time of day is midnight (of() refuses these units for dates; timestamps read them above).
            case HOUR, MINUTE, SECOND, MILLISECONDS, MICROSECONDS -> 0;
        };
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DatePartFunction that && field == that.field && timestamp == that.timestamp
                && java.util.Objects.equals(zone, that.zone);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), field, timestamp, zone);
    }
}
