package io.basalt.format.parquet;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.DecimalCodec;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.datetime.TimeWithZone;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.JsonbDecoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
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
import io.basalt.format.parquet.encode.ColumnChunkBuffer;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Appends one Basalt column's Arrow vectors to a {@link ColumnChunkBuffer}, converting each value to the
 * Parquet type {@link ParquetSchemaMapping} chose. The conversion is chosen once per column ({@link Kind});
 * flat columns of the common kinds without NULLs copy whole Arrow buffers, the rest and the elements of arrays go
 * value by value. Levels: a flat column has definition level 1 for a value and 0 for NULL; an array column (three-level
 * list, optional element) has 0 for a NULL array, 1 for an empty one, 2 for a NULL element and 3 for a value, with
 * repetition level 0 at each row's first element and 1 after.
 */
final class ParquetColumnWriter {
    /** How a value travels from its vector to Parquet. */
    enum Kind {
        BOOLEAN, INT16, INT32, DATE, INT64, TIMETZ, FLOAT, DOUBLE, DECIMAL_INT32, DECIMAL_INT64, DECIMAL_FIXED,
        NUMERIC_TEXT, STRING, BYTES, JSONB, UUID, INTERVAL,
        /** A geometric or range value, written as its text. */
        VALUE_TEXT
    }

    private static final long MICROS_DAY = 86_400_000_000L;

    private final String name;
    private final Kind kind;
    private final boolean array;

    private ParquetColumnWriter(String name, Kind kind, boolean array) {
        this.name = name;
        this.kind = kind;
        this.array = array;
    }

    static ParquetColumnWriter of(String name, LogicalType type) {
        LogicalType value = type.isArray() ? type.element() : type;
        return new ParquetColumnWriter(name, kindOf(value), type.isArray());
    }

