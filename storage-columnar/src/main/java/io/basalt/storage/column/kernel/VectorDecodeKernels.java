package io.basalt.storage.column.kernel;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DecodeKernels} on the Java Vector API: the only class of the storage module that imports
 * {@code jdk.incubator.vector}. Each kernel is a vector body over whole vectors of the preferred long species (at
 * least 4 lanes, which {@link DecodeKernelProvider} demands) and a scalar tail that is {@link PlainDecodeKernels}' own
 * range method, so the two agree by construction on the values the body does not cover.
 *
 * <p>Unpacking: within a block of 64 values of width {@code w}, value {@code j} starts at bit {@code j * w}, the same
 * for every block, so the word indices and shifts of the 64 positions are computed once per call and the words of
 * each lane are gathered from the block's start (AVX2 {@code vpgatherqq}). The running sums of deltas are an
 * in-register scan ({@code log2(lanes)} shifted adds) plus the carry of the previous vector. Dictionary decoding
 * narrows the codes to ints and gathers from the dictionary.
 */
public final class VectorDecodeKernels implements DecodeKernels {
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    /** Ints with as many lanes as LONGS: the gather indices of dictionary codes. */
    private static final VectorSpecies<Integer> INDICES =
        VectorSpecies.of(int.class, VectorShape.forBitSize(LONGS.vectorBitSize() / 2));

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
        BlockLayout layout = new BlockLayout(width);
        int[] lowWords = layout.lowWords();
        int[] highWords = layout.highWords();
        long[] shifts = layout.shifts();
        long[] highShifts = layout.highShifts();
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

