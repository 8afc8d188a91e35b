package io.basalt.exec.operator.join;

import io.basalt.error.BasaltException;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.DecimalCodec;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Hashing and equality of join keys of any type and number, the same on both sides of a join: values
 * that are equal in PostgreSQL's sense hash alike (-0 and 0, every NaN, 1.0 and 1.00 as NUMERIC). A row
 * with a NULL in any key column can match nothing; {@link #hash} flags it instead of hashing it.
 */
final class JoinKeyHashing {
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private JoinKeyHashing() {
    }

    /**
     * Writes the combined hash of the key columns of rows {@code [0, rows)} into {@code hashes}, and sets
     * {@code nullKey[row]} for the rows with a NULL key. One typed loop per column.
     */
    static void hash(FieldVector[] keys, int rows, long[] hashes, boolean[] nullKey) {
        java.util.Arrays.fill(hashes, 0, rows, SEED);
        java.util.Arrays.fill(nullKey, 0, rows, false);
        for (FieldVector column : keys) {
            if (column.getNullCount() > 0) {
                for (int i = 0; i < rows; i++) {
                    nullKey[i] |= column.isNull(i);
                }
            }
            hashColumn(column, rows, hashes);
        }
    }

    private static void hashColumn(FieldVector column, int rows, long[] hashes) {
        // Fixed-width values are read straight from the buffer: no per-row call, and no null check (a NULL
        // row's hash is never used).
        switch (column) {
            case BigIntVector v -> {
                MemorySegment values = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], mix(values.get(ArrowSegments.LONG, (long) i << 3)));
                }
            }
            case IntVector v -> hashInts(ArrowSegments.values(v), rows, hashes);
            case DateDayVector v -> hashInts(ArrowSegments.values(v), rows, hashes);
            case SmallIntVector v -> {
                MemorySegment values = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], mix(values.get(SHORT, (long) i << 1)));
                }
            }
            case Float8Vector v -> {
                MemorySegment values = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], mix(canonicalBits(values.get(ArrowSegments.DOUBLE, (long) i << 3))));
                }
            }
            case BitVector v -> {
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], mix(v.isNull(i) ? 2 : v.get(i)));
                }
            }
            case VarBinaryVector v -> {
                // Arbitrary-precision NUMERIC: equal values may differ in scale, so hash the normalised value.
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], v.isNull(i) ? 0 : decimalHash(v.get(i)));
                }
            }
            case BaseVariableWidthVector v -> {
                for (int i = 0; i < rows; i++) {
                    hashes[i] = combine(hashes[i], hashBytes(v, i));
                }
            }
            default -> throw BasaltException.internal("cannot hash join keys of " + column.getClass().getSimpleName());
        }
    }

    private static void hashInts(MemorySegment values, int rows, long[] hashes) {
        for (int i = 0; i < rows; i++) {
            hashes[i] = combine(hashes[i], mix(values.get(ArrowSegments.INT, (long) i << 2)));
        }
    }

    /** Whether row {@code i} of {@code probe} and row {@code j} of {@code build} hold equal, non-null keys. */
    static boolean keysEqual(FieldVector[] probe, int i, FieldVector[] build, int j) {
        for (int k = 0; k < probe.length; k++) {
            if (ValueComparison.compare(probe[k], i, build[k], j) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Equal doubles in PostgreSQL's sense (-0 = 0, NaN = NaN) hash alike. */
    private static long canonicalBits(double value) {
        if (value == 0.0) {
            return 0L;
        }
        return Double.isNaN(value) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(value);
    }

    private static long decimalHash(byte[] encoded) {
        BigDecimal value = DecimalCodec.decode(encoded).stripTrailingZeros();
        return mix(value.unscaledValue().hashCode() * 31L + value.scale());
    }

    private static long hashBytes(BaseVariableWidthVector vector, int row) {
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

    private static long combine(long seed, long value) {
        return (seed ^ value) * SEED + (seed >>> 29);
    }

    /** splitmix64's finaliser: spreads sequential keys over the table. */
    static long mix(long value) {
        long z = value + SEED;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
