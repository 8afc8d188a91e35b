package io.basalt.format.parquet.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link PackedIndexKernels} in plain Java, the reference for {@link VectorPackedIndexKernels}. Eight values of a
 * group start on a byte boundary whatever the width (they take exactly {@code width} bytes): widths up to 8 read
 * one 8-byte word per group, wider ones one word per value at offsets fixed by the width (a width of at most 32
 * plus a shift of at most 7 fits in 64 bits).
 */
public final class PlainPackedIndexKernels implements PackedIndexKernels {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG_LAYOUT = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT_LAYOUT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Override
    public void unpack(byte[] data, int from, int width, int[] out, int at, int groups) {
        unpackGroups(data, from, width, out, at, groups);
    }

    /** The scalar unpacking, also the vector kernel's tail and its path for widths it does not vectorize. */
    static void unpackGroups(byte[] data, int from, int width, int[] out, int at, int groups) {
        long mask = width == 32 ? 0xffffffffL : (1L << width) - 1;
        int index = from;
        int i = at;
        if (width <= 8) {
            for (int g = 0; g < groups; g++, i += 8, index += width) {
                long word = (long) LONG.get(data, index);
                for (int j = 0; j < 8; j++) {
                    out[i + j] = (int) ((word >>> (j * width)) & mask);
                }
            }
        } else {
            for (int g = 0; g < groups; g++, i += 8, index += width) {
                for (int j = 0; j < 8; j++) {
                    int bit = j * width;
                    out[i + j] = (int) (((long) LONG.get(data, index + (bit >>> 3)) >>> (bit & 7)) & mask);
                }
            }
        }
    }

    @Override
    public void gatherLongs(long[] dictionary, int[] indices, int count, MemorySegment out, long offset) {
        gatherLongsRange(dictionary, indices, 0, count, out, offset);
    }

    static void gatherLongsRange(long[] dictionary, int[] indices, int from, int to, MemorySegment out, long offset) {
        for (int i = from; i < to; i++) {
            out.set(LONG_LAYOUT, offset + (long) i * Long.BYTES, dictionary[indices[i]]);
        }
    }

    @Override
    public void gatherInts(int[] dictionary, int[] indices, int count, MemorySegment out, long offset) {
        gatherIntsRange(dictionary, indices, 0, count, out, offset);
    }

    static void gatherIntsRange(int[] dictionary, int[] indices, int from, int to, MemorySegment out, long offset) {
        for (int i = from; i < to; i++) {
            out.set(INT_LAYOUT, offset + (long) i * Integer.BYTES, dictionary[indices[i]]);
        }
    }
}
