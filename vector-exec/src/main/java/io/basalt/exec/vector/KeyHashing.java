package io.basalt.exec.vector;

import io.basalt.error.BasaltException;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.type.DecimalCodec;
import io.basalt.type.Interval;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
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

/**
 * Hashes of key columns for hash tables (GROUP BY, DISTINCT, joins): values equal in PostgreSQL's sense
 * hash alike (-0 and 0, every NaN, NUMERIC 1.0 and 1.00, INTERVAL '1 day' and '24 hours'; uuid and bytea
 * by their bytes), and every NULL
 * hashes to one constant. A column's hashes are computed in one typed loop over its buffer, then folded
 * into the running row hashes.
 */
public final class KeyHashing {
    /** The starting value of a row hash, before any column is folded in. */
    public static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long NULL_HASH = 0x5bd1e995L;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private KeyHashing() {
    }

    /**
     * Folds the hash of each of rows {@code [0, rows)} of {@code column} into {@code hashes}; {@code scratch}
     * must hold at least {@code rows} values.
     */
    public static void hashColumn(FieldVector column, int rows, long[] hashes, long[] scratch) {
        valueHashes(column, rows, scratch);
        if (column.getNullCount() > 0) {
            for (int i = 0; i < rows; i++) {
                if (column.isNull(i)) {
                    scratch[i] = NULL_HASH;
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            hashes[i] = combine(hashes[i], scratch[i]);
        }
    }

    /** Hashes of the values (NULL rows get an unspecified value), read straight from the buffers. */
    private static void valueHashes(FieldVector column, int rows, long[] out) {
        switch (column) {
            case BigIntVector v -> {
                MemorySegment values = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(values.get(ArrowSegments.LONG, (long) i << 3));
                }
            }
            case IntVector v -> ints(ArrowSegments.values(v), rows, out);
            case DateDayVector v -> ints(ArrowSegments.values(v), rows, out);
            case SmallIntVector v -> {
                MemorySegment values = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(values.get(SHORT, (long) i << 1));
                }
            }
            case Float8Vector v -> {
                MemorySegment values = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(canonicalBits(values.get(ArrowSegments.DOUBLE, (long) i << 3)));
                }
            }
            case BitVector v -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(v.isNull(i) ? 2 : v.get(i));
                }
            }
            case DecimalVector v -> {
                // One column has one scale, so equal values have equal 128-bit representations.
                ArrowBuf data = v.getDataBuffer();
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(data.getLong((long) i * 16) ^ mix(data.getLong((long) i * 16 + 8)));
                }
            }
            case FixedSizeBinaryVector v when BinaryVectors.holdsUuid(v) -> {
                ArrowBuf data = v.getDataBuffer();
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(data.getLong((long) i * 16) ^ mix(data.getLong((long) i * 16 + 8)));
                }
            }
            case FixedSizeBinaryVector v -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = v.isNull(i) ? 0 : mix(Interval.fromBytes(v.get(i)).normalizedHash());
                }
            }
            case VarBinaryVector v when BinaryVectors.holdsJsonb(v) -> {
                // equal jsonb values may differ in bytes (1.0 and 1), so hash the structure
                MemorySegment data = ArrowSegments.of(v.getDataBuffer());
                ArrowBuf offsets = v.getOffsetBuffer();
                for (int i = 0; i < rows; i++) {
                    out[i] = v.isNull(i) ? 0 : mix(io.basalt.type.json.JsonbComparison.hash(data,
                            offsets.getInt((long) i * 4), offsets.getInt((long) (i + 1) * 4)));
                }
            }
            case VarBinaryVector v when BinaryVectors.holdsBytea(v) -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = bytesHash(v, i);
                }
            }
            case VarBinaryVector v -> {
                // Arbitrary-precision NUMERIC: equal values may differ in scale, so hash the normalised value.
                for (int i = 0; i < rows; i++) {
                    out[i] = v.isNull(i) ? 0 : decimalHash(v.get(i));
                }
            }
            case BaseVariableWidthVector v -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = bytesHash(v, i);
                }
            }
            case org.apache.arrow.vector.complex.StructVector v when RecordVectors.isRecord(v) -> recordHashes(v, rows, out);
            case org.apache.arrow.vector.complex.StructVector v -> arrayHashes(v, rows, out);
            default -> throw BasaltException.internal("cannot hash keys of " + column.getClass().getSimpleName());
        }
    }

    /** A record hashes as its fields folded in order (a NULL field as every NULL), then its field count. */
    private static void recordHashes(FieldVector vector, int rows, long[] out) {
        long[] hashes = new long[rows];
        java.util.Arrays.fill(hashes, SEED);
        long[] scratch = new long[rows];
        int count = RecordVectors.fieldCount(vector);
        for (int f = 0; f < count; f++) {
            hashColumn(RecordVectors.field(vector, f), rows, hashes, scratch);
        }
        for (int i = 0; i < rows; i++) {
            out[i] = mix(hashes[i] + count);
        }
    }

    /** An array hashes as its elements folded in order (equal arrays have equal elements), then its length. */
    private static void arrayHashes(FieldVector vector, int rows, long[] out) {
        int elementCount = rows == 0 ? 0 : ArrayVectors.end(vector, rows - 1);
        long[] elementHashes = new long[elementCount];
        long[] scratch = new long[elementCount];
        FieldVector elements = ArrayVectors.elements(vector);
        hashColumn(elements, elementCount, elementHashes, scratch);
        for (int i = 0; i < rows; i++) {
            int start = ArrayVectors.start(vector, i);
            int end = ArrayVectors.end(vector, i);
            long hash = SEED;
            for (int k = start; k < end; k++) {
                hash = combine(hash, elementHashes[k]);
            }
            out[i] = mix(hash + end - start);
        }
    }

    private static void ints(MemorySegment values, int rows, long[] out) {
        for (int i = 0; i < rows; i++) {
            out[i] = mix(values.get(ArrowSegments.INT, (long) i << 2));
        }
    }

    /** Equal doubles in PostgreSQL's sense (-0 = 0, NaN = NaN) hash alike. */
    private static long canonicalBits(double value) {
        if (value == 0.0) {
            return 0L;
        }
        return Double.isNaN(value) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(value);
    }

    private static long decimalHash(byte[] encoded) {
        BigDecimal value = DecimalCodec.decode(encoded);
        if (value.signum() == 0) {
            return mix(0);
        }
        value = value.stripTrailingZeros();
        return mix(value.unscaledValue().hashCode() * 31L + value.scale());
    }

    private static long bytesHash(BaseVariableWidthVector vector, int row) {
        ArrowBuf offsets = vector.getOffsetBuffer();
        long start = offsets.getInt((long) row * 4);
        long end = offsets.getInt((long) (row + 1) * 4);
        ArrowBuf data = vector.getDataBuffer();
        long hash = 0xcbf29ce484222325L;
        for (long p = start; p < end; p++) {
            hash = (hash ^ (data.getByte(p) & 0xff)) * 0x100000001b3L;
        }
        return mix(hash);
    }

    /** Folds one column's hash into a row's running hash. */
    public static long combine(long seed, long value) {
        return (seed ^ value) * SEED + (seed >>> 29);
    }

    /** splitmix64's finaliser: spreads sequential keys over a table. */
    public static long mix(long value) {
        long z = value + SEED;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
