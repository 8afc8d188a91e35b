package io.basalt.exec.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Views Arrow buffers as {@link MemorySegment}s so that they can be handed to {@link Kernels}, and names
 * the little-endian layouts in which Arrow stores fixed-width values.
 *
 * <p>A segment made here does not own its memory: it is valid only while the Arrow buffer it views is
 * open and not reallocated. Use it for the duration of one kernel call, as a batch is used.
 */
public final class ArrowSegments {
    /** A 64-bit integer as Arrow stores it (little-endian, no alignment assumed). */
    public static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** A 32-bit integer as Arrow stores it. */
    public static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** A double as Arrow stores it. */
    public static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private ArrowSegments() {
    }

    /** The whole capacity of {@code buffer} as a segment (needs {@code --enable-native-access}). */
    @SuppressWarnings("restricted") // the size comes from Arrow's own bookkeeping of the buffer
    public static MemorySegment of(ArrowBuf buffer) {
        return MemorySegment.ofAddress(buffer.memoryAddress()).reinterpret(buffer.capacity());
    }

    /** The data buffer of a fixed-width vector (BigIntVector, IntVector, Float8Vector, ...). */
    public static MemorySegment values(FieldVector vector) {
        return of(vector.getDataBuffer());
    }

    /**
     * The validity bitmap of {@code vector}, or null when it holds no null, which is what {@link Kernels}
     * takes for "no nulls". Counting the nulls reads the bitmap unless the vector caches the count.
     */
    public static MemorySegment validity(FieldVector vector) {
        return nullCount(vector) == 0 ? null : of(vector.getValidityBuffer());
    }

    /**
     * The validity bitmap of {@code vector}, or null when none of the rows from {@code positions[0]} to
     * {@code positions[count - 1]} (ascending, as a batch's selection is; {@code count > 0}) is NULL: only the part of
     * the bitmap the selection spans is read. A selective batch is a few thousand rows of a scan chunk of a hundred
     * thousand or more, and {@link #validity} counted the whole chunk's NULLs for every batch (TPC-H Q2's and Q5's
     * key filters spent more time counting than testing keys).
     */
    public static MemorySegment validityAt(FieldVector vector, int[] positions, int count) {
        ArrowBuf buffer = vector.getValidityBuffer();
        int end = positions[count - 1] + 1;
        if (!(vector instanceof org.apache.arrow.vector.BaseFixedWidthVector
                || vector instanceof org.apache.arrow.vector.BaseVariableWidthVector)
                || buffer == null || end > vector.getValueCount() || buffer.capacity() < (end + 7) / 8) {
            return validity(vector);
        }
        MemorySegment bits = of(buffer);
        long row = positions[0];
        while (row < end) {
            if ((row & 63) == 0 && row + 64 <= end) {
                if (bits.get(LONG, row >>> 3) != -1L) {
                    return bits;
                }
                row += 64;
            } else {
                if (((bits.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1) == 0) {
                    return bits;
                }
                row++;
            }
        }
        return null;
    }

    /**
     * The validity bitmap of {@code vector} (of {@code count} rows) without counting its NULLs first, for a kernel
     * that ANDs the bitmap into what it computes anyway: the bitmap, a separate allocation out of cache for every batch
     * of a large scan, is then read alongside the values instead of waited for before them. Falls back to
     * {@link #validity} when the vector has no bitmap of {@code count} bits.
     */
    public static MemorySegment validityUncounted(FieldVector vector, int count) {
        ArrowBuf buffer = vector.getValidityBuffer();
        return buffer != null && buffer.capacity() >= (count + 7) / 8 ? of(buffer) : validity(vector);
    }

    /**
     * {@code vector.getNullCount()}, counted a 64-bit word of the bitmap at a time for fixed- and variable-width
     * vectors (Arrow's own count goes byte by byte, which costs as much as summing a batch of longs).
     */
    public static int nullCount(FieldVector vector) {
        int count = vector.getValueCount();
        if (count == 0 || !(vector instanceof org.apache.arrow.vector.BaseFixedWidthVector
                || vector instanceof org.apache.arrow.vector.BaseVariableWidthVector)) {
            return vector.getNullCount();
        }
        ArrowBuf buffer = vector.getValidityBuffer();
        if (buffer.capacity() < (count + 7) / 8) {
            return vector.getNullCount();
        }
        MemorySegment bits = of(buffer);
        int valid = 0;
        int words = count >>> 6;
        for (int w = 0; w < words; w++) {
            valid += Long.bitCount(bits.get(LONG, (long) w << 3));
        }
        for (int row = words << 6; row < count; row++) {
            valid += (bits.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1;
        }
        return count - valid;
    }
}
