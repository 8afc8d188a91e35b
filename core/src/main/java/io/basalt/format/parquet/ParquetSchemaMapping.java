package io.basalt.format.parquet;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The mapping between Basalt's SQL types and Parquet's, both ways (the table in docs/parquet.md). Writing
 * picks, for each Basalt type, the Parquet physical type and annotation other engines read back as the same
 * SQL type; reading maps every annotation those engines write onto the nearest Basalt type. A file Basalt
 * wrote also names its exact Basalt types in the footer ({@link #TYPES_KEY}), so that what Parquet cannot
 * say (varchar(n), char(n), jsonb against json, unconstrained numeric and interval kept as text) comes back
 * exactly.
 */
public final class ParquetSchemaMapping {
    /** Footer key-value metadata: the Basalt type of each top-level column, {@link LogicalType#encode()}d. */
    public static final String TYPES_KEY = "basalt.types";
    private static final String TYPE_SEPARATOR = ";";

    private ParquetSchemaMapping() {
    }

    /** The Parquet schema of a Basalt result; every column is optional (nullable). */
    public static MessageType messageType(List<String> names, List<LogicalType> types) {
        List<Type> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            fields.add(field(names.get(i), types.get(i), Type.Repetition.OPTIONAL));
        }
        return new MessageType("schema", fields);
    }

    /** The footer value of {@link #TYPES_KEY} for these column types. */
    public static String encodeTypes(List<LogicalType> types) {
        StringBuilder out = new StringBuilder();
        for (LogicalType type : types) {
            if (!out.isEmpty()) {
                out.append(TYPE_SEPARATOR);
            }
            out.append(type.encode());
        }
        return out.toString();
    }

    /** The types a {@link #TYPES_KEY} value names, or null when there is none or it does not fit the schema. */
    public static List<LogicalType> decodeTypes(String encoded, int columnCount) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        String[] parts = encoded.split(TYPE_SEPARATOR, -1);
        if (parts.length != columnCount) {
            return null;
        }
        List<LogicalType> types = new ArrayList<>(parts.length);
        try {
            for (String part : parts) {
                types.add(LogicalType.decode(part));
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        return types;
    }

    private static Type field(String name, LogicalType type, Type.Repetition repetition) {
        if (type.isArray()) {
            if (type.element().isArray()) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "arrays of arrays cannot be written to Parquet");
            }
            return Types.list(repetition).element(field("element", type.element(), Type.Repetition.OPTIONAL)).named(name);
        }
        if (type.isRecord()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "composite columns in Parquet files is not supported yet");
        }
        return switch (type.id()) {
            case RECORD -> throw BasaltException.internal("records are refused above");
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, true)).named(name);
            case INTEGER -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case REAL -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case DOUBLE, ENUM -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case NUMERIC -> numeric(name, type, repetition);
            case TEXT, VARCHAR, CHAR, UNKNOWN, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY, POINT, LSEG, PATH, BOX, POLYGON,
                 LINE, CIRCLE, RANGE, PG_LSN -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(name);
            case JSON, JSONB -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.jsonType()).named(name);
            case BYTEA -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(name);
            case TIME -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS)).named(name);
            case TIMETZ -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timeType(true, TimeUnit.MICROS)).named(name);
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named(name);
            case TIMESTAMPTZ -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name);
            // parquet-mr 1.18 writes the INTERVAL annotation as the UNKNOWN (always NULL) logical type, which
            // readers that follow the spec (DuckDB) read as NULLs; the text keeps microseconds and signs too
            case INTERVAL -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(name);
            case UUID -> Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(16)
                    .as(LogicalTypeAnnotation.uuidType()).named(name);
            case ARRAY -> throw new IllegalStateException("arrays are handled above");
        };
    }

    /**
     * NUMERIC(p,s) is a Parquet DECIMAL: INT32 up to 9 digits, INT64 up to 18, a 16-byte big-endian two's
     * complement beyond. Unconstrained NUMERIC has no scale Parquet could fix, so it is written as its exact
     * text (a UTF8 string: no digits lost, NaN kept); Basalt reads it back as numeric through the footer.
     */
    private static Type numeric(String name, LogicalType type, Type.Repetition repetition) {
        if (type.precision() < 0 || type.precision() > LogicalType.MAX_WIDE_DECIMAL_PRECISION
                || !type.scaleWithin()) {
            // a scale outside 0..p (PostgreSQL 15's numeric(3,-6)) is no Parquet DECIMAL either
            return Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(name);
        }
        LogicalTypeAnnotation decimal = LogicalTypeAnnotation.decimalType(type.scale(), type.precision());
        if (type.precision() <= 9) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).as(decimal).named(name);
        }
        if (type.precision() <= LogicalType.MAX_LONG_DECIMAL_PRECISION) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition).as(decimal).named(name);
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(16).as(decimal).named(name);
    }

    // ---- reading ------------------------------------------------------------------------------------

    /**
     * The Basalt type a file's top-level column reads as.
     *
     * @throws BasaltException 0A000 for a Parquet type Basalt has no counterpart for (maps, structs, nested lists)
     */
    public static LogicalType logicalType(Type field) {
        if (!field.isPrimitive()) {
            GroupType group = field.asGroupType();
            Type element = ParquetListShape.elementOf(group);
            if (element == null || !element.isPrimitive()) {
                throw unsupported(field);
            }
            return LogicalType.arrayOf(primitiveType(element.asPrimitiveType(), field));
        }
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            // a bare repeated primitive is a list of required elements (the Parquet spec's backward-compatibility rule)
            return LogicalType.arrayOf(primitiveType(field.asPrimitiveType(), field));
        }
        return primitiveType(field.asPrimitiveType(), field);
    }

    private static LogicalType primitiveType(PrimitiveType primitive, Type column) {
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        PrimitiveTypeName physical = primitive.getPrimitiveTypeName();
        if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            if (decimal.getPrecision() > LogicalType.MAX_WIDE_DECIMAL_PRECISION) {
                return LogicalType.NUMERIC;
            }
            return LogicalType.numeric(decimal.getPrecision(), decimal.getScale());
        }
        return switch (physical) {
            case BOOLEAN -> LogicalType.BOOLEAN;
            case INT32 -> switch (annotation) {
                case null -> LogicalType.INTEGER;
                case LogicalTypeAnnotation.DateLogicalTypeAnnotation ignored -> LogicalType.DATE;
                case LogicalTypeAnnotation.TimeLogicalTypeAnnotation ignored -> LogicalType.TIME;
                case LogicalTypeAnnotation.IntLogicalTypeAnnotation integer -> integer.isSigned()
                        ? integer.getBitWidth() <= 16 ? LogicalType.SMALLINT : LogicalType.INTEGER
                        : integer.getBitWidth() <= 8 ? LogicalType.SMALLINT
                        : integer.getBitWidth() <= 16 ? LogicalType.INTEGER : LogicalType.BIGINT;
                default -> throw unsupported(column);
            };
            case INT64 -> switch (annotation) {
                case null -> LogicalType.BIGINT;
                case LogicalTypeAnnotation.TimeLogicalTypeAnnotation time -> time.isAdjustedToUTC()
                        ? LogicalType.TIMETZ : LogicalType.TIME;
                case LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp -> timestamp.isAdjustedToUTC()
                        ? LogicalType.TIMESTAMPTZ : LogicalType.TIMESTAMP;
                case LogicalTypeAnnotation.IntLogicalTypeAnnotation integer -> integer.isSigned()
                        ? LogicalType.BIGINT : LogicalType.numeric(20, 0);
                default -> throw unsupported(column);
            };
            case INT96 -> LogicalType.TIMESTAMP;
            case FLOAT -> LogicalType.REAL;
            case DOUBLE -> LogicalType.DOUBLE;
            case BINARY -> switch (annotation) {
                case null -> LogicalType.BYTEA;
                case LogicalTypeAnnotation.StringLogicalTypeAnnotation ignored -> LogicalType.TEXT;
                case LogicalTypeAnnotation.EnumLogicalTypeAnnotation ignored -> LogicalType.TEXT;
                case LogicalTypeAnnotation.JsonLogicalTypeAnnotation ignored -> LogicalType.JSON;
                case LogicalTypeAnnotation.BsonLogicalTypeAnnotation ignored -> LogicalType.BYTEA;
                default -> throw unsupported(column);
            };
            case FIXED_LEN_BYTE_ARRAY -> switch (annotation) {
                case null -> LogicalType.BYTEA;
                case LogicalTypeAnnotation.UUIDLogicalTypeAnnotation ignored -> LogicalType.UUID;
                case LogicalTypeAnnotation.IntervalLogicalTypeAnnotation ignored -> LogicalType.INTERVAL;
                default -> throw unsupported(column);
            };
        };
    }

    /** Whether a Basalt type recorded in the footer can be read from the column as it is stored. */
    static boolean readableAs(LogicalType recorded, LogicalType stored) {
        if (recorded.isArray() || stored.isArray()) {
            return recorded.isArray() && stored.isArray() && readableAs(recorded.element(), stored.element());
        }
        return switch (recorded.id()) {
            case NUMERIC -> stored.id() == TypeId.NUMERIC || stored.id() == TypeId.TEXT;
            case INTERVAL -> stored.id() == TypeId.INTERVAL || stored.id() == TypeId.TEXT;
            case VARCHAR, CHAR, TEXT, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY -> stored.id() == TypeId.TEXT;
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> stored.id() == TypeId.TEXT;
            case JSONB, JSON -> stored.id() == TypeId.JSON;
            default -> recorded.id() == stored.id();
        };
    }

    static BasaltException unsupported(Type column) {
        String what = column.isPrimitive() ? "of type " + column.toString().trim()
                : "is a nested group (struct, map or list of groups), which";
        return BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "Parquet column \"" + column.getName() + "\" "
                + what + " is not supported");
    }
}
