package io.basalt.storage.column;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.storage.column.encoding.RowBits;
import io.basalt.storage.column.kernel.DecodeKernelProvider;
import io.basalt.storage.column.kernel.DecodeKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;

/**
 * Sums and validity of a whole column chunk already decoded into an Arrow vector (the buffer cache's copy), read in
 * place: what {@link EncodedChunkSums} does on the encoded bytes, for chunks whose NULLs between values or whose
 * filter make the encoded form no cheaper than the decoded one. Once the chunk is cached, a query reads its values
 * (and bitmap) where the cache keeps them instead of decoding the chunk again.
 */
public final class DecodedChunkSums {
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final DecodeKernels kernels;
    private final long[] halves = new long[2];

    /** Sums with the kernels this JVM runs; not thread-safe (one per scan). */
    public static DecodedChunkSums create() {
        return new DecodedChunkSums(DecodeKernelProvider.kernels());
    }

    /** Sums running {@code kernels} (tests pass each implementation). */
    public DecodedChunkSums(DecodeKernels kernels) {
        this.kernels = kernels;
    }

    /** The width in bytes of {@code vector}'s integer values (2, 4 or 8), or 0 when it is not an integer vector. */
    public static int integerWidth(FieldVector vector) {
        if (!(vector instanceof BaseFixedWidthVector fixed) || vector instanceof FloatingPointVector) {
            return 0;
        }
        int width = fixed.getTypeWidth();
        return width == Short.BYTES || width == Integer.BYTES || width == Long.BYTES ? width : 0;
    }

    /**
     * The non-NULL rows of {@code vector}'s first {@code rows} rows as {@link RowBits} (bit {@code r}: row {@code r}
     * holds a value), read from its validity bitmap (Arrow's bit order is the same); null when no row is NULL.
     */
    public static long[] validBits(FieldVector vector, int rows) {
        if (ArrowSegments.nullCount(vector) == 0) {
            return null;
        }
        long[] valid = RowBits.empty(rows);
        MemorySegment bitmap = ArrowSegments.of(vector.getValidityBuffer());
        int words = rows >>> 6;
        if (bitmap.byteSize() >= (long) words * Long.BYTES) {
            for (int w = 0; w < words; w++) {
                valid[w] = bitmap.get(ArrowSegments.LONG, (long) w * Long.BYTES);
            }
        } else {
            words = 0;
        }
        for (int row = words << 6; row < rows; row++) {
            valid[row >>> 6] |= (long) ((bitmap.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1) << row;
        }
        return valid;
    }

    /**
     * Adds the values of rows {@code r < rows} of {@code vector} (an integer vector, {@link #integerWidth} positive)
     * whose bit is set in {@code bits} to {@code sum}, a signed 128-bit integer as {@code {low 64 bits, high 64 bits}}.
     */
    public void sumSelected(FieldVector vector, long[] bits, int rows, long[] sum) {
        MemorySegment values = ArrowSegments.values(vector);
        int width = integerWidth(vector);
        if (width == Long.BYTES) {
            halves[0] = 0;
            halves[1] = 0;
            kernels.sumMasked(values, bits, rows, halves);
            DecodeKernels.addHalves(halves, sum);
            return;
        }
        // 2^17 rows of at most 2^31 in magnitude: the sum fits a long
        long total = 0;
        if (width == Integer.BYTES) {
            for (int row = 0; row < rows; row++) {
                long keep = -((bits[row >>> 6] >>> row) & 1);
                total += values.getAtIndex(ArrowSegments.INT, row) & keep;
            }
        } else {
            for (int row = 0; row < rows; row++) {
                long keep = -((bits[row >>> 6] >>> row) & 1);
                total += values.getAtIndex(SHORT, row) & keep;
            }
        }
        long before = sum[0];
        sum[0] = before + total;
        sum[1] += (total >> 63) + (Long.compareUnsigned(sum[0], before) < 0 ? 1 : 0);
    }
}
