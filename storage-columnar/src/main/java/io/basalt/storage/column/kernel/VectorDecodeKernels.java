package io.basalt.storage.column.kernel;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DecodeKernels} on the Java Vector API: the only class of the storage module that imports
 * {@code jdk.incubator.vector}. Unpacking is a vector body over whole vectors of the preferred long species (at least 4
 * lanes, which {@link DecodeKernelProvider} demands); the other kernels run {@link PlainDecodeKernels}' own range
 * methods.
 *
 * <p>Unpacking: within a block of 64 values of width {@code w}, value {@code j} starts at bit {@code j * w}, the same
 * for every block, so the word indices and shifts of the 64 positions are computed once per call and the words of
 * each lane are gathered from the block's start (AVX2 {@code vpgatherqq}). The frame of reference, the running sums of
 * deltas and dictionary decoding are {@link PlainDecodeKernels}' loops (see the comment above them).
 */
public final class VectorDecodeKernels implements DecodeKernels {
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;

    /** The number of 64-bit lanes in the preferred species; {@link DecodeKernelProvider} reads it. */
    static int preferredLongLanes() {
        return LONGS.length();
    }

    @Override
    public void unpack(long[] words, int width, int count, long[] out) {
        int blocks = DecodeKernels.blocks(count);
        if (width == 0 || width == 64) {
            PlainDecodeKernels.unpack(words, width, 0, blocks * BLOCK, out);
            return;
        }
        int[] lowWords = new int[BLOCK];
        int[] highWords = new int[BLOCK];
        long[] shifts = new long[BLOCK];
        long[] highShifts = new long[BLOCK];
        for (int j = 0; j < BLOCK; j++) {
            int bit = j * width;
            lowWords[j] = bit >>> 6;
            highWords[j] = (bit >>> 6) + 1;
            shifts[j] = bit & 63;
            highShifts[j] = 63 - (bit & 63);
        }
        long mask = (1L << width) - 1;
        int lanes = LONGS.length();
        for (int block = 0; block < blocks; block++) {
            int base = block * width;
            int outBase = block * BLOCK;
            for (int j = 0; j < BLOCK; j += lanes) {
                LongVector low = LongVector.fromArray(LONGS, words, base, lowWords, j);
                LongVector high = LongVector.fromArray(LONGS, words, base, highWords, j);
                LongVector shift = LongVector.fromArray(LONGS, shifts, j);
                LongVector highShift = LongVector.fromArray(LONGS, highShifts, j);
                low.lanewise(VectorOperators.LSHR, shift)
                    .or(high.lanewise(VectorOperators.LSHL, 1).lanewise(VectorOperators.LSHL, highShift))
                    .and(mask)
                    .intoArray(out, outBase + j);
            }
        }
    }

    // addBase, prefixSum and gather run the plain loops: measured warm with DecodeKernelBenchmark (122,880 values, see
    // BENCHMARKS.md), the vector add of the base was no faster than C2's own vectorization of the plain loop, the
    // in-register scan of the running sums 2.3x slower, and the gather of dictionary entries through narrowed indices
    // no faster; and before C2 compiles them, vector bodies run the Vector API's boxed fallback, far slower than a
    // plain loop in the interpreter.

    @Override
    public void addBase(long[] values, int count, long base) {
        PlainDecodeKernels.addBase(values, 0, count, base);
    }

    @Override
    public void prefixSum(long[] values, int count, long start) {
        PlainDecodeKernels.prefixSum(values, 0, count, start);
    }

    @Override
    public void gather(long[] dictionary, long[] codes, int count, long[] out) {
        PlainDecodeKernels.gather(dictionary, codes, 0, count, out);
    }
}
