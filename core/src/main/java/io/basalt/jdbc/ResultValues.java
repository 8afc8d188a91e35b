package io.basalt.jdbc;

import io.basalt.type.ArrayValue;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
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

/**
 * The engine's canonical values (see {@link io.basalt.exec.vector.ValueAccess}) as the Java values JDBC getters
 * return. Conversions follow PostgreSQL's driver: numbers convert among themselves and from their text, dates and
 * times convert to the java.sql and java.time classes that hold them, a timestamp without time zone is read in the
 * JVM's zone for {@code java.sql.Timestamp} and as it is for {@code LocalDateTime}. PostgreSQL's infinite dates and
 * timestamps become the MIN/MAX constants of the java.time classes.
 */
final class ResultValues {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private ResultValues() {
    }

    static Object defaultObject(Object value, LogicalType type, String text) throws SQLException {
        if (value == null) {
            return null;
        }
        return switch (type.id()) {
            case BOOLEAN -> value;
            case SMALLINT, INTEGER -> (int) (long) (Long) value;
            case BIGINT -> value;
            case REAL -> (float) (double) (Double) value;
            case DOUBLE -> value;
            case NUMERIC -> bigDecimal(value, type, text);
            case DATE -> java.sql.Date.valueOf(localDate(value));
            case TIME -> java.sql.Time.valueOf(localTime(value));
            case TIMESTAMP -> java.sql.Timestamp.valueOf(localDateTime(value));
            case TIMESTAMPTZ -> java.sql.Timestamp.from(instant(value));
            case TIMETZ -> offsetTime(value);
            case UUID -> uuid(value);
            case BYTEA -> ((ByteString) value).toByteArray();
            case ARRAY -> new BasaltArray(type.element(), (ArrayValue) value);
            case TEXT, VARCHAR, CHAR, UNKNOWN, JSON, JSONB, JSONPATH, INTERVAL, REGCLASS, REGTYPE, REGNAMESPACE, ENUM, RECORD, TSVECTOR, TSQUERY -> text;
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE, PG_LSN -> text;
        };
    }

