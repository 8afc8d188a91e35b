package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** {@code date_trunc('unit', timestamp)}: the timestamp cut down to the start of its unit. */
public final class DateTruncFunction implements ScalarFunction {
    private enum Unit { MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY, MILLENNIUM }

    private final Unit unit;

    private DateTruncFunction(Unit unit) {
        this.unit = unit;
    }

    public static DateTruncFunction of(String unitName) {
        String normal = unitName.toLowerCase(Locale.ROOT);
        Unit unit = switch (normal) {
            case "microseconds", "microsecond", "us" -> Unit.MICROSECONDS;
            case "milliseconds", "millisecond", "ms" -> Unit.MILLISECONDS;
            case "second", "seconds", "s", "sec" -> Unit.SECOND;
            case "minute", "minutes", "m", "min" -> Unit.MINUTE;
            case "hour", "hours", "h" -> Unit.HOUR;
            case "day", "days", "d" -> Unit.DAY;
            case "week", "weeks", "w" -> Unit.WEEK;
            case "month", "months", "mon" -> Unit.MONTH;
            case "quarter", "qtr" -> Unit.QUARTER;
            case "year", "years", "y" -> Unit.YEAR;
            case "decade", "decades" -> Unit.DECADE;
            case "century", "centuries" -> Unit.CENTURY;
            case "millennium", "millennia" -> Unit.MILLENNIUM;
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "unit \"" + normal + "\" not supported for type timestamp without time zone");
        };
        return new DateTruncFunction(unit);
    }

    @Override
    public String name() {
        return "date_trunc";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BigIntVector in = (BigIntVector) arguments[arguments.length - 1];
        BigIntVector out = (BigIntVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (!in.isNull(i)) {
                out.set(i, truncate(in.get(i)));
            }
        }
        return out;
    }

    private long truncate(long micros) {
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
            case CENTURY -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
                    .withYear(time.getYear() > 0 ? (time.getYear() - 1) / 100 * 100 + 1 : time.getYear());
            case MILLENNIUM -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
                    .withYear(time.getYear() > 0 ? (time.getYear() - 1) / 1000 * 1000 + 1 : time.getYear());
        };
        return cut.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + cut.getNano() / 1000;
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DateTruncFunction that && java.util.Objects.equals(unit, that.unit);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), unit);
    }
}
