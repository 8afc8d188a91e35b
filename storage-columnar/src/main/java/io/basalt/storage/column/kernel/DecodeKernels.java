package io.basalt.storage.column.kernel;

/**
 * The hot loops of the column chunk decoders, over Java arrays. Two implementations exist: {@link PlainDecodeKernels},
 * the reference, and {@code VectorDecodeKernels} on the Java Vector API; {@link DecodeKernelProvider#kernels()} picks
 * one at startup. Both return identical results for every input.
 *
 * <p>Bit-packed layout: values of {@code width} bits (0 to 64) are packed in blocks of {@link #BLOCK} values; value
 * {@code j} of block {@code b} occupies bits {@code [j * width, (j + 1) * width)} of the block's {@code width} 64-bit
 * words, which start at word {@code b * width}, least significant bit first, a value spilling from one word into the
 * next. A packed array carries one extra word after its last block, so that a decoder may read one word past the
 * value it wants.
 */
public interface DecodeKernels {
    /** Values per bit-packed block: with {@code width} words per block, every block starts on a word. */
    int BLOCK = 64;

    /** The number of 64-bit words that hold {@code count} packed values of {@code width} bits, the spare word included. */
    static int packedWords(int count, int width) {
        return blocks(count) * width + 1;
    }

    /** The number of blocks that hold {@code count} values. */
    static int blocks(int count) {
        return (count + BLOCK - 1) / BLOCK;
    }

    /**
     * Unpacks the first {@code blocks(count) * BLOCK} values of {@code width} bits from {@code words} into
     * {@code out} (zero-extended), which must be that long.
     */
    void unpack(long[] words, int width, int count, long[] out);

    /** Adds {@code base} to {@code values[0, count)}, wrapping: the frame of reference. */
    void addBase(long[] values, int count, long base);

    /** Replaces {@code values[0, count)} by {@code start} plus their running sums ({@code start + v[0] + ... + v[i]}), wrapping. */
    void prefixSum(long[] values, int count, long start);

    /**
     * Sets {@code out[i] = dictionary[(int) codes[i]]} for {@code i} in {@code [0, count)}; every code must be a valid
     * index (callers check them first).
     */
    void gather(long[] dictionary, long[] codes, int count, long[] out);

    /**
     * The sum, wrapping, of the first {@code count} values of {@code width} bits packed in {@code words} (zero-extended),
     * without unpacking them into an array: the frame-of-reference part of a sum straight from an encoded chunk. Exact
     * when {@code width + bits(count) <= 63}; callers with wider values unpack instead.
     */
    long sumPacked(long[] words, int width, int count);

    /**
     * Adds to {@code halves} the values {@code values[i]}, {@code i < count}, whose bit {@code i} is set in {@code bits}
     * (bit {@code i & 63} of word {@code i >>> 6}; a NULL row's or unselected row's value is skipped), split in two
     * so that neither part can overflow for {@code count < 2^31}: {@code halves[0]} gains the sum of their low 32 bits
     * (unsigned), {@code halves[1]} the sum of their high 32 bits (signed). The exact sum is
     * {@code halves[1] * 2^32 + halves[0]} ({@link #addHalves}). {@code bits} holds at least {@code (count + 63) / 64}
     * words.
     */
    void sumMasked(long[] values, long[] bits, int count, long[] halves);

    /**
     * {@link #sumMasked(long[], long[], int, long[])} over {@code count} 64-bit little-endian integers at the start of
     * {@code values} (a decoded chunk's Arrow data buffer in the buffer cache): a sum under a validity mask or a
     * filter's selection without copying the chunk out.
     */
    void sumMasked(java.lang.foreign.MemorySegment values, long[] bits, int count, long[] halves);

    /**
     * Adds {@code halves[1] * 2^32 + halves[0]}, as {@link #sumMasked} left them, to {@code sum}, a signed 128-bit
     * integer as {@code {low 64 bits, high 64 bits}}.
     */
    static void addHalves(long[] halves, long[] sum) {
        long high = halves[1];
        long low = halves[0];
        // high * 2^32 as 128 bits: (high << 32, high >> 32); then plus low (non-negative)
        long before = sum[0];
        long shifted = high << 32;
        sum[0] = before + shifted;
        long carry = Long.compareUnsigned(sum[0], before) < 0 ? 1 : 0;
        sum[1] += (high >> 32) + carry;
        before = sum[0];
        sum[0] = before + low;
        sum[1] += Long.compareUnsigned(sum[0], before) < 0 ? 1 : 0;
    }
}
