package io.basalt.type;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * A SQL type with its modifiers: {@code precision}/{@code scale} for NUMERIC (precision -1 means
 * unconstrained), {@code precision} as the maximum length for VARCHAR (-1 means unlimited) and the padded length
 * of CHAR (-1: {@code bpchar} without a length), {@code precision}
 * as the fractional-second digits of TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ and INTERVAL (-1: all six), {@code scale} as an
 * INTERVAL's field qualifier (a set of {@code io.basalt.type.datetime.IntervalFields}; 0: all fields).
 *
 * <p>An ARRAY carries its {@code element} type (null for every other type); its Arrow field is a list whose
 * child field is the element's own field, so an array of NUMERIC(10,2) and an array of BIGINT differ in the
 * child's metadata. The type says nothing of dimensions (as in PostgreSQL, {@code int[][]} is {@code int[]}):
 * the Arrow field is a struct of the list {@code items} (the elements, row-major) and the list {@code shape}
 * (each row's dimension lengths and lower bounds, NULL for one dimension from 1), see {@code ArrayVectors}.
 *
 * <p>Every Arrow {@link Field} Basalt produces carries its logical type in the metadata key
 * {@value #METADATA_KEY}, so that a batch is self-describing (a NUMERIC(10,2) and a BIGINT share
 * the same Arrow vector class).
 *
 * <p>The values of a domain have the domain's base type with {@code domain} set: everything computes with the base
 * type, and {@link #equals} and {@link #hashCode} ignore the domain (a {@code posint} is an {@code integer} to every
 * operator and kernel); the binder reads it to check the domain's constraints and {@link #displayName} names it.
 * The domain is not part of {@link #encode()}: stored and exchanged data has the base type.
 */
public record LogicalType(TypeId id, int precision, int scale, LogicalType element, EnumType enumType,
                          RecordType record, DomainType domain, io.basalt.type.range.RangeType range) {
    public static final String METADATA_KEY = "basalt.type";

    /**
     * Plain types (an id, a precision and a scale) by their metadata form: operators read a vector's type from its
     * field for every batch (a gather per column and batch), and splitting and parsing the text each time showed in
     * profiles of small queries. Bounded, as typmods are unbounded in principle; the types are immutable.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, LogicalType> DECODED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_DECODED = 4096;
    /** The largest precision of a NUMERIC computed as a scaled 64-bit integer. */
    public static final int MAX_LONG_DECIMAL_PRECISION = 18;
    /** The largest precision of a NUMERIC computed as a scaled 128-bit integer. */
    public static final int MAX_WIDE_DECIMAL_PRECISION = 38;
    public static final int MAX_NUMERIC_PRECISION = 1000;

    public static final LogicalType UNKNOWN = new LogicalType(TypeId.UNKNOWN, -1, 0);
    public static final LogicalType BOOLEAN = new LogicalType(TypeId.BOOLEAN, -1, 0);
    public static final LogicalType SMALLINT = new LogicalType(TypeId.SMALLINT, -1, 0);
    public static final LogicalType INTEGER = new LogicalType(TypeId.INTEGER, -1, 0);
    public static final LogicalType BIGINT = new LogicalType(TypeId.BIGINT, -1, 0);
    public static final LogicalType DOUBLE = new LogicalType(TypeId.DOUBLE, -1, 0);
    public static final LogicalType NUMERIC = new LogicalType(TypeId.NUMERIC, -1, 0);
    public static final LogicalType TEXT = new LogicalType(TypeId.TEXT, -1, 0);
    public static final LogicalType VARCHAR = new LogicalType(TypeId.VARCHAR, -1, 0);
    /** {@code bpchar}: blank-padded character without a length (what an unknown literal compared with CHAR becomes). */
    public static final LogicalType BPCHAR = new LogicalType(TypeId.CHAR, -1, 0);
    /** The longest CHAR or VARCHAR length PostgreSQL accepts. */
    public static final int MAX_CHARACTER_LENGTH = 10485760;
    public static final LogicalType DATE = new LogicalType(TypeId.DATE, -1, 0);
    public static final LogicalType REAL = new LogicalType(TypeId.REAL, -1, 0);
    public static final LogicalType TIMESTAMP = new LogicalType(TypeId.TIMESTAMP, -1, 0);
    public static final LogicalType TIMESTAMPTZ = new LogicalType(TypeId.TIMESTAMPTZ, -1, 0);
    public static final LogicalType INTERVAL = new LogicalType(TypeId.INTERVAL, -1, 0);
    public static final LogicalType TIME = new LogicalType(TypeId.TIME, -1, 0);
    public static final LogicalType TIMETZ = new LogicalType(TypeId.TIMETZ, -1, 0);
    public static final LogicalType UUID = new LogicalType(TypeId.UUID, -1, 0);
    public static final LogicalType BYTEA = new LogicalType(TypeId.BYTEA, -1, 0);
    public static final LogicalType JSON = new LogicalType(TypeId.JSON, -1, 0);
    public static final LogicalType JSONB = new LogicalType(TypeId.JSONB, -1, 0);
    public static final LogicalType JSONPATH = new LogicalType(TypeId.JSONPATH, -1, 0);
    public static final LogicalType TSVECTOR = new LogicalType(TypeId.TSVECTOR, -1, 0);
    public static final LogicalType TSQUERY = new LogicalType(TypeId.TSQUERY, -1, 0);
    public static final LogicalType REGCLASS = new LogicalType(TypeId.REGCLASS, -1, 0);
    public static final LogicalType PG_LSN = new LogicalType(TypeId.PG_LSN, -1, 0);
    public static final LogicalType REGTYPE = new LogicalType(TypeId.REGTYPE, -1, 0);
    public static final LogicalType REGNAMESPACE = new LogicalType(TypeId.REGNAMESPACE, -1, 0);
    public static final LogicalType POINT = new LogicalType(TypeId.POINT, -1, 0);
    public static final LogicalType LSEG = new LogicalType(TypeId.LSEG, -1, 0);
    public static final LogicalType PATH = new LogicalType(TypeId.PATH, -1, 0);
    public static final LogicalType BOX = new LogicalType(TypeId.BOX, -1, 0);
    public static final LogicalType POLYGON = new LogicalType(TypeId.POLYGON, -1, 0);
    public static final LogicalType LINE = new LogicalType(TypeId.LINE, -1, 0);
    public static final LogicalType CIRCLE = new LogicalType(TypeId.CIRCLE, -1, 0);

    public LogicalType {
        requireNonNull(id, "id is null");
        if ((id == TypeId.ARRAY) != (element != null) || element != null && element.id == TypeId.ARRAY) {
            throw BasaltException.internal("malformed array type " + id + " of " + element);
        }
        if ((id == TypeId.ENUM) != (enumType != null)) {
            throw BasaltException.internal("malformed enum type " + id + " of " + enumType);
        }
        if ((id == TypeId.RECORD) != (record != null)) {
            throw BasaltException.internal("malformed record type " + id + " of " + record);
        }
        if ((id == TypeId.RANGE) != (range != null)) {
            throw BasaltException.internal("malformed range type " + id + " of " + range);
        }
    }

    public LogicalType(TypeId id, int precision, int scale, LogicalType element, EnumType enumType,
                       RecordType record, DomainType domain) {
        this(id, precision, scale, element, enumType, record, domain, null);
    }

    public LogicalType(TypeId id, int precision, int scale, LogicalType element, EnumType enumType) {
        this(id, precision, scale, element, enumType, null, null);
    }

    public LogicalType(TypeId id, int precision, int scale, LogicalType element) {
        this(id, precision, scale, element, null, null, null);
    }

    public LogicalType(TypeId id, int precision, int scale) {
        this(id, precision, scale, null, null, null, null);
    }

    /** This type as the values of {@code newDomain} have it (null: the plain type). */
    public LogicalType withDomain(DomainType newDomain) {
        return new LogicalType(id, precision, scale, element, enumType, record, newDomain, range);
    }

    /** Whether this is the type of a domain's values. */
    public boolean isDomain() {
        return domain != null;
    }

    /** Equal when everything but the domain is: a domain's values are its base type's. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LogicalType that && id == that.id && precision == that.precision
                && scale == that.scale && java.util.Objects.equals(element, that.element)
                && java.util.Objects.equals(enumType, that.enumType) && java.util.Objects.equals(record, that.record)
                && java.util.Objects.equals(range, that.range);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, precision, scale, element, enumType, record, range);
    }

    /** The type of the values of range type {@code range} (see {@code io.basalt.type.range.RangeKey}). */
    public static LogicalType rangeOf(io.basalt.type.range.RangeType range) {
        return new LogicalType(TypeId.RANGE, -1, 0, null, null, null, null,
                requireNonNull(range, "range is null"));
    }

    public boolean isRange() {
        return id == TypeId.RANGE;
    }

    /** point, lseg, path, box, polygon, line, circle: values are packed doubles ({@code io.basalt.type.geometric}). */
    public boolean isGeometric() {
        return id == TypeId.POINT || id == TypeId.LSEG || id == TypeId.PATH || id == TypeId.BOX
                || id == TypeId.POLYGON || id == TypeId.LINE || id == TypeId.CIRCLE;
    }

    /** The composite type of {@code record}'s fields (see {@link RecordType}); its values live in struct vectors. */
    public static LogicalType recordOf(RecordType record) {
        return new LogicalType(TypeId.RECORD, -1, 0, null, null, requireNonNull(record, "record is null"), null);
    }

    public boolean isRecord() {
        return id == TypeId.RECORD;
    }

    /** The type of the values of a user-defined enum type (stored as their labels' sort keys, see {@link EnumType}). */
    public static LogicalType enumOf(EnumType enumType) {
        return new LogicalType(TypeId.ENUM, -1, 0, null, requireNonNull(enumType, "enumType is null"));
    }

    public boolean isEnum() {
        return id == TypeId.ENUM;
    }

    /** The one-dimensional array type of {@code element} (itself not an array). */
    public static LogicalType arrayOf(LogicalType element) {
        return new LogicalType(TypeId.ARRAY, -1, 0, element);
    }

    public boolean isArray() {
        return id == TypeId.ARRAY;
    }

    public static LogicalType numeric(int precision, int scale) {
        if (precision < 1 || precision > MAX_NUMERIC_PRECISION) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC precision " + precision + " must be between 1 and " + MAX_NUMERIC_PRECISION);
        }
        if (scale < -MAX_NUMERIC_PRECISION || scale > MAX_NUMERIC_PRECISION) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "NUMERIC scale " + scale
                    + " must be between " + -MAX_NUMERIC_PRECISION + " and " + MAX_NUMERIC_PRECISION);
        }
        return new LogicalType(TypeId.NUMERIC, precision, scale);
    }

    public static LogicalType varchar(int maxLength) {
        if (maxLength < 1) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type varchar must be at least 1");
        }
        if (maxLength > MAX_CHARACTER_LENGTH) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "length for type varchar cannot exceed " + MAX_CHARACTER_LENGTH);
        }
        return new LogicalType(TypeId.VARCHAR, maxLength, 0);
    }

    /** CHARACTER(length): values padded with spaces to {@code length} characters. */
    public static LogicalType character(int length) {
        if (length < 1) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type char must be at least 1");
        }
        if (length > MAX_CHARACTER_LENGTH) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "length for type char cannot exceed " + MAX_CHARACTER_LENGTH);
        }
        return new LogicalType(TypeId.CHAR, length, 0);
    }

    public boolean isNumeric() {
        return id == TypeId.NUMERIC;
    }

    /** NUMERIC(p,s) with p <= 18 and 0 <= s <= p: computed and stored as a 64-bit integer scaled by 10^scale. */
    public boolean isScaledLong() {
        return id == TypeId.NUMERIC && precision >= 1 && precision <= MAX_LONG_DECIMAL_PRECISION && scaleWithin();
    }

    /** NUMERIC(p,s) with 18 < p <= 38 and 0 <= s <= p: a 128-bit integer scaled by 10^scale (Arrow's decimal). */
    public boolean isScaledWide() {
        return id == TypeId.NUMERIC && precision > MAX_LONG_DECIMAL_PRECISION && precision <= MAX_WIDE_DECIMAL_PRECISION
                && scaleWithin();
    }

    /**
     * Whether this NUMERIC(p,s)'s scale lies in 0..p. PostgreSQL 15+ also allows a negative scale (rounding to
     * tens, hundreds, ...) and one above the precision (only digits after the point); such a type holds its
     * values in the arbitrary-precision form, its typmod applied where a value is cast to it, and computes as
     * unconstrained NUMERIC.
     */
    public boolean scaleWithin() {
        return scale >= 0 && scale <= precision;
    }

    public boolean isIntegral() {
        return id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT;
    }

    public boolean isNumber() {
        return isIntegral() || id == TypeId.DOUBLE || id == TypeId.REAL || id == TypeId.NUMERIC;
    }

    /** DATE, TIMESTAMP, TIMESTAMPTZ: the types that name a point in time. */
    public boolean isDateTime() {
        return id == TypeId.DATE || id == TypeId.TIMESTAMP || id == TypeId.TIMESTAMPTZ;
    }

    /** TIME and TIMETZ: the types that name a time of day. */
    public boolean isTimeOfDay() {
        return id == TypeId.TIME || id == TypeId.TIMETZ;
    }

    /** TEXT, VARCHAR, CHAR and unknown literals: the types whose values are strings. */
    public boolean isString() {
        return id == TypeId.TEXT || id == TypeId.VARCHAR || id == TypeId.CHAR || id == TypeId.UNKNOWN;
    }

    public PhysicalType physical() {
        return switch (id) {
            case BOOLEAN -> PhysicalType.BOOLEAN;
            case SMALLINT -> PhysicalType.INT16;
            case INTEGER, DATE -> PhysicalType.INT32;
            case BIGINT, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, PG_LSN -> PhysicalType.INT64;
            case DOUBLE, REAL, ENUM -> PhysicalType.FLOAT64;
            case INTERVAL -> PhysicalType.INTERVAL;
            case UUID -> PhysicalType.UUID;
            case BYTEA -> PhysicalType.BYTES;
            case NUMERIC -> isScaledLong() ? PhysicalType.INT64 : isScaledWide() ? PhysicalType.INT128 : PhysicalType.BIG_DECIMAL;
            case TEXT, VARCHAR, CHAR, UNKNOWN, JSON, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY -> PhysicalType.STRING;
            case JSONB -> PhysicalType.JSONB;
            case ARRAY -> PhysicalType.LIST;
            case RECORD -> PhysicalType.STRUCT;
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> PhysicalType.BYTES;
        };
    }

    /** The type as PostgreSQL prints it in {@code \d} and error messages, e.g. {@code numeric(10,2)}. */
    public String displayName() {
        if (domain != null) {
            return domain.name();
        }
        return switch (id) {
            case NUMERIC -> precision < 0 ? "numeric" : "numeric(" + precision + "," + scale + ")";
            case VARCHAR -> precision < 0 ? "character varying" : "character varying(" + precision + ")";
            case CHAR -> precision < 0 ? "bpchar" : "character(" + precision + ")";
            case TIMESTAMP -> precision < 0 ? id.pgName() : "timestamp(" + precision + ") without time zone";
            case TIMESTAMPTZ -> precision < 0 ? id.pgName() : "timestamp(" + precision + ") with time zone";
            case TIME -> precision < 0 ? id.pgName() : "time(" + precision + ") without time zone";
            case TIMETZ -> precision < 0 ? id.pgName() : "time(" + precision + ") with time zone";
            case INTERVAL -> "interval" + io.basalt.type.datetime.IntervalFields.display(scale)
                    + (precision < 0 ? "" : "(" + precision + ")");
            case ARRAY -> element.displayName() + "[]";
            case ENUM -> enumType.name();
            case RECORD -> record.isAnonymous() ? "record" : record.name();
            case RANGE -> range.name();
            default -> id.pgName();
        };
    }

    @Override
    public String toString() {
        return displayName();
    }

    public ArrowType arrowType() {
        return switch (physical()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case INT16 -> new ArrowType.Int(16, true);
            case INT32 -> id == TypeId.DATE ? new ArrowType.Date(DateUnit.DAY) : new ArrowType.Int(32, true);
            case INT64 -> new ArrowType.Int(64, true);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BIG_DECIMAL -> ArrowType.Binary.INSTANCE;
            case INTERVAL, UUID -> new ArrowType.FixedSizeBinary(16);
            case BYTES, JSONB -> ArrowType.Binary.INSTANCE;
            case INT128 -> new ArrowType.Decimal(precision, scale, 128);
            case STRING -> ArrowType.Utf8.INSTANCE;
            case LIST, STRUCT -> ArrowType.Struct.INSTANCE;
        };
    }

    /** An Arrow field of this type, nullable, tagged with the logical type in its metadata. */
    public Field arrowField(String name) {
        FieldType fieldType = new FieldType(true, arrowType(), null, Map.of(METADATA_KEY, encode()));
        if (isRecord()) {
            java.util.List<Field> children = new java.util.ArrayList<>(record.size());
            for (int i = 0; i < record.size(); i++) {
                children.add(record.fieldTypes().get(i).arrowField(recordChildName(i)));
            }
            return new Field(name, fieldType, children);
        }
        if (!isArray()) {
            return new Field(name, fieldType, null);
        }
        Field items = new Field("items", FieldType.nullable(ArrowType.List.INSTANCE),
                java.util.List.of(element.arrowField("$data$")));
        Field shape = new Field("shape", FieldType.nullable(ArrowType.List.INSTANCE),
                java.util.List.of(new Field("$data$", FieldType.notNullable(new ArrowType.Int(32, true)), null)));
        return new Field(name, fieldType, java.util.List.of(items, shape));
    }

    /** The name of a record's child vector for field {@code index}: by position, as field names may repeat. */
    public static String recordChildName(int index) {
        return "$" + (index + 1);
    }

    /** The logical type recorded in a field's metadata, or inferred from its Arrow type. */
    public static LogicalType of(Field field) {
        Map<String, String> metadata = field.getMetadata();
        String encoded = metadata == null ? null : metadata.get(METADATA_KEY);
        if (encoded != null) {
            return decode(encoded);
        }
        ArrowType type = field.getType();
        return switch (type) {
            case ArrowType.Bool ignored -> BOOLEAN;
            case ArrowType.Int i when i.getBitWidth() == 16 -> SMALLINT;
            case ArrowType.Int i when i.getBitWidth() == 32 -> INTEGER;
            case ArrowType.Int i when i.getBitWidth() == 64 -> BIGINT;
            case ArrowType.FloatingPoint ignored -> DOUBLE;
            case ArrowType.Utf8 ignored -> TEXT;
            case ArrowType.Date ignored -> DATE;
            case ArrowType.Decimal d -> numeric(d.getPrecision(), d.getScale());
            case ArrowType.Struct ignored when field.getChildren().size() == 2
                    && field.getChildren().getFirst().getName().equals("items") ->
                    arrayOf(of(field.getChildren().getFirst().getChildren().getFirst()));
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "Arrow type " + type + " is not supported");
        };
    }

    /** A compact text form used in Arrow metadata and on disk: {@code NUMERIC:10:2}, {@code INTEGER:-1:0[]}. */
    public String encode() {
        if (isRecord()) {
            return id.name() + ":" + record.encode();
        }
        if (isEnum()) {
            return id.name() + ":" + precision + ":" + scale + ":" + enumType.encode();
        }
        if (isRange()) {
            return id.name() + ":" + range.encode();
        }
        return isArray() ? element.encode() + "[]" : id.name() + ":" + precision + ":" + scale;
    }

    public static LogicalType decode(String encoded) {
        if (encoded.endsWith("[]")) {
            return arrayOf(decode(encoded.substring(0, encoded.length() - 2)));
        }
        if (encoded.startsWith(TypeId.RECORD.name() + ":")) {
            return recordOf(RecordType.decode(encoded.substring(TypeId.RECORD.name().length() + 1)));
        }
        if (encoded.startsWith(TypeId.RANGE.name() + ":")) {
            return rangeOf(io.basalt.type.range.RangeType.decode(encoded.substring(TypeId.RANGE.name().length() + 1)));
        }
        if (encoded.startsWith(TypeId.ENUM.name() + ":")) {
            String[] parts = encoded.split(":", 4);
            return enumOf(EnumType.decode(parts[3]));
        }
        LogicalType known = DECODED.get(encoded);
        if (known != null) {
            return known;
        }
        String[] parts = encoded.split(":");
        if (parts.length != 3) {
            throw BasaltException.internal("malformed logical type '" + encoded + "'");
        }
        LogicalType decoded = new LogicalType(TypeId.valueOf(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
        if (DECODED.size() < MAX_DECODED) {
            DECODED.putIfAbsent(encoded, decoded);
        }
        return decoded;
    }
}
