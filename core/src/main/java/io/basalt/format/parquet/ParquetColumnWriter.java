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
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes one Basalt column's Arrow vectors into a parquet-mr {@link ColumnWriter}, converting each value to the
 * Parquet type {@link ParquetSchemaMapping} chose. The conversion is chosen once per column ({@link Kind});
 * flat columns of the common kinds run one typed loop per batch, the rest and the elements of arrays go value
 * by value. Levels: a flat column has definition level 1 for a value and 0 for NULL; an array column (three-level
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
                    ? Kind.NUMERIC_TEXT
                    : type.precision() <= 9 ? Kind.DECIMAL_INT32
                    : type.isScaledLong() ? Kind.DECIMAL_INT64 : Kind.DECIMAL_FIXED;
            case TEXT, VARCHAR, CHAR, UNKNOWN, JSON, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE -> Kind.STRING;
            case JSONB -> Kind.JSONB;
            case BYTEA -> Kind.BYTES;
            case UUID -> Kind.UUID;
            case INTERVAL -> Kind.INTERVAL;
            case ARRAY -> throw new IllegalStateException("nested arrays are refused by the schema mapping");
            case RECORD -> throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                    "composite columns in Parquet files is not supported yet");
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> Kind.VALUE_TEXT;
        };
    }

    /** Writes rows {@code from} (inclusive) to {@code to} (exclusive) of {@code vector}. */
    void write(ColumnWriter writer, FieldVector vector, int from, int to) {
        if (array) {
            writeArrays(writer, vector, from, to);
            return;
        }
        // The common kinds as one typed loop each; the rest value by value.
        switch (kind) {
            case INT32 -> {
                IntVector ints = (IntVector) vector;
                for (int row = from; row < to; row++) {
                    if (ints.isNull(row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(ints.get(row), 0, 1);
                    }
                }
            }
            case DATE -> {
                DateDayVector days = (DateDayVector) vector;
                for (int row = from; row < to; row++) {
                    if (days.isNull(row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(days.get(row), 0, 1);
                    }
                }
            }
            case INT64 -> {
                BigIntVector longs = (BigIntVector) vector;
                for (int row = from; row < to; row++) {
                    if (longs.isNull(row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(longs.get(row), 0, 1);
                    }
                }
            }
            case DOUBLE -> {
                Float8Vector doubles = (Float8Vector) vector;
                for (int row = from; row < to; row++) {
                    if (doubles.isNull(row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(doubles.get(row), 0, 1);
                    }
                }
            }
            case STRING -> {
                VarCharVector strings = (VarCharVector) vector;
                for (int row = from; row < to; row++) {
                    if (strings.isNull(row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(Binary.fromConstantByteArray(strings.get(row)), 0, 1);
                    }
                }
            }
            default -> {
                for (int row = from; row < to; row++) {
                    if (vector.isNull(row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writeValue(writer, vector, row, 0, 1);
                    }
                }
            }
        }
    }

    private void writeArrays(ColumnWriter writer, FieldVector vector, int from, int to) {
        FieldVector elements = ArrayVectors.elements(vector);
        for (int row = from; row < to; row++) {
            if (vector.isNull(row)) {
                writer.writeNull(0, 0);
                continue;
            }
            if (ArrayVectors.isShaped(vector, row) && ArrayVectors.end(vector, row) > ArrayVectors.start(vector, row)) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "column \"" + name
                        + "\": only one-dimensional arrays with lower bound 1 can be written to Parquet");
            }
            int start = ArrayVectors.start(vector, row);
            int end = ArrayVectors.end(vector, row);
            if (start == end) {
                writer.writeNull(0, 1);
                continue;
            }
            for (int k = start; k < end; k++) {
                int repetition = k == start ? 0 : 1;
                if (elements.isNull(k)) {
                    writer.writeNull(repetition, 2);
                } else {
                    writeValue(writer, elements, k, repetition, 3);
                }
            }
        }
    }

    /** Writes the non-null value at {@code index}. */
    private void writeValue(ColumnWriter writer, FieldVector vector, int index, int repetition, int definition) {
        switch (kind) {
            case BOOLEAN -> writer.write(((BitVector) vector).get(index) != 0, repetition, definition);
            case INT16 -> writer.write((int) ((SmallIntVector) vector).get(index), repetition, definition);
            case INT32 -> writer.write(((IntVector) vector).get(index), repetition, definition);
            case DATE -> writer.write(((DateDayVector) vector).get(index), repetition, definition);
            case INT64 -> writer.write(((BigIntVector) vector).get(index), repetition, definition);
            case TIMETZ -> writer.write(utcTimeOfDay(((BigIntVector) vector).get(index)), repetition, definition);
            case FLOAT -> writer.write((float) ((Float8Vector) vector).get(index), repetition, definition);
            case DOUBLE -> writer.write(((Float8Vector) vector).get(index), repetition, definition);
            case DECIMAL_INT32 -> writer.write((int) scaledLong(vector, index), repetition, definition);
            case DECIMAL_INT64 -> writer.write(scaledLong(vector, index), repetition, definition);
            case DECIMAL_FIXED -> writer.write(Binary.fromConstantByteArray(bigEndian16((DecimalVector) vector, index)),
                    repetition, definition);
            case NUMERIC_TEXT -> writer.write(Binary.fromString(numericText(((VarBinaryVector) vector).get(index))),
                    repetition, definition);
            case STRING -> writer.write(Binary.fromConstantByteArray(((VarCharVector) vector).get(index)),
                    repetition, definition);
            case BYTES -> writer.write(Binary.fromConstantByteArray(((VarBinaryVector) vector).get(index)),
                    repetition, definition);
            case JSONB -> writer.write(Binary.fromConstantByteArray(JsonText.format(
                    JsonbDecoder.decode(((VarBinaryVector) vector).get(index))).getBytes(StandardCharsets.UTF_8)),
                    repetition, definition);
            case UUID -> writer.write(Binary.fromConstantByteArray(((FixedSizeBinaryVector) vector).get(index)),
                    repetition, definition);
            case INTERVAL -> writer.write(Binary.fromString(ValueAccess.text(LogicalType.INTERVAL,
                    Interval.fromBytes(((FixedSizeBinaryVector) vector).get(index)), DateTimeSettings.DEFAULT)),
                    repetition, definition);
            case VALUE_TEXT -> writer.write(Binary.fromString(ValueAccess.text(vector, index)), repetition, definition);
        }
    }

    /** A scaled NUMERIC; Basalt marks NaN with Long.MAX_VALUE, which no Parquet DECIMAL can hold. */
    private long scaledLong(FieldVector vector, int index) {
        long value = ((BigIntVector) vector).get(index);
        if (value == Long.MAX_VALUE) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "column \"" + name + "\": NaN cannot be written to a Parquet DECIMAL");
        }
        return value;
    }

    /** Arrow keeps a decimal's 16 bytes little-endian; Parquet wants them big-endian. NaN has no Parquet form. */
    private byte[] bigEndian16(DecimalVector vector, int index) {
        if (io.basalt.exec.vector.WideDecimalValues.isNaN(vector, index)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "column \"" + name + "\": NaN cannot be written to a Parquet DECIMAL");
        }
        ArrowBuf data = vector.getDataBuffer();
        long at = (long) index * DecimalVector.TYPE_WIDTH;
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = data.getByte(at + 15 - i);
        }
        return out;
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
