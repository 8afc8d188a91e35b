package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.NumericMath;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeUnit;
import io.basalt.type.datetime.DateTimeValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * {@code EXTRACT(field FROM date)} (numeric, as PostgreSQL 14+) and {@code date_part('field', date)}
 * (double precision), and the same of timestamps (a timestamptz read in the session zone captured at
 * planning, which also gives its offset fields). Every field but a timestamp's julian day is computed exactly
 * as an integer scaled by 10^{@link Field#timestampScale()}; the julian day of a timestamp carries the
 * fraction of the day, divided with numeric's scale rules.
 *
 * <p>The numeric result is a scaled long for the bounded fields and an unconstrained numeric for the fields
 * that grow without bound ({@link Field#unbounded()}), which are infinite for an infinite value; the bounded
 * fields of an infinite value are NULL.
 */
public final class DatePartFunction implements ScalarFunction {
    private static final BigDecimal MICROS_PER_DAY = BigDecimal.valueOf(Calendar.MICROS_PER_DAY);

    /** The date and time fields PostgreSQL accepts. */
    public enum Field {
        YEAR, MONTH, DAY, QUARTER, DOW, ISODOW, DOY, WEEK, ISOYEAR, DECADE, CENTURY, MILLENNIUM, EPOCH, JULIAN,
        HOUR, MINUTE, SECOND, MILLISECONDS, MICROSECONDS, TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE;

        /** The decimals PostgreSQL gives EXTRACT of this field from a timestamp. */
        public int timestampScale() {
            return switch (this) {
                case SECOND, EPOCH -> 6;
                case MILLISECONDS -> 3;
                default -> 0;
            };
        }

        /**
         * Whether the field grows without bound (years and longer, epoch, julian day): infinite for an infinite
         * value, and EXTRACT's result is then an unconstrained numeric.
         */
        public boolean unbounded() {
            return switch (this) {
                case YEAR, ISOYEAR, DECADE, CENTURY, MILLENNIUM, EPOCH, JULIAN -> true;
                default -> false;
            };
        }
    }

    private final Field field;
    private final boolean timestamp;
    /** For a timestamptz, the session zone its fields are read in (captured at planning); else null. */
    private final ZoneId zone;

    private DatePartFunction(Field field, boolean timestamp, ZoneId zone) {
        this.field = field;
        this.timestamp = timestamp;
        this.zone = zone;
    }

    public Field field() {
        return field;
    }

    /** The function for {@code field} on a date; PostgreSQL's errors for units a date does not have. */
    public static DatePartFunction of(String fieldName) {
        return new DatePartFunction(field(fieldName, "date"), false, null);
    }

    /** The function for {@code field} on a timestamp: every date field plus the time of day. */
    public static DatePartFunction ofTimestamp(String fieldName) {
        return new DatePartFunction(field(fieldName, "timestamp without time zone"), true, null);
    }

    /** The function for {@code field} on a timestamptz, read in the wall-clock time of {@code zone}. */
    public static DatePartFunction ofTimestampTz(String fieldName, ZoneId zone) {
        return new DatePartFunction(field(fieldName, "timestamp with time zone"), true,
                java.util.Objects.requireNonNull(zone, "zone is null"));
    }

    /** The field {@code fieldName} names, for a value of {@code typeName} (which decides what it has). */
    private static Field field(String fieldName, String typeName) {
        String normal = fieldName.toLowerCase(Locale.ROOT);
        boolean date = typeName.equals("date");
        boolean zoned = typeName.equals("timestamp with time zone");
        DateTimeUnit unit = DateTimeUnit.named(normal);
        if (unit == null) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type " + typeName);
        }
        Field field = switch (unit) {
            case YEAR -> Field.YEAR;
            case MONTH -> Field.MONTH;
            case DAY -> Field.DAY;
            case QUARTER -> Field.QUARTER;
            case DOW -> Field.DOW;
            case ISODOW -> Field.ISODOW;
            case DOY -> Field.DOY;
            case WEEK -> Field.WEEK;
            case ISOYEAR -> Field.ISOYEAR;
            case DECADE -> Field.DECADE;
            case CENTURY -> Field.CENTURY;
            case MILLENNIUM -> Field.MILLENNIUM;
            case EPOCH -> Field.EPOCH;
            case JULIAN -> Field.JULIAN;
            case HOUR -> date ? null : Field.HOUR;
            case MINUTE -> date ? null : Field.MINUTE;
            case SECOND -> date ? null : Field.SECOND;
            case MILLISECONDS -> date ? null : Field.MILLISECONDS;
            case MICROSECONDS -> date ? null : Field.MICROSECONDS;
            case TIMEZONE -> zoned ? Field.TIMEZONE : null;
            case TIMEZONE_HOUR -> zoned ? Field.TIMEZONE_HOUR : null;
            case TIMEZONE_MINUTE -> zoned ? Field.TIMEZONE_MINUTE : null;
        };
        if (field == null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "unit \"" + normal + "\" not supported for type " + typeName);
        }
        return field;
    }

    @Override
    public String name() {
        return "date_part";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        if (timestamp) {
            applyToTimestamps((BigIntVector) arguments[arguments.length - 1], rows, out);
            return out;
        }
        DateDayVector dates = (DateDayVector) arguments[arguments.length - 1];
        for (int i = 0; i < rows; i++) {
            if (dates.isNull(i)) {
                continue;
            }
            int date = dates.get(i);
            if (!Calendar.isFiniteDate(date)) {
                infinite(out, i, date > 0);
                continue;
            }
            set(out, i, part(date), 0);
        }
        return out;
    }

    private void applyToTimestamps(BigIntVector times, int rows, FieldVector out) {
        int scale = field.timestampScale();
        for (int i = 0; i < rows; i++) {
            if (times.isNull(i)) {
                continue;
            }
            long micros = times.get(i);
            if (!Calendar.isFiniteTimestamp(micros)) {
                infinite(out, i, micros > 0);
                continue;
            }
            int offset = zone == null ? 0 : DateTimeValues.offsetAt(micros, zone);
            long local = field == Field.EPOCH ? micros : micros + offset * 1_000_000L;
            long day = Math.floorDiv(local, Calendar.MICROS_PER_DAY);
            long ofDay = local - day * Calendar.MICROS_PER_DAY;
            if (field == Field.JULIAN) {
                julian(out, i, day + Calendar.UNIX_EPOCH_JULIAN_DAY, ofDay);
                continue;
            }
            // The value scaled by 10^scale: an exact integer for every other field.
            long scaled = switch (field) {
                case HOUR -> ofDay / 3_600_000_000L;
                case MINUTE -> ofDay / 60_000_000L % 60;
                case SECOND, MILLISECONDS, MICROSECONDS -> ofDay % 60_000_000L;
                case EPOCH -> micros;
                case TIMEZONE -> offset;
                case TIMEZONE_HOUR -> offset / 3600;
                case TIMEZONE_MINUTE -> offset / 60 % 60;
                default -> part(day);
            };
            set(out, i, scaled, scale);
        }
    }

    /** Stores {@code scaled} / 10^scale into the result, whichever of the three result forms it has. */
    private static void set(FieldVector out, int row, long scaled, int scale) {
        switch (out) {
            case Float8Vector doubles -> doubles.set(row, scale == 0 ? scaled : scaled / Math.pow(10, scale));
            case BigIntVector longs -> longs.set(row, scaled);
            case VarBinaryVector numerics -> numerics.setSafe(row, DecimalCodec.encode(BigDecimal.valueOf(scaled, scale)));
            default -> throw BasaltException.internal("date_part result " + out.getClass().getSimpleName());
        }
    }

    /** A timestamp's julian day with the fraction of the day, as numeric or double precision. */
    private static void julian(FieldVector out, int row, long julianDay, long ofDay) {
        if (out instanceof Float8Vector doubles) {
            doubles.set(row, julianDay + (ofDay / 1_000_000L + ofDay % 1_000_000L / 1_000_000.0) / 86_400.0);
            return;
        }
        BigDecimal fraction = NumericMath.divide(BigDecimal.valueOf(ofDay), MICROS_PER_DAY);
        ((VarBinaryVector) out).setSafe(row, DecimalCodec.encode(BigDecimal.valueOf(julianDay).add(fraction)));
    }

    /**
     * The part of an infinite value: infinite for the fields that grow without bound, NULL (left unset) for
     * the others, as PostgreSQL gives them.
     */
    private void infinite(FieldVector out, int row, boolean positive) {
        if (!field.unbounded()) {
            return;
        }
        if (out instanceof Float8Vector doubles) {
            doubles.set(row, positive ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        } else {
            ((VarBinaryVector) out).setSafe(row, DecimalCodec.encode(
                    positive ? NumericSpecial.POSITIVE_INFINITY : NumericSpecial.NEGATIVE_INFINITY));
        }
    }

    private long part(long epochDay) {
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
            case ISOYEAR -> {
                int isoYear = date.get(IsoFields.WEEK_BASED_YEAR);
                yield isoYear > 0 ? isoYear : isoYear - 1;
            }
            case DECADE -> Math.floorDiv(year, 10);
            case CENTURY -> year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
            case MILLENNIUM -> year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
            case EPOCH -> epochDay * 86400L;
            case JULIAN -> epochDay + Calendar.UNIX_EPOCH_JULIAN_DAY;
            // A date's time of day is midnight and it has no zone (field() refuses these units for dates).
            case HOUR, MINUTE, SECOND, MILLISECONDS, MICROSECONDS, TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE -> 0;
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
