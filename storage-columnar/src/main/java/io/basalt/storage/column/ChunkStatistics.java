package io.basalt.storage.column;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.ByteString;
import io.basalt.type.DecimalCodec;
import io.basalt.type.Interval;
import io.basalt.type.Uuid;
import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a zone map knows of one column chunk: its row count and NULL count, (when known) the smallest and largest
 * non-NULL value, as the Java values {@link io.basalt.exec.vector.ValueAccess#get} returns for the column's type, and
 * an estimate of the number of distinct non-NULL values ({@link #UNKNOWN_DISTINCT} when not known).
 *
 * <p>Bounds: both or neither are given. {@code min <= every value <= max} in the engine's order for the type (see
 * {@link ChunkBounds} for which types get bounds and how: doubles order NaN last, a zero minimum is -0.0 and a zero
 * maximum +0.0; long text and bytea bounds are shortened prefixes, so a bound need not be a value of the chunk).
 *
 * <p>Serialized beside the chunk by {@link #serialize} / {@link #deserialize}: a version byte (0: counts only, the
 * first format; 1: counts, distinct estimate and tagged bounds), then the fields, little-endian.
 */
public record ChunkStatistics(int rowCount, int nullCount, Object min, Object max, long distinctCount) {
    /** The distinct count of statistics that do not know it. */
    public static final long UNKNOWN_DISTINCT = -1;
    private static final byte FORMAT_WITHOUT_BOUNDS = 0;
    private static final byte FORMAT_WITH_BOUNDS = 1;
    private static final byte NO_VALUE = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte STRING = 4;
    private static final byte BYTES = 5;
    private static final byte UUID = 6;
    private static final byte INTERVAL = 7;
    private static final byte DECIMAL = 8;

    public ChunkStatistics {
        if ((min == null) != (max == null)) {
            throw new IllegalArgumentException("a chunk has both bounds or neither");
        }
    }

    /** Statistics with bounds and an unknown distinct count. */
    public ChunkStatistics(int rowCount, int nullCount, Object min, Object max) {
        this(rowCount, nullCount, min, max, UNKNOWN_DISTINCT);
    }

    /** Statistics without value bounds. */
    public static ChunkStatistics counts(int rowCount, int nullCount) {
        return new ChunkStatistics(rowCount, nullCount, null, null, UNKNOWN_DISTINCT);
    }

    /** Whether the bounds are known. */
    public boolean hasBounds() {
        return min != null;
    }

    /** The bytes stored in the zone map. */
    public byte[] serialize() {
        byte[] low = valueBytes(min);
        byte[] high = valueBytes(max);
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 + 8 + low.length + high.length)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.put(FORMAT_WITH_BOUNDS).putInt(rowCount).putInt(nullCount).putLong(distinctCount).put(low).put(high);
        return out.array();
    }

    private static byte[] valueBytes(Object value) {
        byte[] payload;
        byte tag;
        switch (value) {
            case null -> {
                return new byte[] {NO_VALUE};
            }
            case Long number -> {
                tag = LONG;
                payload = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(number).array();
            }
            case Double number -> {
                tag = DOUBLE;
                payload = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(Double.doubleToRawLongBits(number)).array();
            }
            case Boolean bool -> {
                tag = BOOLEAN;
                payload = new byte[] {(byte) (bool ? 1 : 0)};
            }
            case String text -> {
                tag = STRING;
                payload = text.getBytes(StandardCharsets.UTF_8);
            }
            case ByteString bytes -> {
                tag = BYTES;
                payload = bytes.toByteArray();
            }
            case Uuid uuid -> {
                tag = UUID;
                payload = uuid.toBytes();
            }
            case Interval interval -> {
                tag = INTERVAL;
                payload = interval.toBytes();
            }
            case BigDecimal decimal -> {
                tag = DECIMAL;
                payload = DecimalCodec.encode(decimal);
            }
            default -> throw BasaltException.internal("no statistics form for " + value.getClass().getSimpleName());
        }
        return ByteBuffer.allocate(5 + payload.length).order(java.nio.ByteOrder.LITTLE_ENDIAN).put(tag).putInt(payload.length).put(payload).array();
    }

    /**
     * Reads what {@link #serialize} wrote for a column of {@code type} (either format version).
     *
     * @throws BasaltException DATA_CORRUPTED when the bytes are not statistics
     */
    public static ChunkStatistics deserialize(byte[] bytes, io.basalt.type.LogicalType type) {
        try {
            if (bytes.length == 9 && bytes[0] == FORMAT_WITHOUT_BOUNDS) {
                ByteBuffer in = ByteBuffer.wrap(bytes, 1, 8);
                return counts(in.getInt(), in.getInt());
            }
            ByteBuffer in = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (in.get() != FORMAT_WITH_BOUNDS) {
                throw corrupted();
            }
            int rows = in.getInt();
            int nulls = in.getInt();
            long distinct = in.getLong();
            Object min = readValue(in);
            Object max = readValue(in);
            if (in.hasRemaining() || rows < 0 || nulls < 0 || nulls > rows || (min == null) != (max == null)) {
                throw corrupted();
            }
            return new ChunkStatistics(rows, nulls, min, max, distinct);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            throw corrupted();
        }
    }

    private static Object readValue(ByteBuffer in) {
        byte tag = in.get();
        if (tag == NO_VALUE) {
            return null;
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw corrupted();
        }
        byte[] payload = new byte[length];
        in.get(payload);
        ByteBuffer value = ByteBuffer.wrap(payload).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Object result = switch (tag) {
            case LONG -> value.getLong();
            case DOUBLE -> Double.longBitsToDouble(value.getLong());
            case BOOLEAN -> payload[0] != 0;
            case STRING -> new String(payload, StandardCharsets.UTF_8);
            case BYTES -> ByteString.wrap(payload);
            case UUID -> Uuid.fromBytes(payload);
            case INTERVAL -> Interval.fromBytes(payload);
            case DECIMAL -> DecimalCodec.decode(payload);
            default -> throw corrupted();
        };
        boolean exact = switch (tag) {
            case LONG, DOUBLE -> length == 8;
            case BOOLEAN -> length == 1;
            case UUID, INTERVAL -> length == 16;
            case DECIMAL -> length >= 3;
            default -> true;
        };
        if (!exact) {
            throw corrupted();
        }
        return result;
    }

    private static BasaltException corrupted() {
        return BasaltException.of(SqlState.DATA_CORRUPTED, "invalid column chunk statistics");
    }
}
