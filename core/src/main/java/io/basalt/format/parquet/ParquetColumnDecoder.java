package io.basalt.format.parquet;

import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ByteString;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.NumberText;
import io.basalt.type.TypeId;
import io.basalt.type.Uuid;
import io.basalt.type.datetime.IntervalInput;
import io.basalt.type.datetime.IntervalStyle;
import io.basalt.type.datetime.TimeWithZone;
import io.basalt.type.json.Jsonb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Decodes one column chunk of a file, batch by batch, from parquet-mr's {@link ColumnReader} into Arrow vectors
 * of the column's Basalt type. The conversion is chosen once per column chunk ({@link Kind}): the common
 * physical/logical pairs (plain integers, dates, microsecond timestamps, doubles, strings, decimals that fit a
 * long) each run a typed loop; the others (other time units, INT96, wide decimals, UUID, INTERVAL, JSON into
 * jsonb, text into numeric) and the elements of arrays go value by value through {@link #value}.
 */
final class ParquetColumnDecoder implements ColumnChunkDecoder {
    /** The typed loops; GENERIC goes value by value. BYTEA and UUID are only read page at a time. */
    enum Kind {
        BOOLEAN, INT16, INT32, DATE, INT64, FLOAT, DOUBLE, DECIMAL_INT32, DECIMAL_INT64, STRING, GENERIC, BYTEA, UUID
    }

    private static final long JULIAN_EPOCH_DAY = 2_440_588;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final String name;
    private final LogicalType type;
    private final LogicalType valueType;
    private final PrimitiveType primitive;
    private final ColumnReader reader;
    private final int maxDefinition;
    private final ParquetListShape list;
    private final Kind kind;
    private final long totalValues;
    private long valuesRead;

    /**
     * @param top    the file's top-level field of this column (a primitive, or a list group)
     * @param type   the Basalt type to produce (see {@link ParquetSchemaMapping#logicalType})
     * @param reader the reader of the column's single leaf, positioned at its first value
     */
    ParquetColumnDecoder(String name, Type top, LogicalType type, ColumnReader reader) {
        this.name = name;
        this.type = type;
        this.valueType = type.isArray() ? type.element() : type;
        this.reader = reader;
        ColumnDescriptor descriptor = reader.getDescriptor();
        this.primitive = descriptor.getPrimitiveType();
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.list = type.isArray() ? ParquetListShape.of(top, descriptor) : null;
        this.kind = type.isArray() ? Kind.GENERIC : kindOf(valueType, primitive);
        this.totalValues = reader.getTotalValueCount();
    }

    static Kind kindOf(LogicalType type, PrimitiveType primitive) {
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        PrimitiveTypeName physical = primitive.getPrimitiveTypeName();
        boolean decimal = annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
        boolean plainInt = annotation == null || annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                && i.isSigned();
        return switch (type.id()) {
            case BOOLEAN -> Kind.BOOLEAN;
            case SMALLINT -> physical == PrimitiveTypeName.INT32 ? Kind.INT16 : Kind.GENERIC;
            case INTEGER -> physical == PrimitiveTypeName.INT32 && plainInt ? Kind.INT32 : Kind.GENERIC;
            case DATE -> Kind.DATE;
            case BIGINT -> physical == PrimitiveTypeName.INT64 && plainInt ? Kind.INT64 : Kind.GENERIC;
            case TIMESTAMP, TIMESTAMPTZ -> physical == PrimitiveTypeName.INT64
                    && annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t
                    && t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? Kind.INT64 : Kind.GENERIC;
            case TIME -> physical == PrimitiveTypeName.INT64
                    && annotation instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t
                    && t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? Kind.INT64 : Kind.GENERIC;
            case REAL -> physical == PrimitiveTypeName.FLOAT ? Kind.FLOAT : Kind.GENERIC;
            case DOUBLE -> physical == PrimitiveTypeName.DOUBLE ? Kind.DOUBLE : Kind.GENERIC;
            case NUMERIC -> !decimal || !type.isScaledLong() ? Kind.GENERIC
                    : physical == PrimitiveTypeName.INT32 ? Kind.DECIMAL_INT32
                    : physical == PrimitiveTypeName.INT64 ? Kind.DECIMAL_INT64 : Kind.GENERIC;
            case TEXT, VARCHAR, CHAR, JSON, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY -> Kind.STRING;
            default -> Kind.GENERIC;
        };
    }

    @Override
    public FieldVector next(int rows, BufferAllocator allocator) {
        FieldVector vector = ValueAccess.allocate(type, name, allocator, rows);
        try {
            if (list != null) {
                readArrays(vector, rows);
            } else {
                readFlat(vector, rows);
            }
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException | Error failure) {
            vector.close();
            throw failure;
        }
    }

    // One typed loop per kind: a null is any definition level below the column's maximum.
    private void readFlat(FieldVector vector, int rows) {
        ColumnReader in = reader;
        int present = maxDefinition;
        switch (kind) {
            case INT32 -> {
                IntVector out = (IntVector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        out.set(row, in.getInteger());
                    }
                    in.consume();
                }
            }
            case INT16 -> {
                SmallIntVector out = (SmallIntVector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        out.set(row, in.getInteger());
                    }
                    in.consume();
                }
            }
            case DATE -> {
                DateDayVector out = (DateDayVector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        out.set(row, in.getInteger());
                    }
                    in.consume();
                }
            }
            case INT64, DECIMAL_INT64 -> {
                BigIntVector out = (BigIntVector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        out.set(row, in.getLong());
                    }
                    in.consume();
                }
            }
            case DECIMAL_INT32 -> {
                BigIntVector out = (BigIntVector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        out.set(row, in.getInteger());
                    }
                    in.consume();
                }
            }
            case DOUBLE -> {
                Float8Vector out = (Float8Vector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        out.set(row, in.getDouble());
                    }
                    in.consume();
                }
            }
            case FLOAT -> {
                Float8Vector out = (Float8Vector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        out.set(row, in.getFloat());
                    }
                    in.consume();
                }
            }
            case BOOLEAN -> {
                BitVector out = (BitVector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        out.set(row, in.getBoolean() ? 1 : 0);
                    }
                    in.consume();
                }
            }
            case STRING -> {
                VarCharVector out = (VarCharVector) vector;
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        Binary value = in.getBinary();
                        ByteBuffer bytes = value.toByteBuffer();
                        out.setSafe(row, bytes, bytes.position(), bytes.remaining());
                    }
                    in.consume();
                }
            }
            case GENERIC, BYTEA, UUID -> {
                for (int row = 0; row < rows; row++) {
                    if (in.getCurrentDefinitionLevel() == present) {
                        ValueAccess.set(vector, row, value());
                    }
                    in.consume();
                }
            }
        }
        valuesRead += rows;
    }

    /** Reads whole rows of a list column: a row's values run until the next repetition level 0. */
    private void readArrays(FieldVector vector, int rows) {
        FieldVector elements = ArrayVectors.elements(vector);
        for (int row = 0; row < rows; row++) {
            int definition = reader.getCurrentDefinitionLevel();
            if (definition < list.nullBelow()) {
                ArrayVectors.setNull(vector, row);
                advance();
                continue;
            }
            int at = ArrayVectors.startRow(vector, row);
            int count = 0;
            if (definition < list.emptyBelow()) {
                advance();
            } else {
                do {
                    if (reader.getCurrentDefinitionLevel() >= list.presentAt()) {
                        ValueAccess.set(elements, at + count, value());
                    } else {
                        ValueAccess.set(elements, at + count, null);
                    }
                    count++;
                    advance();
                } while (valuesRead < totalValues && reader.getCurrentRepetitionLevel() > 0);
            }
            ArrayVectors.endRow(vector, row, count);
        }
    }

    private void advance() {
        reader.consume();
        valuesRead++;
    }

    /** The current (non-null) value in the canonical Java form of {@link #valueType} (see {@link ValueAccess}). */
    private Object value() {
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        return switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN -> reader.getBoolean();
            case INT32 -> fromLong(annotation, unsigned32(annotation) ? reader.getInteger() & 0xffffffffL : reader.getInteger());
            case INT64 -> annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()
                    ? fromUnscaled(new BigInteger(Long.toUnsignedString(reader.getLong())), 0)
                    : fromLong(annotation, reader.getLong());
            case INT96 -> int96Micros(reader.getBinary());
            case FLOAT -> (double) reader.getFloat();
            case DOUBLE -> reader.getDouble();
            case BINARY, FIXED_LEN_BYTE_ARRAY -> fromBytes(annotation, reader.getBinary().getBytes());
        };
    }

    private static boolean unsigned32(LogicalTypeAnnotation annotation) {
        return annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
    }

    /** An INT32 or INT64 with its annotation: an integer, a date, a time or timestamp in some unit, a decimal. */
    private Object fromLong(LogicalTypeAnnotation annotation, long value) {
        return switch (annotation) {
            case LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal ->
                    fromUnscaled(BigInteger.valueOf(value), decimal.getScale());
            case LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp -> micros(value, timestamp.getUnit());
            case LogicalTypeAnnotation.TimeLogicalTypeAnnotation time -> {
                long micros = micros(value, time.getUnit());
                yield valueType.id() == TypeId.TIMETZ ? TimeWithZone.pack(micros, 0) : micros;
            }
            case null, default -> value;
        };
    }

    private static long micros(long value, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> value * 1000;
            case MICROS -> value;
            case NANOS -> Math.floorDiv(value, 1000);
        };
    }

    /** A decimal's unscaled value as the target NUMERIC holds it: a scaled long, or a BigDecimal. */
    private Object fromUnscaled(BigInteger unscaled, int scale) {
        if (valueType.isScaledLong()) {
            return new BigDecimal(unscaled, scale).setScale(valueType.scale()).unscaledValue().longValueExact();
        }
        return new BigDecimal(unscaled, scale);
    }

    private Object fromBytes(LogicalTypeAnnotation annotation, byte[] bytes) {
        if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return fromUnscaled(bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes), decimal.getScale());
        }
        return switch (valueType.id()) {
            case UUID -> Uuid.fromBytes(bytes);
            case INTERVAL -> annotation instanceof LogicalTypeAnnotation.IntervalLogicalTypeAnnotation
                    ? interval(bytes)
                    : IntervalInput.parse(new String(bytes, StandardCharsets.UTF_8), 0, IntervalStyle.POSTGRES);
            case BYTEA -> ByteString.wrap(bytes);
            case NUMERIC -> NumberText.parseNumeric(new String(bytes, StandardCharsets.UTF_8));
            case JSONB -> Jsonb.parse(new String(bytes, StandardCharsets.UTF_8));
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE ->
                    io.basalt.type.ValueConversion.parse(new String(bytes, StandardCharsets.UTF_8), valueType);
            default -> new String(bytes, StandardCharsets.UTF_8);
        };
    }

    /** Parquet INTERVAL: little-endian months, days, milliseconds (read signed, as DuckDB writes them). */
    private static Interval interval(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new Interval(buffer.getInt(), buffer.getInt(), buffer.getInt() * 1000L);
    }

    /** Impala/Spark INT96 timestamps: nanoseconds of the day, then the Julian day, little-endian. */
    private static long int96Micros(Binary value) {
        ByteBuffer buffer = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanos = buffer.getLong();
        long julianDay = buffer.getInt();
        return (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + nanos / 1000;
    }
}
