package io.basalt.exec.vector;

import io.basalt.error.BasaltException;
import io.basalt.type.ArrayLiteral;
import io.basalt.type.ArrayValue;
import io.basalt.type.ByteString;
import io.basalt.type.ByteaText;
import io.basalt.type.DecimalCodec;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.PgLsn;
import io.basalt.type.TextFormat;
import io.basalt.type.Uuid;
import io.basalt.type.json.Jsonb;
import io.basalt.type.datetime.DateTimeConversion;
import io.basalt.type.datetime.DateTimeSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * One value at a time, as a Java object: for constants, parameters, result rendering and other places
 * that are not per-row hot paths. The canonical Java form of each physical type is: BOOLEAN Boolean,
 * INT16/INT32/INT64 Long (a DATE is its epoch day, a scaled NUMERIC its unscaled value), FLOAT64 Double,
 * BIG_DECIMAL BigDecimal, STRING String, INTERVAL {@link Interval}, UUID {@link Uuid}, BYTES {@link ByteString}, JSONB {@link Jsonb},
 * LIST {@link ArrayValue} of the element type's canonical values, STRUCT {@code RecordValue} of the fields'.
 */
public final class ValueAccess {
    private ValueAccess() {
    }

    /** A new empty vector for a column of type {@code type}. */
    public static FieldVector allocate(LogicalType type, String name, BufferAllocator allocator, int capacity) {
        FieldVector vector = type.arrowField(name).createVector(allocator);
        vector.setInitialCapacity(Math.max(capacity, 1));
        vector.allocateNew();
        return vector;
    }

    /** The value at {@code row} in canonical form, or null. */
    public static Object get(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (vector) {
            case BitVector v -> v.get(row) != 0;
            case SmallIntVector v -> (long) v.get(row);
            case IntVector v -> (long) v.get(row);
            case DateDayVector v -> (long) v.get(row);
            case BigIntVector v -> v.get(row);
            case Float8Vector v -> v.get(row);
            case VarBinaryVector v -> BinaryVectors.holdsBytea(v) ? ByteString.wrap(v.get(row))
                    : BinaryVectors.holdsJsonb(v) ? Jsonb.wrap(v.get(row)) : DecimalCodec.decode(v.get(row));
            case VarCharVector v -> new String(v.get(row), StandardCharsets.UTF_8);
            case FixedSizeBinaryVector v -> BinaryVectors.holdsUuid(v) ? Uuid.fromBytes(v.get(row)) : Interval.fromBytes(v.get(row));
            case DecimalVector v -> WideDecimalValues.get(v, row);
            case StructVector v when RecordVectors.isRecord(v) -> RecordVectors.get(v, row);
            case StructVector v -> ArrayVectors.get(v, row);
            default -> throw BasaltException.internal("unsupported vector " + vector.getClass().getSimpleName());
        };
    }

