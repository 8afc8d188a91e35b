package io.basalt.jdbc;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.ArrayValue;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import io.basalt.type.Uuid;
import io.basalt.type.datetime.TimeWithZone;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Java values set on a PreparedStatement as the engine's parameter values: the types
 * {@link io.basalt.binder.Parameters} knows pass through; the others become typed constants in the engine's
 * canonical form (timestamps as microseconds since 1970, a uuid as {@link Uuid}, bytes as {@link ByteString}, arrays
 * as {@link ArrayValue}). A String stays untyped, so it converts to whatever type the statement needs, as a quoted
 * literal would.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    /** The engine's form of {@code value}; a typed NULL for null with a known {@code nullType}. */
    static Object of(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Boolean b -> b;
            case Byte b -> (short) b;
            case Short s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Double d -> d;
            case Float f -> constant((double) f, LogicalType.REAL);
            case BigDecimal d -> d;
            case java.math.BigInteger i -> new BigDecimal(i);
            case String s -> s;
            case Character c -> c.toString();
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            case java.sql.Time time -> constant(micros(time.toLocalTime()), LogicalType.TIME);
            case java.sql.Timestamp timestamp -> constant(micros(timestamp.toLocalDateTime()), LogicalType.TIMESTAMP);
            case LocalDateTime dateTime -> constant(micros(dateTime), LogicalType.TIMESTAMP);
            case LocalTime time -> constant(micros(time), LogicalType.TIME);
            case OffsetTime time -> constant(TimeWithZone.pack(micros(time.toLocalTime()),
                    time.getOffset().getTotalSeconds()), LogicalType.TIMETZ);
            case OffsetDateTime dateTime -> constant(micros(dateTime.toInstant()), LogicalType.TIMESTAMPTZ);
            case ZonedDateTime dateTime -> constant(micros(dateTime.toInstant()), LogicalType.TIMESTAMPTZ);
            case Instant instant -> constant(micros(instant), LogicalType.TIMESTAMPTZ);
            case java.util.Date date -> constant(micros(date.toInstant()), LogicalType.TIMESTAMPTZ);
            case java.util.UUID uuid -> constant(new Uuid(uuid.getMostSignificantBits(),
                    uuid.getLeastSignificantBits()), LogicalType.UUID);
            case byte[] bytes -> constant(ByteString.copyOf(bytes), LogicalType.BYTEA);
            case BasaltArray array -> constant(array.value(), LogicalType.arrayOf(array.elementType()));
            case java.sql.Array array -> ofArray(array.getArray());
            case Object[] elements -> ofArray(elements);
            case int[] elements -> ofArray(boxed(elements));
            case long[] elements -> ofArray(boxed(elements));
            case double[] elements -> ofArray(boxed(elements));
            default -> throw SqlExceptions.usage("Can't infer the SQL type to use for an instance of "
                    + value.getClass().getName() + ". Use setObject() with an explicit Types value to specify the type"
                    + " to use.", "22023");
        };
    }

    /** A NULL of {@code type} (UNKNOWN: untyped, as PostgreSQL's driver sends NULLs of unspecified type). */
    static Object nullOf(LogicalType type) {
        return new BoundExpression.Constant(null, type, -1);
    }

    /** An array parameter from Java elements, whose element type is the first non-null element's. */
    static Object ofArray(Object elements) throws SQLException {
        if (!(elements instanceof Object[] array)) {
            return of(elements);
        }
        LogicalType elementType = null;
        for (Object element : array) {
            if (element != null) {
                elementType = elementTypeOf(element);
                break;
            }
        }
        if (elementType == null) {
            elementType = LogicalType.TEXT;
        }
        return constant(BasaltArray.canonical(array, elementType), LogicalType.arrayOf(elementType));
    }

    private static LogicalType elementTypeOf(Object element) throws SQLException {
        return switch (element) {
            case Boolean ignored -> LogicalType.BOOLEAN;
            case Short ignored -> LogicalType.SMALLINT;
            case Integer ignored -> LogicalType.INTEGER;
            case Long ignored -> LogicalType.BIGINT;
            case Float ignored -> LogicalType.REAL;
            case Double ignored -> LogicalType.DOUBLE;
            case BigDecimal ignored -> LogicalType.NUMERIC;
            case String ignored -> LogicalType.TEXT;
            case LocalDate ignored -> LogicalType.DATE;
            case java.sql.Date ignored -> LogicalType.DATE;
            case LocalDateTime ignored -> LogicalType.TIMESTAMP;
            case java.sql.Timestamp ignored -> LogicalType.TIMESTAMP;
            case OffsetDateTime ignored -> LogicalType.TIMESTAMPTZ;
            case Instant ignored -> LogicalType.TIMESTAMPTZ;
            case LocalTime ignored -> LogicalType.TIME;
            case java.util.UUID ignored -> LogicalType.UUID;
            case byte[] ignored -> LogicalType.BYTEA;
            default -> throw SqlExceptions.usage("Cannot use an array element of type "
                    + element.getClass().getName(), "22023");
        };
    }

    private static Object[] boxed(int[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static Object[] boxed(long[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static Object[] boxed(double[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static BoundExpression.Constant constant(Object value, LogicalType type) {
        return new BoundExpression.Constant(value, type, -1);
    }

    static long micros(LocalDateTime dateTime) {
        return micros(dateTime.toInstant(ZoneOffset.UTC));
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    static long micros(LocalTime time) {
        return time.toNanoOfDay() / 1000;
    }

    /** The values in order, for {@link io.basalt.api.Session#execute(String, Object...)}. */
    static Object[] toArray(List<Object> values) {
        return new ArrayList<>(values).toArray();
    }
}