    private static Kind kindOf(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> Kind.BOOLEAN;
            case SMALLINT -> Kind.INT16;
            case INTEGER -> Kind.INT32;
            case DATE -> Kind.DATE;
            case BIGINT, TIME, TIMESTAMP, TIMESTAMPTZ -> Kind.INT64;
            case TIMETZ -> Kind.TIMETZ;
            case REAL -> Kind.FLOAT;
            case DOUBLE, ENUM -> Kind.DOUBLE;
            case NUMERIC -> type.precision() < 0 || type.precision() > LogicalType.MAX_WIDE_DECIMAL_PRECISION
                    || !type.scaleWithin()
                    ? Kind.NUMERIC_TEXT
                    : type.precision() <= 9 ? Kind.DECIMAL_INT32
                    : type.isScaledLong() ? Kind.DECIMAL_INT64 : Kind.DECIMAL_FIXED;
            case TEXT, VARCHAR, CHAR, UNKNOWN, JSON, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY -> Kind.STRING;
            case JSONB -> Kind.JSONB;
            case BYTEA -> Kind.BYTES;
            case UUID -> Kind.UUID;
            case INTERVAL -> Kind.INTERVAL;
            case ARRAY -> throw new IllegalStateException("nested arrays are refused by the schema mapping");
            case RECORD -> throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                    "composite columns in Parquet files is not supported yet");
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE, PG_LSN -> Kind.VALUE_TEXT;
        };
    }

    /** The Parquet physical type this column's values are written as. */
    PrimitiveTypeName physical() {
        return switch (kind) {
            case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
            case INT16, INT32, DATE, DECIMAL_INT32 -> PrimitiveTypeName.INT32;
            case INT64, TIMETZ, DECIMAL_INT64 -> PrimitiveTypeName.INT64;
            case FLOAT -> PrimitiveTypeName.FLOAT;
            case DOUBLE -> PrimitiveTypeName.DOUBLE;
            case DECIMAL_FIXED, UUID -> PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
            case NUMERIC_TEXT, STRING, BYTES, JSONB, INTERVAL, VALUE_TEXT -> PrimitiveTypeName.BINARY;
        };
    }

    /** A buffer for one row group of this column. */
    ColumnChunkBuffer newBuffer() {
        return array ? new ColumnChunkBuffer(physical(), 3, 1) : new ColumnChunkBuffer(physical(), 1, 0);
    }

    /** Appends rows {@code from} (inclusive) to {@code to} (exclusive) of {@code vector} to {@code buffer}. */
    void write(ColumnChunkBuffer buffer, FieldVector vector, int from, int to) {
        if (array) {
            writeArrays(buffer, vector, from, to);
            return;
        }
        if (to > from && allValid(vector, from, to)) {
            // the common kinds without NULLs copy whole buffers
            switch (kind) {
                case INT32, DATE -> {
                    buffer.appendInts(vector.getDataBuffer(), from, to);
                    buffer.defined(to - from);
                    return;
                }
                case INT64 -> {
                    buffer.appendLongs(vector.getDataBuffer(), from, to);
                    buffer.defined(to - from);
                    return;
                }
                case DECIMAL_INT64 -> {
                    checkNoNaN(vector.getDataBuffer(), from, to);
                    buffer.appendLongs(vector.getDataBuffer(), from, to);
                    buffer.defined(to - from);
                    return;
                }
                case DOUBLE -> {
                    buffer.appendLongs(vector.getDataBuffer(), from, to);
                    buffer.defined(to - from);
                    return;
                }
                case STRING, BYTES -> {
                    buffer.appendVariableWidth(vector.getOffsetBuffer(), vector.getDataBuffer(), from, to);
                    buffer.defined(to - from);
                    return;
                }
                default -> {
                    // value by value below
                }
            }
        }
        for (int row = from; row < to; row++) {
            if (vector.isNull(row)) {
                buffer.nullRow();
            } else {
                appendValue(buffer, vector, row);
                buffer.defined(1);
            }
        }
    }

    /** Whether rows {@code [from, to)} of {@code vector} are all non-null, from its validity bitmap. */
    private static boolean allValid(FieldVector vector, int from, int to) {
        ArrowBuf validity = vector.getValidityBuffer();
        if (validity == null || validity.capacity() < (to + 7) / 8) {
            return false;
        }
        int row = from;
        while (row < to && (row & 7) != 0) {
            if ((validity.getByte(row >>> 3) >>> (row & 7) & 1) == 0) {
                return false;
            }
            row++;
        }
        while (row + 64 <= to) {
            if (validity.getLong(row >>> 3) != -1L) {
                return false;
            }
            row += 64;
        }
        while (row < to) {
            if ((validity.getByte(row >>> 3) >>> (row & 7) & 1) == 0) {
                return false;
            }
            row++;
        }
        return true;
    }

    private void checkNoNaN(ArrowBuf data, int from, int to) {
        for (int row = from; row < to; row++) {
            if (data.getLong((long) row * 8) == Long.MAX_VALUE) {
                throw nanRefused();
            }
        }
    }

    private void writeArrays(ColumnChunkBuffer buffer, FieldVector vector, int from, int to) {
        FieldVector elements = ArrayVectors.elements(vector);
        for (int row = from; row < to; row++) {
            if (vector.isNull(row)) {
                buffer.level(0, 0);
                continue;
            }
            if (ArrayVectors.isShaped(vector, row) && ArrayVectors.end(vector, row) > ArrayVectors.start(vector, row)) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "column \"" + name
                        + "\": only one-dimensional arrays with lower bound 1 can be written to Parquet");
            }
            int start = ArrayVectors.start(vector, row);
            int end = ArrayVectors.end(vector, row);
            if (start == end) {
                buffer.level(0, 1);
                continue;
            }
            for (int k = start; k < end; k++) {
                int repetition = k == start ? 0 : 1;
                if (elements.isNull(k)) {
                    buffer.level(repetition, 2);
                } else {
                    appendValue(buffer, elements, k);
                    buffer.level(repetition, 3);
                }
            }
        }
    }

    /** Appends the non-null value at {@code index} (its level is the caller's). */
    private void appendValue(ColumnChunkBuffer buffer, FieldVector vector, int index) {
        switch (kind) {
            case BOOLEAN -> buffer.appendInt(((BitVector) vector).get(index));
            case INT16 -> buffer.appendInt(((SmallIntVector) vector).get(index));
            case INT32 -> buffer.appendInt(((IntVector) vector).get(index));
            case DATE -> buffer.appendInt(((DateDayVector) vector).get(index));
            case INT64 -> buffer.appendLong(((BigIntVector) vector).get(index));
            case TIMETZ -> buffer.appendLong(utcTimeOfDay(((BigIntVector) vector).get(index)));
            case FLOAT -> buffer.appendInt(Float.floatToRawIntBits((float) ((Float8Vector) vector).get(index)));
            case DOUBLE -> buffer.appendLong(Double.doubleToRawLongBits(((Float8Vector) vector).get(index)));
            case DECIMAL_INT32 -> buffer.appendInt((int) scaledLong(vector, index));
            case DECIMAL_INT64 -> buffer.appendLong(scaledLong(vector, index));
            case DECIMAL_FIXED -> {
                byte[] bytes = bigEndian16((DecimalVector) vector, index);
                buffer.appendBytes(bytes, 0, bytes.length);
            }
            case NUMERIC_TEXT -> appendText(buffer, numericText(((VarBinaryVector) vector).get(index)));
            case STRING -> {
                VarCharVector strings = (VarCharVector) vector;
                long start = strings.getStartOffset(index);
                buffer.appendBytes(strings.getDataBuffer(), start, (int) (strings.getEndOffset(index) - start));
            }
            case BYTES -> {
                VarBinaryVector bytes = (VarBinaryVector) vector;
                long start = bytes.getStartOffset(index);
                buffer.appendBytes(bytes.getDataBuffer(), start, (int) (bytes.getEndOffset(index) - start));
            }
            case JSONB -> appendText(buffer, JsonText.format(JsonbDecoder.decode(((VarBinaryVector) vector).get(index))));
            case UUID -> buffer.appendBytes(vector.getDataBuffer(), (long) index * 16, 16);
            case INTERVAL -> appendText(buffer, ValueAccess.text(LogicalType.INTERVAL,
                    Interval.fromBytes(((FixedSizeBinaryVector) vector).get(index)), DateTimeSettings.DEFAULT));
            case VALUE_TEXT -> appendText(buffer, ValueAccess.text(vector, index));
        }
    }

    private static void appendText(ColumnChunkBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.appendBytes(bytes, 0, bytes.length);
    }

    /** A scaled NUMERIC; Basalt marks NaN with Long.MAX_VALUE, which no Parquet DECIMAL can hold. */
    private long scaledLong(FieldVector vector, int index) {
        long value = ((BigIntVector) vector).get(index);
        if (value == Long.MAX_VALUE) {
            throw nanRefused();
        }
        return value;
    }

    /** Arrow keeps a decimal's 16 bytes little-endian; Parquet wants them big-endian. NaN has no Parquet form. */
    private byte[] bigEndian16(DecimalVector vector, int index) {
        if (io.basalt.exec.vector.WideDecimalValues.isNaN(vector, index)) {
            throw nanRefused();
        }
        ArrowBuf data = vector.getDataBuffer();
        long at = (long) index * DecimalVector.TYPE_WIDTH;
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = data.getByte(at + 15 - i);
        }
        return out;
    }

    private BasaltException nanRefused() {
        return BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                "column \"" + name + "\": NaN cannot be written to a Parquet DECIMAL");
    }

    private static String numericText(byte[] encoded) {
        BigDecimal value = DecimalCodec.decode(encoded);
        return value instanceof NumericSpecial ? value.toString() : value.toPlainString();
    }

    /** A timetz as Parquet's UTC-adjusted time of day: the instant's time in UTC, wrapped into the day. */
    private static long utcTimeOfDay(long packed) {
        long utc = TimeWithZone.utcMicros(packed);
        return utc == MICROS_DAY ? utc : Math.floorMod(utc, MICROS_DAY);
    }

}
