package io.basalt.storage.column;

import io.basalt.exec.vector.ValueComparison;
import io.basalt.exec.vector.WideDecimalValues;
import io.basalt.storage.column.encoding.BinaryValueAnalysis;
import io.basalt.storage.column.encoding.DistinctSketch;
import io.basalt.type.ByteString;
import io.basalt.type.DecimalCodec;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.Uuid;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The statistics of a chunk computed from the same arrays the encoders read (NULL rows filled with a neighbour's
 * value, so the extremes and distinct values of the filled arrays are those of the non-NULL rows): the smallest and
 * largest value as the engine orders them ({@link ValueComparison}), and a distinct-count estimate.
 *
 * <p>Bounds are given only where the engine's order is certain: signed integers (incl. dates, times, timestamps,
 * scaled NUMERIC whose NaN is the largest long), booleans, doubles (NaN above everything, as PostgreSQL; a zero bound
 * is given as -0.0 for a minimum and +0.0 for a maximum so that both Double.compare and PostgreSQL's order see it as
 * a bound), 128-bit NUMERIC, arbitrary NUMERIC (BigDecimal order, which puts the special values where PostgreSQL
 * does), UUID (unsigned bytes), INTERVAL ({@link Interval#compareTo}), and TEXT, VARCHAR and BYTEA by unsigned bytes
 * (the engine's C collation). CHAR (blank-padded semantics), JSON and JSONB get none. Text and bytea bounds longer
 * than {@link #BOUND_BYTES} bytes are shortened: the minimum to a prefix, the maximum to a prefix whose last
 * character is incremented, which is still at least every value of the chunk.
 */
final class ChunkBounds {
    static final int BOUND_BYTES = 64;

    private ChunkBounds() {
    }

    /** Statistics of an integer-like chunk whose filled values are {@code values[0, count)}. */
    static ChunkStatistics ofIntegers(ChunkLayout layout, long[] values, int count, int nulls) {
        if (nulls == count) {
            return new ChunkStatistics(count, nulls, null, null, 0);
        }
        long min = values[0];
        long max = values[0];
        DistinctSketch sketch = new DistinctSketch();
        for (int i = 0; i < count; i++) {
            long value = values[i];
            min = Math.min(min, value);
            max = Math.max(max, value);
            sketch.addLong(value);
        }
        if (layout == ChunkLayout.BOOLEAN) {
            return new ChunkStatistics(count, nulls, min != 0, max != 0, min == max ? 1 : 2);
        }
        return new ChunkStatistics(count, nulls, min, max, sketch.estimate());
    }

    /** Statistics of a double chunk whose filled raw bits are {@code bits[0, count)}. */
    static ChunkStatistics ofDoubles(long[] bits, int count, int nulls) {
        if (nulls == count) {
            return new ChunkStatistics(count, nulls, null, null, 0);
        }
        double min = Double.longBitsToDouble(bits[0]);
        double max = min;
        DistinctSketch sketch = new DistinctSketch();
        for (int i = 0; i < count; i++) {
            double value = Double.longBitsToDouble(bits[i]);
            if (ValueComparison.compareDoubles(value, min) < 0) {
                min = value;
            }
            if (ValueComparison.compareDoubles(value, max) > 0) {
                max = value;
            }
            // Equal as SQL compares: one NaN, one zero.
            sketch.addLong(value == 0 ? 0 : Double.isNaN(value) ? 0x7ff8000000000000L : bits[i]);
        }
        return new ChunkStatistics(count, nulls, min == 0 ? -0.0 : min, max == 0 ? 0.0 : max, sketch.estimate());
    }

    /** Statistics of a 128-bit decimal chunk of scale {@code scale}. */
    static ChunkStatistics ofDecimals(long[] low, long[] high, int count, int nulls, int scale) {
        if (nulls == count) {
            return new ChunkStatistics(count, nulls, null, null, 0);
        }
        int min = 0;
        int max = 0;
        DistinctSketch sketch = new DistinctSketch();
        for (int i = 0; i < count; i++) {
            if (compareWide(low, high, i, min) < 0) {
                min = i;
            }
            if (compareWide(low, high, i, max) > 0) {
                max = i;
            }
            sketch.addLong(low[i] ^ DistinctSketch.mix(high[i]));
        }
        return new ChunkStatistics(count, nulls, decimal(low[min], high[min], scale), decimal(low[max], high[max], scale),
            sketch.estimate());
    }

    private static int compareWide(long[] low, long[] high, int i, int j) {
        return high[i] != high[j] ? Long.compare(high[i], high[j]) : Long.compareUnsigned(low[i], low[j]);
    }

    /** The 128-bit value as a decimal; NaN's sentinel as NaN, so that zone maps order it as NaN. */
    private static BigDecimal decimal(long low, long high, int scale) {
        if (high == WideDecimalValues.NAN_HIGH && low == WideDecimalValues.NAN_LOW) {
            return io.basalt.type.NumericSpecial.NAN;
        }
        BigInteger unscaled = BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
        return new BigDecimal(unscaled, scale);
    }

    /** Statistics of a 16-byte chunk holding {@code type} (UUID or INTERVAL). */
    static ChunkStatistics ofSixteenBytes(long[] low, long[] high, int count, int nulls, TypeId type) {
        if (nulls == count) {
            return new ChunkStatistics(count, nulls, null, null, 0);
        }
        DistinctSketch sketch = new DistinctSketch();
        if (type == TypeId.UUID) {
            int min = 0;
            int max = 0;
            for (int i = 0; i < count; i++) {
                if (compareUuids(low, high, i, min) < 0) {
                    min = i;
                }
                if (compareUuids(low, high, i, max) > 0) {
                    max = i;
                }
                sketch.addLong(low[i] ^ DistinctSketch.mix(high[i]));
            }
            return new ChunkStatistics(count, nulls, Uuid.fromBytes(bytes(low[min], high[min])),
                Uuid.fromBytes(bytes(low[max], high[max])), sketch.estimate());
        }
        Interval min = Interval.fromBytes(bytes(low[0], high[0]));
        Interval max = min;
        for (int i = 0; i < count; i++) {
            Interval value = Interval.fromBytes(bytes(low[i], high[i]));
            if (value.compareTo(min) < 0) {
                min = value;
            }
            if (value.compareTo(max) > 0) {
                max = value;
            }
            sketch.addLong(value.normalizedHash());
        }
        return new ChunkStatistics(count, nulls, min, max, sketch.estimate());
    }

    private static int compareUuids(long[] low, long[] high, int i, int j) {
        long a = Long.reverseBytes(low[i]);
        long b = Long.reverseBytes(low[j]);
        return a != b ? Long.compareUnsigned(a, b) : Long.compareUnsigned(Long.reverseBytes(high[i]), Long.reverseBytes(high[j]));
    }

    private static byte[] bytes(long low, long high) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(low).putLong(high).array();
    }

    /** Whether {@link #ofVariableWidth} takes the extremes of a chunk of {@code type} by unsigned bytes. */
    static boolean boundsByBytes(TypeId type) {
        return switch (type) {
            case TEXT, VARCHAR, UNKNOWN, BYTEA -> true;
            default -> false;
        };
    }

    /**
     * Statistics of a variable-width chunk of {@code type}; NULL rows are empty and marked in {@code isNull}. The
     * distinct estimate and, where {@link #boundsByBytes} holds, the extremes come from {@code analysis} (made with
     * bounds asked for exactly then); NUMERIC's come from its values.
     */
    static ChunkStatistics ofVariableWidth(byte[] data, int[] offsets, boolean[] isNull, int count, int nulls, TypeId type,
                                           BinaryValueAnalysis analysis) {
        if (nulls == count) {
            return new ChunkStatistics(count, nulls, null, null, 0);
        }
        if (type == TypeId.NUMERIC) {
            DistinctSketch sketch = new DistinctSketch();
            BigDecimal min = null;
            BigDecimal max = null;
            for (int i = 0; i < count; i++) {
                if (isNull != null && isNull[i]) {
                    continue;
                }
                BigDecimal value = DecimalCodec.decode(Arrays.copyOfRange(data, offsets[i], offsets[i + 1]));
                min = min == null || value.compareTo(min) < 0 ? value : min;
                max = max == null || value.compareTo(max) > 0 ? value : max;
                sketch.addLong(ValueComparison.equalityKey(value).hashCode());
            }
            return new ChunkStatistics(count, nulls, min, max, sketch.estimate());
        }
        long distinct = analysis.sketch().estimate();
        return switch (type) {
            case TEXT, VARCHAR, UNKNOWN -> textBounds(data, offsets, analysis.minRow(), analysis.maxRow(), count, nulls,
                distinct);
            case BYTEA -> byteaBounds(data, offsets, analysis.minRow(), analysis.maxRow(), count, nulls, distinct);
            default -> new ChunkStatistics(count, nulls, null, null, distinct);
        };
    }

    private static ChunkStatistics textBounds(byte[] data, int[] offsets, int min, int max, int count, int nulls,
                                              long distinct) {
        String low = new String(data, offsets[min], Math.min(offsets[min + 1] - offsets[min], characterBoundary(data,
            offsets[min], offsets[min + 1])), StandardCharsets.UTF_8);
        int maxLength = offsets[max + 1] - offsets[max];
        String high;
        if (maxLength <= BOUND_BYTES) {
            high = new String(data, offsets[max], maxLength, StandardCharsets.UTF_8);
        } else {
            high = incrementedPrefix(new String(data, offsets[max],
                characterBoundary(data, offsets[max], offsets[max + 1]), StandardCharsets.UTF_8));
        }
        return high == null ? new ChunkStatistics(count, nulls, null, null, distinct)
            : new ChunkStatistics(count, nulls, low, high, distinct);
    }

    /** The length of the longest prefix of at most BOUND_BYTES bytes of {@code data[start, end)} that ends on a character. */
    private static int characterBoundary(byte[] data, int start, int end) {
        if (end - start <= BOUND_BYTES) {
            return end - start;
        }
        int length = BOUND_BYTES;
        while (length > 0 && (data[start + length] & 0xc0) == 0x80) {
            length--;
        }
        return length;
    }

    /** The shortest string greater than every string starting with {@code prefix}, or null when there is none. */
    private static String incrementedPrefix(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            int next = codePoints[i] + 1;
            if (next == Character.MIN_SURROGATE) {
                next = Character.MAX_SURROGATE + 1;
            }
            if (next <= Character.MAX_CODE_POINT) {
                codePoints[i] = next;
                return new String(codePoints, 0, i + 1);
            }
        }
        return null;
    }

    private static ChunkStatistics byteaBounds(byte[] data, int[] offsets, int min, int max, int count, int nulls,
                                               long distinct) {
        int minLength = Math.min(offsets[min + 1] - offsets[min], BOUND_BYTES);
        ByteString low = ByteString.wrap(Arrays.copyOfRange(data, offsets[min], offsets[min] + minLength));
        int maxLength = offsets[max + 1] - offsets[max];
        if (maxLength <= BOUND_BYTES) {
            return new ChunkStatistics(count, nulls, low,
                ByteString.wrap(Arrays.copyOfRange(data, offsets[max], offsets[max + 1])), distinct);
        }
        byte[] prefix = Arrays.copyOfRange(data, offsets[max], offsets[max] + BOUND_BYTES);
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xff) {
                prefix[i]++;
                return new ChunkStatistics(count, nulls, low, ByteString.wrap(Arrays.copyOf(prefix, i + 1)), distinct);
            }
        }
        return new ChunkStatistics(count, nulls, null, null, distinct);
    }

    /** The logical type id a field holds. */
    static TypeId typeOf(org.apache.arrow.vector.types.pojo.Field field) {
        return LogicalType.of(field).id();
    }
}
