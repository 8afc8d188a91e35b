package io.basalt.storage.column;

import io.basalt.exec.kernel.ArrowSegments;
import java.lang.foreign.MemorySegment;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Moves the values of fixed-width vectors between Arrow buffers and the {@code long[]} streams the encodings work on:
 * each value (or each 64-bit half of a 16-byte value) as a sign-extended long, doubles as their raw bits. On the way
 * out a NULL row takes the value of the row before it (leading NULLs the first value), so that NULLs neither widen a
 * frame nor break a run or a delta; the validity mask, stored apart, restores them.
 */
final class FixedWidthValues {
    private FixedWidthValues() {
    }

    /**
     * The values of rows {@code [from, from + count)}, NULLs filled; {@code half} picks the low (0) or high (1) 64 bits
     * of 16-byte values and is ignored otherwise.
     */
    static long[] read(FieldVector vector, ChunkLayout layout, int from, int count, int half) {
        long[] values = new long[count];
        if (count == 0) {
            return values;
        }
        MemorySegment data = ArrowSegments.of(vector.getDataBuffer());
        switch (layout) {
            case BOOLEAN -> {
                ArrowBuf bits = vector.getDataBuffer();
                for (int i = 0; i < count; i++) {
                    values[i] = BitVectorHelper.get(bits, from + i);
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = data.get(SHORT, (long) (from + i) * Short.BYTES);
                }
            }
            case INT32, DATE32 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = data.get(ArrowSegments.INT, (long) (from + i) * Integer.BYTES);
                }
            }
            case INT64, FLOAT64 -> MemorySegment.copy(data, ArrowSegments.LONG, (long) from * Long.BYTES, values, 0, count);
            case DECIMAL128, FIXED16 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = data.get(ArrowSegments.LONG, (long) (from + i) * 16 + half * Long.BYTES);
                }
            }
            case ARROW_IPC, UTF8, BINARY -> throw new IllegalArgumentException("not a fixed-width layout: " + layout);
        }
        fillNulls(vector, from, count, values);
        return values;
    }

    private static void fillNulls(FieldVector vector, int from, int count, long[] values) {
        if (vector.getNullCount() == 0) {
            return;
        }
        ArrowBuf validity = vector.getValidityBuffer();
        int first = 0;
        while (first < count && BitVectorHelper.get(validity, from + first) == 0) {
            first++;
        }
        if (first == count) {
            java.util.Arrays.fill(values, 0L);
            return;
        }
        java.util.Arrays.fill(values, 0, first, values[first]);
        for (int i = first + 1; i < count; i++) {
            if (BitVectorHelper.get(validity, from + i) == 0) {
                values[i] = values[i - 1];
            }
        }
    }

    /**
     * Writes {@code values[0, count)} into the data buffer of {@code vector} (allocated for {@code count} rows);
     * {@code high} holds the high halves of 16-byte values, else null.
     */
    static void write(FieldVector vector, ChunkLayout layout, long[] values, long[] high, int count) {
        MemorySegment data = ArrowSegments.of(vector.getDataBuffer());
        switch (layout) {
            case BOOLEAN -> {
                ArrowBuf bits = vector.getDataBuffer();
                bits.setZero(0, bits.capacity());
                for (int i = 0; i < count; i++) {
                    if (values[i] != 0) {
                        BitVectorHelper.setBit(bits, i);
                    }
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    data.set(SHORT, (long) i * Short.BYTES, (short) values[i]);
                }
            }
            case INT32, DATE32 -> {
                for (int i = 0; i < count; i++) {
                    data.set(ArrowSegments.INT, (long) i * Integer.BYTES, (int) values[i]);
                }
            }
            case INT64, FLOAT64 -> MemorySegment.copy(values, 0, data, ArrowSegments.LONG, 0, count);
            case DECIMAL128, FIXED16 -> {
                for (int i = 0; i < count; i++) {
                    data.set(ArrowSegments.LONG, (long) i * 16, values[i]);
                    data.set(ArrowSegments.LONG, (long) i * 16 + Long.BYTES, high[i]);
                }
            }
            case ARROW_IPC, UTF8, BINARY -> throw new IllegalArgumentException("not a fixed-width layout: " + layout);
        }
    }

    private static final java.lang.foreign.ValueLayout.OfShort SHORT =
        java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
}
