package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.DateTimeUnit;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code date_trunc('unit', interval)}: the interval with every field below the unit set to zero, reading it
 * as PostgreSQL does as years (months / 12), months (the rest), days, hours (which may exceed 24), minutes,
 * seconds and microseconds, each truncated toward zero. Weeks are refused (months have fractional weeks);
 * infinite intervals are returned as they are.
 */
public final class IntervalTruncFunction implements ScalarFunction {
    private enum Unit { MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, MONTH, QUARTER, YEAR, DECADE, CENTURY, MILLENNIUM }

    private final Unit unit;

    private IntervalTruncFunction(Unit unit) {
        this.unit = unit;
    }

    /**
     * The truncation to {@code unitName}.
     *
     * @throws BasaltException 0A000 for a unit an interval cannot be cut to, 22023 for a word that is no unit
     */
    public static IntervalTruncFunction of(String unitName) {
        String normal = unitName.toLowerCase(Locale.ROOT);
        DateTimeUnit named = DateTimeUnit.named(normal);
        if (named == null) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type interval");
        }
        Unit unit = switch (named) {
            case MICROSECONDS -> Unit.MICROSECONDS;
            case MILLISECONDS -> Unit.MILLISECONDS;
            case SECOND -> Unit.SECOND;
            case MINUTE -> Unit.MINUTE;
            case HOUR -> Unit.HOUR;
            case DAY -> Unit.DAY;
            case MONTH -> Unit.MONTH;
            case QUARTER -> Unit.QUARTER;
            case YEAR -> Unit.YEAR;
            case DECADE -> Unit.DECADE;
            case CENTURY -> Unit.CENTURY;
            case MILLENNIUM -> Unit.MILLENNIUM;
            case WEEK -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "unit \"" + normal + "\" not supported for type interval")
                    .withDetail("Months usually have fractional weeks.");
            // as for timestamps: the zone fields are unsupported units, the rest no truncation units at all
            case TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "unit \"" + normal + "\" not supported for type interval");
            case DOW, DOY, ISODOW, ISOYEAR, JULIAN, EPOCH -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type interval");
        };
        return new IntervalTruncFunction(unit);
    }

    @Override
    public String name() {
        return "date_trunc";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FixedSizeBinaryVector in = (FixedSizeBinaryVector) arguments[arguments.length - 1];
        FixedSizeBinaryVector out = (FixedSizeBinaryVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            int months = IntervalSlots.months(in, i);
            int days = IntervalSlots.days(in, i);
            long time = IntervalSlots.micros(in, i);
            if (IntervalSlots.isInfinite(months, days, time)) {
                IntervalSlots.set(out, i, months, days, time);
                continue;
            }
            int years = months / 12;
            int month = months % 12;
            long hours = time / 3_600_000_000L;
            long minutes = time / 60_000_000L % 60;
            long micros = time % 60_000_000L;
            switch (unit) {
                case MILLENNIUM -> {
                    years = years / 1000 * 1000;
                    month = 0;
                    days = 0;
                    hours = minutes = micros = 0;
                }
                case CENTURY -> {
                    years = years / 100 * 100;
                    month = 0;
                    days = 0;
                    hours = minutes = micros = 0;
                }
                case DECADE -> {
                    years = years / 10 * 10;
                    month = 0;
                    days = 0;
                    hours = minutes = micros = 0;
                }
                case YEAR -> {
                    month = 0;
                    days = 0;
                    hours = minutes = micros = 0;
                }
                case QUARTER -> {
                    month = month / 3 * 3;
                    days = 0;
                    hours = minutes = micros = 0;
                }
                case MONTH -> {
                    days = 0;
                    hours = minutes = micros = 0;
                }
                case DAY -> hours = minutes = micros = 0;
                case HOUR -> minutes = micros = 0;
                case MINUTE -> micros = 0;
                case SECOND -> micros = micros / 1_000_000L * 1_000_000L;
                case MILLISECONDS -> micros = micros / 1000 * 1000;
                case MICROSECONDS -> {
                }
            }
            IntervalSlots.set(out, i, years * 12 + month, days,
                    hours * 3_600_000_000L + minutes * 60_000_000L + micros);
        }
        return out;
    }

    /** Value equality: two truncations to the same unit are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof IntervalTruncFunction that && unit == that.unit;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), unit);
    }
}
