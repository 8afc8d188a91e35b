package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.DateTimeUnit;
import io.basalt.type.datetime.TimeWithZone;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code EXTRACT(field FROM time)} (numeric) and {@code date_part('field', time)} (double precision), and the
 * same of timetz, which adds the offset fields. The fields are PostgreSQL's: hour, minute, second (with its
 * fraction), milliseconds and microseconds (of the minute), epoch (seconds since midnight; for a timetz in
 * UTC), and for timetz timezone (seconds east of UTC), timezone_hour and timezone_minute. Every value is
 * computed exactly as an integer scaled by 10^{@link Field#scale()}.
 */
public final class TimePartFunction implements ScalarFunction {
    /** The fields of a time of day. */
    public enum Field {
        HOUR, MINUTE, SECOND, MILLISECONDS, MICROSECONDS, EPOCH, TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE;

        /** The decimals of EXTRACT's numeric result. */
        public int scale() {
            return switch (this) {
                case SECOND, EPOCH -> 6;
                case MILLISECONDS -> 3;
                default -> 0;
            };
        }
    }

    private final Field field;
    private final boolean zoned;

    private TimePartFunction(Field field, boolean zoned) {
        this.field = field;
        this.zoned = zoned;
    }

    public Field field() {
        return field;
    }

    /**
     * The function for {@code fieldName} on a time ({@code zoned} false) or timetz.
     *
     * @throws BasaltException 0A000 for a unit the type does not have, 22023 for a word that is no unit
     */
    public static TimePartFunction of(String fieldName, boolean zoned) {
        String normal = fieldName.toLowerCase(Locale.ROOT);
        String typeName = zoned ? "time with time zone" : "time without time zone";
        DateTimeUnit unit = DateTimeUnit.named(normal);
        if (unit == null) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + normal + "\" not recognized for type " + typeName);
        }
        Field field = switch (unit) {
            case HOUR -> Field.HOUR;
            case MINUTE -> Field.MINUTE;
            case SECOND -> Field.SECOND;
            case MILLISECONDS -> Field.MILLISECONDS;
            case MICROSECONDS -> Field.MICROSECONDS;
            case EPOCH -> Field.EPOCH;
            case TIMEZONE -> zoned ? Field.TIMEZONE : null;
            case TIMEZONE_HOUR -> zoned ? Field.TIMEZONE_HOUR : null;
            case TIMEZONE_MINUTE -> zoned ? Field.TIMEZONE_MINUTE : null;
            default -> null;
        };
        if (field == null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "unit \"" + normal + "\" not supported for type " + typeName);
        }
        return new TimePartFunction(field, zoned);
    }

    @Override
    public String name() {
        return "date_part";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BigIntVector times = (BigIntVector) arguments[arguments.length - 1];
        FieldVector out = context.newVector(resultType, rows);
        boolean asDouble = resultType.id() == TypeId.DOUBLE;
        double divisor = Math.pow(10, field.scale());
        for (int i = 0; i < rows; i++) {
            if (times.isNull(i)) {
                continue;
            }
            long value = times.get(i);
            long scaled = zoned ? zonedPart(value) : part(value);
            if (asDouble) {
                ((Float8Vector) out).set(i, scaled / divisor);
            } else {
                ((BigIntVector) out).set(i, scaled);
            }
        }
        return out;
    }

    /** The field of a time (microseconds since midnight), scaled by 10^scale. */
    private long part(long micros) {
        return switch (field) {
            case HOUR -> micros / 3_600_000_000L;
            case MINUTE -> micros / 60_000_000L % 60;
            case SECOND, MILLISECONDS, MICROSECONDS -> micros % 60_000_000L;
            case EPOCH -> micros;
            case TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE -> 0;
        };
    }

    private long zonedPart(long packed) {
        int offset = TimeWithZone.offset(packed);
        return switch (field) {
            case TIMEZONE -> offset;
            case TIMEZONE_HOUR -> offset / 3600;
            case TIMEZONE_MINUTE -> offset / 60 % 60;
            case EPOCH -> TimeWithZone.utcMicros(packed);
            default -> part(TimeWithZone.time(packed));
        };
    }

    /** Value equality: two calls for the same field and type are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TimePartFunction that && field == that.field && zoned == that.zoned;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), field, zoned);
    }
}
