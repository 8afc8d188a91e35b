package io.basalt.format.parquet.page;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Unpacks values of 0 to 64 bits stored back to back, least significant bit first, as Parquet's bit-packed runs and
 * DELTA_BINARY_PACKED miniblocks store them. Each value is one unaligned little-endian 8-byte read shifted into
 * place when it fits (a width of at most 56 plus a shift of at most 7), two reads for wider values; near the end of
 * the array, where a read would run past it, bytes are gathered one by one and bytes past the end read as zero
 * (a writer may cut the last group short).
 */
final class PackedBits {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private PackedBits() {
    }

    /** Unpacks {@code count} values of {@code width} bits from bit {@code bit} of {@code data} into {@code out[at ..]}. */
    static void unpack(byte[] data, long bit, int width, long[] out, int at, int count) {
        if (width == 0) {
            java.util.Arrays.fill(out, at, at + count, 0L);
            return;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        int fastLimit = data.length - 16;
        int i = at;
        int last = at + count;
        if (width <= 56) {
            for (; i < last; i++) {
                int index = (int) (bit >>> 3);
                if (index > fastLimit) {
                    break;
                }
                out[i] = ((long) LONG.get(data, index) >>> (bit & 7)) & mask;
                bit += width;
            }
        } else {
            for (; i < last; i++) {
                int index = (int) (bit >>> 3);
                if (index > fastLimit) {
                    break;
                }
                int shift = (int) (bit & 7);
                long low = (long) LONG.get(data, index) >>> shift;
                // the bits the first read could not hold come from the next byte on
                long high = shift == 0 ? 0 : ((long) LONG.get(data, index + 8)) << (64 - shift);
                out[i] = (low | high) & mask;
                bit += width;
            }
        }
        for (; i < last; i++) {
            out[i] = gather(data, bit, width) & mask;
            bit += width;
        }
    }

    private static long gather(byte[] data, long bit, int width) {
        int index = (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        int needed = (shift + width + 7) >>> 3;
        long low = 0;
        long high = 0;
        for (int b = 0; b < needed; b++) {
            int from = index + b;
            long value = from < data.length ? data[from] & 0xffL : 0;
            if (b < 8) {
                low |= value << (8 * b);
            } else {
                high = value;
            }
        }
        long word = low >>> shift;
        if (shift > 0 && needed > 8) {
            word |= high << (64 - shift);
        }
        return word;
    }
}