    @Override
    public void addBase(long[] values, int count, long base) {
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += LONGS.length()) {
            LongVector.fromArray(LONGS, values, i).add(base).intoArray(values, i);
        }
        PlainDecodeKernels.addBase(values, i, count, base);
    }

    @Override
    public void prefixSum(long[] values, int count, long start) {
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        LongVector zero = LongVector.zero(LONGS);
        long carry = start;
        int i = 0;
        for (; i < bound; i += lanes) {
            LongVector v = LongVector.fromArray(LONGS, values, i);
            for (int step = 1; step < lanes; step <<= 1) {
                // zero.slice(lanes - step, v) is v moved up by step lanes, zeros entering from below.
                v = v.add(zero.slice(lanes - step, v));
            }
            v = v.add(carry);
            v.intoArray(values, i);
            carry = v.lane(lanes - 1);
        }
        PlainDecodeKernels.prefixSum(values, i, count, carry);
    }

    @Override
    public void gather(long[] dictionary, long[] codes, int count, long[] out) {
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        int[] indices = new int[lanes];
        int i = 0;
        for (; i < bound; i += lanes) {
            LongVector.fromArray(LONGS, codes, i).convertShape(VectorOperators.L2I, INDICES, 0)
                .reinterpretAsInts().intoArray(indices, 0);
            LongVector.fromArray(LONGS, dictionary, 0, indices, 0).intoArray(out, i);
        }
        PlainDecodeKernels.gather(dictionary, codes, i, count, out);
    }

    /**
     * Whole blocks as {@link #unpack} reads them, each lane's values added into a running vector instead of stored;
     * the values of a last partial block by {@link PlainDecodeKernels}' loop.
     */
    @Override
    public long sumPacked(long[] words, int width, int count) {
        int blocks = count / BLOCK;
        if (width == 0 || width == 64 || blocks == 0) {
            return PlainDecodeKernels.sumPacked(words, width, 0, count);
        }
        BlockLayout layout = new BlockLayout(width);
        int[] lowWords = layout.lowWords();
        int[] highWords = layout.highWords();
        long[] shifts = layout.shifts();
        long[] highShifts = layout.highShifts();
        long mask = (1L << width) - 1;
        int lanes = LONGS.length();
        LongVector sum = LongVector.zero(LONGS);
        for (int block = 0; block < blocks; block++) {
            int base = block * width;
            for (int j = 0; j < BLOCK; j += lanes) {
                LongVector low = LongVector.fromArray(LONGS, words, base, lowWords, j);
                LongVector high = LongVector.fromArray(LONGS, words, base, highWords, j);
                LongVector shift = LongVector.fromArray(LONGS, shifts, j);
                LongVector highShift = LongVector.fromArray(LONGS, highShifts, j);
                sum = sum.add(low.lanewise(VectorOperators.LSHR, shift)
                    .or(high.lanewise(VectorOperators.LSHL, 1).lanewise(VectorOperators.LSHL, highShift))
                    .and(mask));
            }
        }
        return sum.reduceLanes(VectorOperators.ADD) + PlainDecodeKernels.sumPacked(words, width, blocks * BLOCK, count);
    }

    /** Lane numbers 0, 1, ...: the shifts that bring each lane's bit of a mask word to bit 0. */
    private static final long[] LANE_NUMBERS = laneNumbers();

    private static long[] laneNumbers() {
        long[] numbers = new long[LONGS.length()];
        for (int j = 0; j < numbers.length; j++) {
            numbers[j] = j;
        }
        return numbers;
    }

    /**
     * Whole mask words of 64 rows at a time: each lane's bit is shifted down and widened to an all-ones or zero mask by
     * plain lanewise arithmetic (no {@code VectorMask}, whose own branches C2 has trapped on), the low and high halves
     * summed in separate accumulators; the rest is the plain loop.
     */
    @Override
    public void sumMasked(long[] values, long[] bits, int count, long[] halves) {
        int lanes = LONGS.length();
        int words = count >>> 6;
        LongVector laneShifts = LongVector.fromArray(LONGS, LANE_NUMBERS, 0);
        LongVector low = LongVector.zero(LONGS);
        LongVector high = LongVector.zero(LONGS);
        for (int w = 0; w < words; w++) {
            long word = bits[w];
            int base = w << 6;
            for (int j = 0; j < 64; j += lanes) {
                LongVector keep = LongVector.broadcast(LONGS, word >>> j).lanewise(VectorOperators.LSHR, laneShifts)
                    .and(1L).neg();
                LongVector value = LongVector.fromArray(LONGS, values, base + j).and(keep);
                low = low.add(value.and(0xffffffffL));
                high = high.add(value.lanewise(VectorOperators.ASHR, 32));
            }
        }
        halves[0] += low.reduceLanes(VectorOperators.ADD);
        halves[1] += high.reduceLanes(VectorOperators.ADD);
        PlainDecodeKernels.sumMasked(values, bits, words << 6, count, halves);
    }

    @Override
    public void sumMasked(java.lang.foreign.MemorySegment values, long[] bits, int count, long[] halves) {
        int lanes = LONGS.length();
        int words = count >>> 6;
        LongVector laneShifts = LongVector.fromArray(LONGS, LANE_NUMBERS, 0);
        LongVector low = LongVector.zero(LONGS);
        LongVector high = LongVector.zero(LONGS);
        for (int w = 0; w < words; w++) {
            long word = bits[w];
            int base = w << 6;
            if (word == 0) {
                continue; // a run of 64 NULL or unselected rows: nothing to load
            }
            for (int j = 0; j < 64; j += lanes) {
                LongVector keep = LongVector.broadcast(LONGS, word >>> j).lanewise(VectorOperators.LSHR, laneShifts)
                    .and(1L).neg();
                LongVector value = LongVector.fromMemorySegment(LONGS, values, (long) (base + j) * Long.BYTES,
                        java.nio.ByteOrder.LITTLE_ENDIAN).and(keep);
                low = low.add(value.and(0xffffffffL));
                high = high.add(value.lanewise(VectorOperators.ASHR, 32));
            }
        }
        halves[0] += low.reduceLanes(VectorOperators.ADD);
        halves[1] += high.reduceLanes(VectorOperators.ADD);
        PlainDecodeKernels.sumMasked(values, bits, words << 6, count, halves);
    }

    /**
     * Where each of a block's 64 positions of {@code width} bits lies: the word holding its low bits, the next
     * word, the shift within the first and the left shift that brings the second's bits above them.
     */
    private record BlockLayout(int[] lowWords, int[] highWords, long[] shifts, long[] highShifts) {
        BlockLayout(int width) {
            this(new int[BLOCK], new int[BLOCK], new long[BLOCK], new long[BLOCK]);
            for (int j = 0; j < BLOCK; j++) {
                int bit = j * width;
                lowWords[j] = bit >>> 6;
                highWords[j] = (bit >>> 6) + 1;
                shifts[j] = bit & 63;
                highShifts[j] = 63 - (bit & 63);
            }
        }
    }
}
