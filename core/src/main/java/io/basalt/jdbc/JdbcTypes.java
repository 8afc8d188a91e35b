package io.basalt.jdbc;

import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.sql.Types;
import java.util.Locale;

/**
 * How Basalt's SQL types appear through JDBC: the {@link Types} code, PostgreSQL's internal type name (what
 * PostgreSQL's driver reports as the column type name: {@code int4}, {@code varchar}, {@code _int4} for arrays),
 * the Java class {@code getObject} returns, and the way back from a type name or a {@link Types} code to a type.
 */
final class JdbcTypes {
    private JdbcTypes() {
    }

    static int sqlType(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> Types.BIT; // as PostgreSQL's driver reports boolean
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case REAL -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case NUMERIC -> Types.NUMERIC;
            case TEXT, VARCHAR, UNKNOWN -> Types.VARCHAR;
            case CHAR -> Types.CHAR;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMETZ -> Types.TIME_WITH_TIMEZONE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BYTEA -> Types.BINARY;
            case ARRAY -> Types.ARRAY;
            case UUID, JSON, JSONB, JSONPATH, INTERVAL, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY, PG_LSN ->
                    Types.OTHER;
            case ENUM -> Types.VARCHAR;
            case RECORD -> Types.OTHER;
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> Types.OTHER;
        };
    }

    /** PostgreSQL's internal name of the type ({@code pg_type.typname}). */
    static String typeName(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> "bool";
            case SMALLINT -> "int2";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case REAL -> "float4";
            case DOUBLE -> "float8";
            case NUMERIC -> "numeric";
            case TEXT -> "text";
            case VARCHAR -> "varchar";
            case CHAR -> "bpchar";
            case UNKNOWN -> "unknown";
            case DATE -> "date";
            case TIME -> "time";
            case TIMETZ -> "timetz";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMPTZ -> "timestamptz";
            case INTERVAL -> "interval";
            case UUID -> "uuid";
            case BYTEA -> "bytea";
            case JSON -> "json";
            case JSONPATH -> "jsonpath";
            case REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY, PG_LSN -> type.id().pgName();
            case JSONB -> "jsonb";
            case ARRAY -> "_" + typeName(type.element());
            case ENUM -> type.enumType().name();
            case RECORD -> type.displayName();
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> type.displayName();
        };
    }

    /** The class {@code ResultSet.getObject(int)} returns for a value of the type. */
    static Class<?> javaClass(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> Boolean.class;
            case SMALLINT, INTEGER -> Integer.class;
            case BIGINT -> Long.class;
            case REAL -> Float.class;
            case DOUBLE -> Double.class;
            case NUMERIC -> java.math.BigDecimal.class;
            case DATE -> java.sql.Date.class;
            case TIME -> java.sql.Time.class;
            case TIMESTAMP, TIMESTAMPTZ -> java.sql.Timestamp.class;
            case TIMETZ -> java.time.OffsetTime.class;
            case UUID -> java.util.UUID.class;
            case BYTEA -> byte[].class;
            case ARRAY -> java.sql.Array.class;
            case TEXT, VARCHAR, CHAR, UNKNOWN, JSON, JSONB, JSONPATH, INTERVAL, REGCLASS, REGTYPE, REGNAMESPACE, ENUM, RECORD, TSVECTOR, TSQUERY -> String.class;
            case PG_LSN -> String.class;
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> String.class;
        };
    }

    /** Column display size as PostgreSQL's driver reports it, roughly: the declared length or a type's widest text. */
    static int displaySize(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> 1;
            case SMALLINT -> 6;
            case INTEGER -> 11;
            case BIGINT -> 20;
            case REAL -> 15;
            case DOUBLE -> 25;
            case NUMERIC -> type.precision() > 0 ? type.precision() + 2 : 131089;
            case VARCHAR, CHAR -> type.precision() > 0 ? type.precision() : Integer.MAX_VALUE;
            case DATE -> 13;
            case TIME -> 15;
            case TIMETZ -> 21;
            case TIMESTAMP -> 29;
            case TIMESTAMPTZ -> 35;
            case UUID -> 36;
            case INTERVAL -> 49;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The precision JDBC reports: digits of numbers, the length of strings, fractional digits of times. */
    static int precision(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case REAL -> 8;
            case DOUBLE -> 17;
            case NUMERIC -> Math.max(type.precision(), 0);
            case VARCHAR, CHAR -> Math.max(type.precision(), 0);
            case BOOLEAN -> 1;
            default -> 0;
        };
    }

    /**
     * The type a name given to {@code createArrayOf} or {@code setNull(..., typeName)} means: PostgreSQL's
     * internal names and SQL spellings alike; null when unknown.
     */
    static LogicalType byName(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (lower.endsWith("[]")) {
            LogicalType element = byName(lower.substring(0, lower.length() - 2));
            return element == null ? null : LogicalType.arrayOf(element);
        }
        if (lower.startsWith("_")) {
            LogicalType element = byName(lower.substring(1));
            return element == null ? null : LogicalType.arrayOf(element);
        }
        return switch (lower) {
            case "bool", "boolean" -> LogicalType.BOOLEAN;
            case "int2", "smallint" -> LogicalType.SMALLINT;
            case "int4", "int", "integer", "serial" -> LogicalType.INTEGER;
            case "int8", "bigint", "bigserial" -> LogicalType.BIGINT;
            case "float4", "real" -> LogicalType.REAL;
            case "float8", "float", "double", "double precision" -> LogicalType.DOUBLE;
            case "numeric", "decimal" -> LogicalType.NUMERIC;
            case "text" -> LogicalType.TEXT;
            case "varchar", "character varying" -> LogicalType.VARCHAR;
            case "bpchar", "char", "character" -> LogicalType.BPCHAR;
            case "date" -> LogicalType.DATE;
            case "time", "time without time zone" -> LogicalType.TIME;
            case "timetz", "time with time zone" -> LogicalType.TIMETZ;
            case "timestamp", "timestamp without time zone" -> LogicalType.TIMESTAMP;
            case "timestamptz", "timestamp with time zone" -> LogicalType.TIMESTAMPTZ;
            case "interval" -> LogicalType.INTERVAL;
            case "uuid" -> LogicalType.UUID;
            case "bytea" -> LogicalType.BYTEA;
            case "json" -> LogicalType.JSON;
            case "jsonb" -> LogicalType.JSONB;
            default -> null;
        };
    }

    /** The type a {@link Types} code passed to {@code setNull} or {@code setObject} means; UNKNOWN when none fits. */
    static LogicalType bySqlType(int sqlType) {
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> LogicalType.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT -> LogicalType.SMALLINT;
            case Types.INTEGER -> LogicalType.INTEGER;
            case Types.BIGINT -> LogicalType.BIGINT;
            case Types.REAL -> LogicalType.REAL;
            case Types.FLOAT, Types.DOUBLE -> LogicalType.DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> LogicalType.NUMERIC;
            case Types.CHAR, Types.NCHAR -> LogicalType.BPCHAR;
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB -> LogicalType.TEXT;
            case Types.DATE -> LogicalType.DATE;
            case Types.TIME -> LogicalType.TIME;
            case Types.TIME_WITH_TIMEZONE -> LogicalType.TIMETZ;
            case Types.TIMESTAMP -> LogicalType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> LogicalType.TIMESTAMPTZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> LogicalType.BYTEA;
            default -> LogicalType.UNKNOWN;
        };
    }

    static boolean isText(TypeId id) {
        return id == TypeId.TEXT || id == TypeId.VARCHAR || id == TypeId.CHAR || id == TypeId.UNKNOWN;
    }
}