    /** The value as {@code target}, as {@code ResultSet.getObject(int, Class)} returns it. */
    @SuppressWarnings("unchecked")
    static <T> T as(Object value, LogicalType type, String text, Class<T> target) throws SQLException {
        if (value == null) {
            return null;
        }
        Object converted;
        if (target == String.class) {
            converted = text;
        } else if (target == Boolean.class) {
            converted = bool(value, type, text);
        } else if (target == Integer.class) {
            converted = (int) longValue(value, type, text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (target == Long.class) {
            converted = longValue(value, type, text, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (target == Short.class) {
            converted = (short) longValue(value, type, text, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (target == Byte.class) {
            converted = (byte) longValue(value, type, text, Byte.MIN_VALUE, Byte.MAX_VALUE);
        } else if (target == Double.class) {
            converted = doubleValue(value, type, text);
        } else if (target == Float.class) {
            converted = (float) doubleValue(value, type, text);
        } else if (target == BigDecimal.class) {
            converted = bigDecimal(value, type, text);
        } else if (target == java.math.BigInteger.class) {
            converted = bigDecimal(value, type, text).toBigIntegerExact();
        } else if (target == LocalDate.class) {
            converted = type.id() == TypeId.DATE ? localDate(value) : localDateTime(value, type).toLocalDate();
        } else if (target == LocalTime.class) {
            converted = type.id() == TypeId.TIME ? localTime(value) : localDateTime(value, type).toLocalTime();
        } else if (target == LocalDateTime.class) {
            converted = localDateTime(value, type);
        } else if (target == OffsetDateTime.class) {
            converted = offsetDateTime(value, type);
        } else if (target == Instant.class) {
            converted = offsetDateTime(value, type).toInstant();
        } else if (target == OffsetTime.class) {
            converted = offsetTime(value);
        } else if (target == java.util.UUID.class) {
            converted = type.id() == TypeId.UUID ? uuid(value) : java.util.UUID.fromString(text);
        } else if (target == byte[].class) {
            converted = type.id() == TypeId.BYTEA ? ((ByteString) value).toByteArray()
                    : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else if (target == java.sql.Date.class) {
            converted = java.sql.Date.valueOf(type.id() == TypeId.DATE ? localDate(value)
                    : localDateTime(value, type).toLocalDate());
        } else if (target == java.sql.Time.class) {
            converted = java.sql.Time.valueOf(type.id() == TypeId.TIME ? localTime(value)
                    : localDateTime(value, type).toLocalTime());
        } else if (target == java.sql.Timestamp.class) {
            converted = timestamp(value, type);
        } else if (target == java.sql.Array.class && type.id() == TypeId.ARRAY) {
            converted = new BasaltArray(type.element(), (ArrayValue) value);
        } else if (target == Object.class) {
            converted = defaultObject(value, type, text);
        } else {
            converted = defaultObject(value, type, text);
            if (!target.isInstance(converted)) {
                throw cannotConvert(type, target.getName());
            }
        }
        return (T) converted;
    }

    static boolean bool(Object value, LogicalType type, String text) throws SQLException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (type.isNumber()) {
            return doubleValue(value, type, text) != 0;
        }
        String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (trimmed) {
            case "t", "true", "yes", "on", "1", "y" -> true;
            case "f", "false", "no", "off", "0", "n" -> false;
            default -> throw SqlExceptions.usage("Cannot cast to boolean: \"" + text + "\"", "22P02");
        };
    }

    /** An integral value within [min, max]; fractions are truncated as PostgreSQL's driver does for getLong. */
    static long longValue(Object value, LogicalType type, String text, long min, long max) throws SQLException {
        BigDecimal exact;
        if (value instanceof Long l && type.id() != TypeId.NUMERIC) {
            if (l >= min && l <= max) {
                return l;
            }
            exact = BigDecimal.valueOf(l);
        } else if (value instanceof Boolean b) {
            return b ? 1 : 0;
        } else if (value instanceof Double d) {
            exact = BigDecimal.valueOf(d);
        } else if (type.id() == TypeId.NUMERIC) {
            exact = bigDecimal(value, type, text);
        } else {
            try {
                exact = new BigDecimal(text.trim());
            } catch (NumberFormatException failure) {
                throw SqlExceptions.usage("Bad value for type long : " + text, "22003");
            }
        }
        BigDecimal whole = exact.setScale(0, java.math.RoundingMode.DOWN);
        if (whole.compareTo(BigDecimal.valueOf(min)) < 0 || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw SqlExceptions.usage("Bad value for type " + (max == Integer.MAX_VALUE ? "int" : "long") + " : "
                    + text, "22003");
        }
        return whole.longValue();
    }

    static double doubleValue(Object value, LogicalType type, String text) throws SQLException {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Long l && type.id() != TypeId.NUMERIC) {
            return l;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (type.id() == TypeId.NUMERIC) {
            if ("NaN".equals(text)) {
                return Double.NaN;
            }
            if ("Infinity".equals(text)) {
                return Double.POSITIVE_INFINITY;
            }
            if ("-Infinity".equals(text)) {
                return Double.NEGATIVE_INFINITY;
            }
            return bigDecimal(value, type, text).doubleValue();
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException failure) {
            throw SqlExceptions.usage("Bad value for type double : " + text, "22003");
        }
    }

    static BigDecimal bigDecimal(Object value, LogicalType type, String text) throws SQLException {
        if (type.id() == TypeId.NUMERIC) {
            if (value instanceof Long unscaled && type.isScaledLong()) {
                return BigDecimal.valueOf(unscaled, type.scale());
            }
            if (value instanceof BigDecimal decimal) {
                if (text.equals("NaN") || text.endsWith("Infinity")) {
                    throw SqlExceptions.usage("Bad value for type BigDecimal : " + text, "22003");
                }
                return decimal;
            }
        }
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException failure) {
            throw SqlExceptions.usage("Bad value for type BigDecimal : " + text, "22003");
        }
    }

    static LocalDate localDate(Object value) {
        long day = (Long) value;
        if (day == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (day == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(day);
    }

    static LocalTime localTime(Object value) {
        long micros = (Long) value;
        // 24:00:00 is a valid PostgreSQL time but not a LocalTime
        return micros >= 86_400_000_000L ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** A timestamp's wall-clock value (a timestamptz's in UTC, a date's at midnight). */
    static LocalDateTime localDateTime(Object value, LogicalType type) throws SQLException {
        return switch (type.id()) {
            case DATE -> {
                LocalDate date = localDate(value);
                yield date == LocalDate.MAX ? LocalDateTime.MAX : date == LocalDate.MIN ? LocalDateTime.MIN
                        : date.atStartOfDay();
            }
            case TIMESTAMP -> localDateTime(value);
            case TIMESTAMPTZ -> offsetDateTime(value, type).toLocalDateTime();
            default -> throw cannotConvert(type, "java.time.LocalDateTime");
        };
    }

    static LocalDateTime localDateTime(Object value) {
        long micros = (Long) value;
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
    }

    static OffsetDateTime offsetDateTime(Object value, LogicalType type) throws SQLException {
        if (type.id() == TypeId.TIMESTAMPTZ) {
            long micros = (Long) value;
            if (micros == Long.MAX_VALUE) {
                return OffsetDateTime.MAX;
            }
            if (micros == Long.MIN_VALUE) {
                return OffsetDateTime.MIN;
            }
            return instant(value).atOffset(ZoneOffset.UTC);
        }
        LocalDateTime local = localDateTime(value, type);
        return local.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        long micros = (Long) value;
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }

    static java.sql.Timestamp timestamp(Object value, LogicalType type) throws SQLException {
        return switch (type.id()) {
            case TIMESTAMPTZ -> java.sql.Timestamp.from(instant(value));
            case TIMESTAMP, DATE -> java.sql.Timestamp.valueOf(localDateTime(value, type));
            default -> throw cannotConvert(type, "java.sql.Timestamp");
        };
    }

    static OffsetTime offsetTime(Object value) {
        long packed = (Long) value;
        long micros = TimeWithZone.time(packed);
        LocalTime time = micros >= 86_400_000_000L ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
        return OffsetTime.of(time, ZoneOffset.ofTotalSeconds(TimeWithZone.offset(packed)));
    }

    static java.util.UUID uuid(Object value) {
        Uuid uuid = (Uuid) value;
        return new java.util.UUID(uuid.high(), uuid.low());
    }

    static SQLException cannotConvert(LogicalType type, String target) {
        return SqlExceptions.usage("conversion of a " + type.displayName() + " value to " + target
                + " is not supported", "22023");
    }
}