    /** Stores a canonical value (or null) at {@code row}, growing the vector as needed. */
    public static void set(FieldVector vector, int row, Object value) {
        if (value == null) {
            switch (vector) {
                case BitVector v -> v.setNull(row);
                case SmallIntVector v -> v.setNull(row);
                case IntVector v -> v.setNull(row);
                case DateDayVector v -> v.setNull(row);
                case BigIntVector v -> v.setNull(row);
                case Float8Vector v -> v.setNull(row);
                case VarBinaryVector v -> v.setNull(row);
                case VarCharVector v -> v.setNull(row);
                case FixedSizeBinaryVector v -> v.setNull(row);
                case DecimalVector v -> v.setNull(row);
                case StructVector v when RecordVectors.isRecord(v) -> RecordVectors.setNull(v, row);
                case StructVector v -> v.setNull(row);
                default -> throw BasaltException.internal("unsupported vector " + vector.getClass().getSimpleName());
            }
            return;
        }
        switch (vector) {
            case BitVector v -> v.setSafe(row, ((Boolean) value) ? 1 : 0);
            case SmallIntVector v -> v.setSafe(row, (short) (long) (Long) value);
            case IntVector v -> v.setSafe(row, (int) (long) (Long) value);
            case DateDayVector v -> v.setSafe(row, (int) (long) (Long) value);
            case BigIntVector v -> v.setSafe(row, (Long) value);
            case Float8Vector v -> v.setSafe(row, (Double) value);
            case VarBinaryVector v -> v.setSafe(row, value instanceof ByteString bytes ? bytes.toByteArray()
                    : value instanceof Jsonb jsonb ? jsonb.bytes() : DecimalCodec.encode((BigDecimal) value));
            case VarCharVector v -> v.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
            case FixedSizeBinaryVector v -> v.setSafe(row, value instanceof Uuid uuid ? uuid.toBytes() : ((Interval) value).toBytes());
            case DecimalVector v -> WideDecimalValues.set(v, row, (BigDecimal) value);
            case StructVector v when RecordVectors.isRecord(v) -> RecordVectors.set(v, row, (io.basalt.type.RecordValue) value);
            case StructVector v -> ArrayVectors.set(v, row, (ArrayValue) value);
            default -> throw BasaltException.internal("unsupported vector " + vector.getClass().getSimpleName());
        }
    }

    /** PostgreSQL's text output of the value at {@code row}, or null for SQL NULL, with default date/time settings. */
    public static String text(FieldVector vector, int row) {
        return text(vector, row, DateTimeSettings.current());
    }

    /** PostgreSQL's text output of the value at {@code row}, or null; dates and times as {@code settings} say. */
    public static String text(FieldVector vector, int row, DateTimeSettings settings) {
        if (vector.isNull(row)) {
            return null;
        }
        LogicalType type = LogicalType.of(vector.getField());
        return text(type, get(vector, row), settings);
    }

    /** PostgreSQL's text output of a canonical value of {@code type}, or null, with the current session's settings. */
    public static String text(LogicalType type, Object value) {
        return text(type, value, DateTimeSettings.current());
    }

    /** PostgreSQL's text output of a canonical value of {@code type}, or null. */
    public static String text(LogicalType type, Object value, DateTimeSettings settings) {
        if (value == null) {
            return null;
        }
        return switch (type.id()) {
            case BOOLEAN -> TextFormat.formatBoolean((Boolean) value);
            case SMALLINT, INTEGER, BIGINT -> Long.toString((Long) value);
            case DOUBLE -> TextFormat.formatDouble((Double) value, settings.extraFloatDigits());
            case REAL -> TextFormat.formatReal((Double) value, settings.extraFloatDigits());
            case DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL -> DateTimeConversion.format(value, type, settings);
            case NUMERIC -> type.isScaledLong()
                    ? TextFormat.formatScaledLong((Long) value, type.scale())
                    : TextFormat.formatDecimal((BigDecimal) value);
            case UUID -> value.toString();
            case PG_LSN -> PgLsn.format((Long) value);
            case BYTEA -> settings.byteaEscape() ? ByteaText.formatEscape((ByteString) value)
                    : ByteaText.formatHex((ByteString) value);
            case TEXT, VARCHAR, CHAR, UNKNOWN, JSON, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY -> (String) value;
            case JSONB -> value.toString();
            case ENUM -> type.enumType().label((Double) value);
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE -> io.basalt.type.geometric.GeometricText.format(
                    (ByteString) value, type.id(), settings.extraFloatDigits());
            case RANGE -> io.basalt.type.range.RangeText.format((ByteString) value, type.range(), settings);
            case ARRAY -> ArrayLiteral.format((ArrayValue) value, (element, index) -> text(type.element(), element, settings));
            case RECORD -> io.basalt.type.RecordText.format((io.basalt.type.RecordValue) value,
                    (field, index) -> text(type.record().fieldTypes().get(index), field, settings));
        };
    }
}
