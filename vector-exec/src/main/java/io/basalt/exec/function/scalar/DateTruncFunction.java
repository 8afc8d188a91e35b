package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeUnit;
import io.basalt.type.datetime.DateTimeValues;
import io.basalt.type.datetime.TimeZoneNames;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code date_trunc('unit', timestamp)} and {@code date_trunc('unit', timestamptz [, zone])}: the value cut
 * down to the start of its unit. A timestamptz is cut in a zone's wall-clock time (the session zone captured
 * at planning, or the zone named by a second argument, looked up as {@code AT TIME ZONE} looks it up) and the
 * result is that wall-clock time in the same zone. Infinite values are returned as they are.
 */
public final class DateTruncFunction implements ScalarFunction {
    private enum Unit { MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY, MILLENNIUM }

    /** The unit, or null when the call's first argument gives it per row. */
    private final Unit unit;
    /** The zone a timestamptz is cut in when no zone argument is given; null for a timestamp. */
    private final ZoneId zone;

    private DateTruncFunction(Unit unit, ZoneId zone) {
        this.unit = unit;
        this.zone = zone;
    }

    /**
     * Truncation to a unit given per row by a text first argument, of a timestamp ({@code sessionZone}
     * null) or a timestamptz.
     */
    public static DateTruncFunction ofUnitArgument(ZoneId sessionZone) {
        return new DateTruncFunction(null, sessionZone);
    }

    /** Truncation of a timestamp without time zone to {@code unitName}. */
    public static DateTruncFunction of(String unitName) {
        return new DateTruncFunction(unit(unitName, "timestamp without time zone"), null);
    }

    /**
     * Truncation of a timestamptz in {@code sessionZone}, or in the zone of a second (text) argument when
     * the call has one.
     */
    public static DateTruncFunction ofTimestampTz(String unitName, ZoneId sessionZone) {
        return new DateTruncFunction(unit(unitName, "timestamp with time zone"),
                java.util.Objects.requireNonNull(sessionZone, "sessionZone is null"));
    }

    private static Unit unit(String unitName, String typeName) {
        String normal = unitName.toLowerCase(Locale.ROOT);
        DateTimeUnit unit = DateTimeUnit.named(normal);
        if (unit == null) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type " + typeName);
        }
        return switch (unit) {
            case MICROSECONDS -> Unit.MICROSECONDS;
            case MILLISECONDS -> Unit.MILLISECONDS;
            case SECOND -> Unit.SECOND;
            case MINUTE -> Unit.MINUTE;
            case HOUR -> Unit.HOUR;
            case DAY -> Unit.DAY;
            case WEEK -> Unit.WEEK;
            case MONTH -> Unit.MONTH;
            case QUARTER -> Unit.QUARTER;
            case YEAR -> Unit.YEAR;
            case DECADE -> Unit.DECADE;
            case CENTURY -> Unit.CENTURY;
            case MILLENNIUM -> Unit.MILLENNIUM;
            // PostgreSQL: the zone fields are units date_trunc does not support, the rest no truncation units at all
            case TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "unit \"" + normal + "\" not supported for type " + typeName);
            case EPOCH, DOW, DOY, ISODOW, ISOYEAR, JULIAN -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type " + typeName);
        };
    }

    @Override
    public String name() {
        return "date_trunc";
    }

    /**
     * Arguments: the unit's name when it is not fixed, the value, then for a timestamptz optionally the
     * zone's name.
     */
    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        int first = unit == null ? 1 : 0;
        VarCharVector units = unit == null ? (VarCharVector) arguments[0] : null;
        BigIntVector in = (BigIntVector) arguments[first];
        VarCharVector zones = arguments.length > first + 1 ? (VarCharVector) arguments[first + 1] : null;
        BigIntVector out = (BigIntVector) context.newVector(resultType, rows);
        byte[] lastZoneText = null;
        ZoneId rowZone = zone;
        byte[] lastUnitText = null;
        Unit rowUnit = unit;
        String typeName = zone == null ? "timestamp without time zone" : "timestamp with time zone";
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i) || (zones != null && zones.isNull(i)) || (units != null && units.isNull(i))) {
                continue;
            }
            if (units != null) {
                byte[] text = units.get(i);
                if (lastUnitText == null || !java.util.Arrays.equals(text, lastUnitText)) {
                    rowUnit = unit(new String(text, StandardCharsets.UTF_8), typeName);
                    lastUnitText = text;
                }
            }
            long micros = in.get(i);
            if (!Calendar.isFiniteTimestamp(micros)) {
                out.set(i, micros);
                continue;
            }
            if (zone == null) {
                out.set(i, truncate(micros, rowUnit));
                continue;
            }
            if (zones != null) {
                byte[] text = zones.get(i);
                if (lastZoneText == null || !java.util.Arrays.equals(text, lastZoneText)) {
                    rowZone = TimeZoneNames.resolve(new String(text, StandardCharsets.UTF_8));
                    lastZoneText = text;
                }
            }
            long local = truncate(micros + DateTimeValues.offsetAt(micros, rowZone) * 1_000_000L, rowUnit);
            out.set(i, local - DateTimeValues.offsetOfLocal(local, rowZone) * 1_000_000L);
        }
        return out;
    }

    private static long truncate(long micros, Unit unit) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        LocalDateTime cut = switch (unit) {
            case MICROSECONDS -> time;
            case MILLISECONDS -> time.truncatedTo(ChronoUnit.MILLIS);
            case SECOND -> time.truncatedTo(ChronoUnit.SECONDS);
            case MINUTE -> time.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case QUARTER -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                    .withMonth((time.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            case DECADE -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(Math.floorDiv(time.getYear(), 10) * 10);
            // Centuries and millennia BC run backwards from their first year (100 BC starts the 1st century BC).
            case CENTURY -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
                    .withYear(time.getYear() > 0 ? (time.getYear() - 1) / 100 * 100 + 1
                            : -((99 - (time.getYear() - 1)) / 100) * 100 + 1);
            case MILLENNIUM -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
                    .withYear(time.getYear() > 0 ? (time.getYear() - 1) / 1000 * 1000 + 1
                            : -((999 - (time.getYear() - 1)) / 1000) * 1000 + 1);
        };
        return cut.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + cut.getNano() / 1000;
    }

    /** Value equality: two calls with the same unit and zone are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DateTruncFunction that && unit == that.unit && java.util.Objects.equals(zone, that.zone);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), unit, zone);
    }
}
