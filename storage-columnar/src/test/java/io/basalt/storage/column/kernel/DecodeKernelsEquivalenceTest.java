package io.basalt.storage.column.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link PlainDecodeKernels} and {@link VectorDecodeKernels} over awkward sizes, every bit width and boundary
 * values (Long.MIN_VALUE, Long.MAX_VALUE, -1, 0), and demands identical results, and results equal to a
 * straightforward oracle computed here.
 */
class DecodeKernelsEquivalenceTest {
    private static final int[] SIZES = {0, 1, 3, 4, 7, 8, 15, 16, 17, 63, 64, 65, 127, 128, 129, 1023, 1024, 1025, 4099};
    private static final DecodeKernels PLAIN = new PlainDecodeKernels();
    private static final DecodeKernels VECTOR = new VectorDecodeKernels();

    static IntStream sizes() {
        return Arrays.stream(SIZES);
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void unpackAgreesForEveryWidth(int count) {
        Random random = new Random(31 + count);
        for (int width = 0; width <= 64; width++) {
            long mask = width == 64 ? -1L : (1L << width) - 1;
            long[] expected = new long[DecodeKernels.blocks(count) * DecodeKernels.BLOCK];
            for (int i = 0; i < count; i++) {
                long value = switch (random.nextInt(4)) {
                    case 0 -> mask;
                    case 1 -> 0;
                    default -> random.nextLong() & mask;
                };
                expected[i] = value;
            }
            long[] words = pack(expected, count, width);
            long[] plain = new long[expected.length];
            long[] vector = new long[expected.length];
            PLAIN.unpack(words, width, count, plain);
            VECTOR.unpack(words, width, count, vector);
            assertThat(plain).as("plain, width %d", width).isEqualTo(expected);
            assertThat(vector).as("vector, width %d", width).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void sumPackedAddsOnlyTheFirstCountValuesForEveryWidth(int count) {
        Random random = new Random(53 + count);
        int padded = DecodeKernels.blocks(count) * DecodeKernels.BLOCK;
        for (int width = 0; width <= 64; width++) {
            long mask = width == 64 ? -1L : (1L << width) - 1;
            long[] values = new long[padded];
            for (int i = 0; i < padded; i++) {
                // the values past count (the last block's padding) are set too: the sum must leave them out
                values[i] = switch (random.nextInt(4)) {
                    case 0 -> mask;
                    case 1 -> 0;
                    default -> random.nextLong() & mask;
                };
            }
            long expected = 0;
            for (int i = 0; i < count; i++) {
                expected += values[i];
            }
            long[] words = pack(values, padded, width);
            assertThat(PLAIN.sumPacked(words, width, count)).as("plain, width %d", width).isEqualTo(expected);
            assertThat(VECTOR.sumPacked(words, width, count)).as("vector, width %d", width).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void sumMaskedAddsExactlyTheSetRowsInEveryMaskShape(int count) {
        Random random = new Random(71 + count);
        int words = (count + 63) >>> 6;
        for (int shape = 0; shape < 5; shape++) {
            long[] values = new long[count + 5];
            for (int i = 0; i < values.length; i++) {
                // values past count are set too: the sum must leave them out
                values[i] = switch (random.nextInt(5)) {
                    case 0 -> Long.MAX_VALUE;
                    case 1 -> Long.MIN_VALUE;
                    case 2 -> -1;
                    default -> random.nextLong() >> random.nextInt(64);
                };
            }
            long[] bits = new long[words + 1];
            for (int w = 0; w < bits.length; w++) {
                bits[w] = switch (shape) {
                    case 0 -> 0L;
                    case 1 -> -1L;
                    case 2 -> random.nextLong();
                    case 3 -> random.nextLong() & random.nextLong() & random.nextLong(); // sparse
                    default -> w % 2 == 0 ? 0x5555555555555555L : -1L;
                };
            }
            java.math.BigInteger expected = java.math.BigInteger.ZERO;
            for (int i = 0; i < count; i++) {
                if ((bits[i >>> 6] >>> i & 1) != 0) {
                    expected = expected.add(java.math.BigInteger.valueOf(values[i]));
                }
            }
            for (DecodeKernels kernels : new DecodeKernels[] {PLAIN, VECTOR}) {
                long[] halves = {0, 0};
                kernels.sumMasked(values, bits, count, halves);
                long[] sum = {0, 0};
                DecodeKernels.addHalves(halves, sum);
                java.math.BigInteger actual = java.math.BigInteger.valueOf(sum[1]).shiftLeft(64)
                        .add(new java.math.BigInteger(Long.toUnsignedString(sum[0])));
                assertThat(actual).as("%s, mask shape %d", kernels.getClass().getSimpleName(), shape)
                        .isEqualTo(expected);
                // the same values as a decoded chunk's off-heap little-endian buffer, at an unaligned address
                try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
                    java.lang.foreign.MemorySegment buffer = arena.allocate((long) values.length * Long.BYTES + 3)
                            .asSlice(3);
                    for (int i = 0; i < values.length; i++) {
                        buffer.setAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED
                                .withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), i, values[i]);
                    }
                    long[] segmentHalves = {0, 0};
                    kernels.sumMasked(buffer, bits, count, segmentHalves);
                    assertThat(segmentHalves).as("%s over a segment, mask shape %d",
                            kernels.getClass().getSimpleName(), shape).isEqualTo(halves);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void addBaseAndPrefixSumAgreeAndWrap(int count) {
        Random random = new Random(77 + count);
        for (long start : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong()}) {
            long[] values = boundaryValues(random, count);
            long[] expectedSums = values.clone();
            long sum = start;
            for (int i = 0; i < count; i++) {
                sum += values[i];
                expectedSums[i] = sum;
            }
            long[] plain = values.clone();
            long[] vector = values.clone();
            PLAIN.prefixSum(plain, count, start);
            VECTOR.prefixSum(vector, count, start);
            assertThat(plain).isEqualTo(expectedSums);
            assertThat(vector).isEqualTo(expectedSums);

            long[] expectedAdded = values.clone();
            for (int i = 0; i < count; i++) {
                expectedAdded[i] += start;
            }
            plain = values.clone();
            vector = values.clone();
            PLAIN.addBase(plain, count, start);
            VECTOR.addBase(vector, count, start);
            assertThat(plain).isEqualTo(expectedAdded);
            assertThat(vector).isEqualTo(expectedAdded);
        }
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void gatherAgrees(int count) {
        Random random = new Random(5 + count);
        for (int size : new int[] {1, 2, 17, 1000}) {
            long[] dictionary = boundaryValues(random, size);
            long[] codes = new long[count];
            long[] expected = new long[count];
            for (int i = 0; i < count; i++) {
                codes[i] = random.nextInt(size);
                expected[i] = dictionary[(int) codes[i]];
            }
            long[] plain = new long[count];
            long[] vector = new long[count];
            PLAIN.gather(dictionary, codes, count, plain);
            VECTOR.gather(dictionary, codes, count, vector);
            assertThat(plain).isEqualTo(expected);
            assertThat(vector).isEqualTo(expected);
        }
    }

    private static long[] boundaryValues(Random random, int count) {
        long[] values = new long[count];
        long[] boundaries = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1};
        for (int i = 0; i < count; i++) {
            values[i] = random.nextInt(3) == 0 ? boundaries[random.nextInt(boundaries.length)] : random.nextLong();
        }
        return values;
    }

    /** The block layout of {@link DecodeKernels}, written bit by bit as the specification reads. */
    private static long[] pack(long[] values, int count, int width) {
        long[] words = new long[DecodeKernels.packedWords(count, width)];
        for (int i = 0; i < count; i++) {
            for (int b = 0; b < width; b++) {
                if ((values[i] >>> b & 1) != 0) {
                    long bit = (long) i * width + b;
                    words[(int) (bit >>> 6)] |= 1L << (bit & 63);
                }
            }
        }
        return words;
    }
}
