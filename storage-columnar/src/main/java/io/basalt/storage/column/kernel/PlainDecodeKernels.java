package io.basalt.storage.column.kernel;

/**
 * The reference {@link DecodeKernels}: one value at a time in plain Java. {@link VectorDecodeKernels} must return
 * exactly what this class returns and runs the package-private range methods here as its scalar tail.
 */
public final class PlainDecodeKernels implements DecodeKernels {
    @Override
    public void unpack(long[] words, int width, int count, long[] out) {
        unpack(words, width, 0, DecodeKernels.blocks(count) * BLOCK, out);
    }

    /** Unpacks values {@code [from, to)}; see {@link DecodeKernels#unpack}. */
    static void unpack(long[] words, int width, int from, int to, long[] out) {
        if (width == 0) {
            java.util.Arrays.fill(out, from, to, 0L);
            return;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        for (int i = from; i < to; i++) {
            long bit = (long) i * width;
            int word = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            // (high << 1) << (63 - shift) is high << (64 - shift), and 0 when shift is 0, without a branch.
            out[i] = ((words[word] >>> shift) | ((words[word + 1] << 1) << (63 - shift))) & mask;
        }
    }

    @Override
    public void addBase(long[] values, int count, long base) {
        addBase(values, 0, count, base);
    }

    static void addBase(long[] values, int from, int to, long base) {
        for (int i = from; i < to; i++) {
            values[i] += base;
        }
    }

    @Override
    public void prefixSum(long[] values, int count, long start) {
        prefixSum(values, 0, count, start);
    }

    static void prefixSum(long[] values, int from, int to, long start) {
        long sum = start;
        for (int i = from; i < to; i++) {
            sum += values[i];
            values[i] = sum;
        }
    }

    @Override
    public void gather(long[] dictionary, long[] codes, int count, long[] out) {
        gather(dictionary, codes, 0, count, out);
    }

    static void gather(long[] dictionary, long[] codes, int from, int to, long[] out) {
        for (int i = from; i < to; i++) {
            out[i] = dictionary[(int) codes[i]];
        }
    }

    @Override
    public long sumPacked(long[] words, int width, int count) {
        return sumPacked(words, width, 0, count);
    }

    /** The sum of packed values {@code [from, to)}; see {@link DecodeKernels#sumPacked}. */
    static long sumPacked(long[] words, int width, int from, int to) {
        if (width == 0) {
            return 0;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long sum = 0;
        for (int i = from; i < to; i++) {
            long bit = (long) i * width;
            int word = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            sum += ((words[word] >>> shift) | ((words[word + 1] << 1) << (63 - shift))) & mask;
        }
        return sum;
    }

    @Override
    public void sumMasked(long[] values, long[] bits, int count, long[] halves) {
        sumMasked(values, bits, 0, count, halves);
    }

    @Override
    public void sumMasked(java.lang.foreign.MemorySegment values, long[] bits, int count, long[] halves) {
        sumMasked(values, bits, 0, count, halves);
    }

    /** {@link DecodeKernels#sumMasked(java.lang.foreign.MemorySegment, long[], int, long[])} over rows {@code [from, to)}. */
    static void sumMasked(java.lang.foreign.MemorySegment values, long[] bits, int from, int to, long[] halves) {
        long low = 0;
        long high = 0;
        for (int i = from; i < to; i++) {
            long keep = -((bits[i >>> 6] >>> i) & 1);
            long value = values.getAtIndex(LITTLE_ENDIAN_LONG, i) & keep;
            low += value & 0xffffffffL;
            high += value >> 32;
        }
        halves[0] += low;
        halves[1] += high;
    }

    private static final java.lang.foreign.ValueLayout.OfLong LITTLE_ENDIAN_LONG =
            java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    /** {@link DecodeKernels#sumMasked} over rows {@code [from, to)}. */
    static void sumMasked(long[] values, long[] bits, int from, int to, long[] halves) {
        long low = 0;
        long high = 0;
        for (int i = from; i < to; i++) {
            long keep = -((bits[i >>> 6] >>> i) & 1);
            long value = values[i] & keep;
            low += value & 0xffffffffL;
            high += value >> 32;
        }
        halves[0] += low;
        halves[1] += high;
    }
}
