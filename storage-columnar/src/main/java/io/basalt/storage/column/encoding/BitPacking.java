package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;

/**
 * Packs unsigned values of a fixed bit width into 64-bit words in the block layout of {@link DecodeKernels}, and
 * unpacks them through the kernels. On disk a packed run is {@code blocks(count) * width} little-endian words; the
 * spare word the kernels read past the end is added on reading.
 */
public final class BitPacking {
    private BitPacking() {
    }

    /** The bits needed for unsigned values up to {@code range} (0 for 0, 64 for a negative {@code range}). */
    public static int width(long range) {
        return 64 - Long.numberOfLeadingZeros(range);
    }

    /** The bytes {@link #pack} writes for {@code count} values of {@code width} bits. */
    public static long packedBytes(int count, int width) {
        return (long) DecodeKernels.blocks(count) * width * Long.BYTES;
    }

    /** Writes {@code values[i] - base} for {@code i} in {@code [0, count)}, each of which must fit {@code width} bits. */
    public static void pack(long[] values, int from, int count, long base, int width, ByteSink out) {
        int words = DecodeKernels.blocks(count) * width;
        if (words == 0) {
            return;
        }
        long[] packed = new long[words + 1];
        for (int i = 0; i < count; i++) {
            long value = values[from + i] - base;
            long bit = (long) i * width;
            int word = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            packed[word] |= value << shift;
            if (shift + width > 64) {
                packed[word + 1] |= value >>> (64 - shift);
            }
        }
        out.putLongs(packed, words);
    }

    /** Skips the packed words of {@code count} values of {@code width} bits without reading them. */
    public static void skip(ByteSource in, int count, int width) {
        if (width > 64) {
            throw ChunkCorruption.of("bit width " + width);
        }
        in.slice((long) DecodeKernels.blocks(count) * width * Long.BYTES);
    }

    /**
     * Reads {@code count} values of {@code width} bits written by {@link #pack} and adds {@code base}; the result holds
     * at least {@code count} values (whole blocks).
     */
    public static long[] unpack(ByteSource in, int count, int width, long base, DecodeKernels kernels) {
        if (width > 64) {
            throw ChunkCorruption.of("bit width " + width);
        }
        int blocks = DecodeKernels.blocks(count);
        long[] values = new long[Math.max(blocks * DecodeKernels.BLOCK, 1)];
        if (width == 0) {
            java.util.Arrays.fill(values, base);
            return values;
        }
        int words = blocks * width;
        if ((long) words * Long.BYTES > in.remaining()) {
            throw ChunkCorruption.of("truncated bit-packed values");
        }
        long[] packed = new long[words + 1];
        in.getLongs(packed, words);
        kernels.unpack(packed, width, count, values);
        if (base != 0) {
            kernels.addBase(values, count, base);
        }
        return values;
    }

    /**
     * The sum of {@code count} values of {@code width} bits written by {@link #pack} (without their base), read and
     * added without unpacking them into an array; -1 (nothing read) when the sum might not fit 63 bits, for the caller
     * to unpack instead.
     */
    public static long sum(ByteSource in, int count, int width, DecodeKernels kernels) {
        if (width > 64) {
            throw ChunkCorruption.of("bit width " + width);
        }
        if (width + width(count) > 63) {
            return -1;
        }
        if (width == 0) {
            return 0;
        }
        int words = DecodeKernels.blocks(count) * width;
        if ((long) words * Long.BYTES > in.remaining()) {
            throw ChunkCorruption.of("truncated bit-packed values");
        }
        long[] packed = new long[words + 1];
        in.getLongs(packed, words);
        return kernels.sumPacked(packed, width, count);
    }
}
