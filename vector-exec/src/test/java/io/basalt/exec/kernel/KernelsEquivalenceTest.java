package io.basalt.exec.kernel;

import static io.basalt.exec.kernel.TestColumns.bitmap;
import static io.basalt.exec.kernel.TestColumns.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.kernel.TestColumns.Shape;
import io.basalt.exec.kernel.TestColumns.Validity;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link PlainKernels} and {@link VectorKernels} over native segments of every awkward size, data
 * shape and validity pattern, for every operator, and demands that each returns exactly what
 * {@link KernelOracle} computes; identical results between the two follow. Half of the inputs sit one
 * byte off alignment, and every segment is exactly as large as its data, so over-reads fail.
 */
class KernelsEquivalenceTest {
    private static final Kernels[] IMPLEMENTATIONS = {new PlainKernels(), new VectorKernels()};
    private static final Validity[] RIGHT_VALIDITIES = {Validity.ABSENT, Validity.MOSTLY_VALID, Validity.MOSTLY_NULL};

    static IntStream sizes() {
        return Arrays.stream(TestColumns.SIZES);
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void selectLongMatchesOracle(int count) {
        Random random = new Random(11 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                for (Validity validity : Validity.values()) {
                    boolean misaligned = (shape.ordinal() + validity.ordinal()) % 2 == 1;
                    long[] data = TestColumns.longs(random, count, shape);
                    boolean[] valid = validity.generate(random, count);
                    MemorySegment values = segment(arena, data, misaligned);
                    MemorySegment bitmap = bitmap(arena, valid, misaligned);
                    for (long constant : TestColumns.longConstants(random, data)) {
                        for (CompareOp op : CompareOp.values()) {
                            int[] expected = KernelOracle.selectLong(data, valid, op, constant);
                            for (Kernels kernels : IMPLEMENTATIONS) {
                                int[] selection = new int[count];
                                int n = kernels.selectLong(values, bitmap, count, op, constant, selection);
                                assertSelection(selection, n, expected,
                                    () -> describe(kernels, "selectLong", count, shape, validity) + " x " + op.symbol() + " " + constant);
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void selectIntMatchesOracle(int count) {
        Random random = new Random(23 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                for (Validity validity : Validity.values()) {
                    boolean misaligned = (shape.ordinal() + validity.ordinal()) % 2 == 1;
                    int[] data = TestColumns.ints(random, count, shape);
                    boolean[] valid = validity.generate(random, count);
                    MemorySegment values = segment(arena, data, misaligned);
                    MemorySegment bitmap = bitmap(arena, valid, misaligned);
                    for (int constant : TestColumns.intConstants(random, data)) {
                        for (CompareOp op : CompareOp.values()) {
                            int[] expected = KernelOracle.selectInt(data, valid, op, constant);
                            for (Kernels kernels : IMPLEMENTATIONS) {
                                int[] selection = new int[count];
                                int n = kernels.selectInt(values, bitmap, count, op, constant, selection);
                                assertSelection(selection, n, expected,
                                    () -> describe(kernels, "selectInt", count, shape, validity) + " x " + op.symbol() + " " + constant);
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void andMaskLongMatchesOracle(int count) {
        Random random = new Random(41 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                for (Validity validity : Validity.values()) {
                    boolean misaligned = (shape.ordinal() + validity.ordinal()) % 2 == 1;
                    long[] data = TestColumns.longs(random, count, shape);
                    boolean[] valid = validity.generate(random, count);
                    MemorySegment values = segment(arena, data, misaligned);
                    MemorySegment bitmap = bitmap(arena, valid, misaligned);
                    long[] start = randomMask(random, count);
                    for (long constant : TestColumns.longConstants(random, data)) {
                        for (CompareOp op : CompareOp.values()) {
                            long[] expected = expectedMask(start, count, KernelOracle.selectLong(data, valid, op, constant));
                            for (Kernels kernels : IMPLEMENTATIONS) {
                                long[] mask = start.clone();
                                kernels.andMaskLong(values, bitmap, count, op, constant, mask);
                                assertThat(mask).as(describe(kernels, "andMaskLong", count, shape, validity) + " x "
                                        + op.symbol() + " " + constant).containsExactly(expected);
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void andMaskIntMatchesOracle(int count) {
        Random random = new Random(43 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                for (Validity validity : Validity.values()) {
                    boolean misaligned = (shape.ordinal() + validity.ordinal()) % 2 == 1;
                    int[] data = TestColumns.ints(random, count, shape);
                    boolean[] valid = validity.generate(random, count);
                    MemorySegment values = segment(arena, data, misaligned);
                    MemorySegment bitmap = bitmap(arena, valid, misaligned);
                    long[] start = randomMask(random, count);
                    for (int constant : TestColumns.intConstants(random, data)) {
                        for (CompareOp op : CompareOp.values()) {
                            long[] expected = expectedMask(start, count, KernelOracle.selectInt(data, valid, op, constant));
                            for (Kernels kernels : IMPLEMENTATIONS) {
                                long[] mask = start.clone();
                                kernels.andMaskInt(values, bitmap, count, op, constant, mask);
                                assertThat(mask).as(describe(kernels, "andMaskInt", count, shape, validity) + " x "
                                        + op.symbol() + " " + constant).containsExactly(expected);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A mask over count rows plus one spare word, mostly set, some bits (also past count) already clear. */
    private static long[] randomMask(Random random, int count) {
        long[] mask = new long[(count + 63) / 64 + 1];
        for (int w = 0; w < mask.length; w++) {
            mask[w] = random.nextLong() | random.nextLong() | random.nextLong();
        }
        return mask;
    }

    /** {@code start} with the bits of rows below count that the oracle did not select cleared; the rest as they were. */
    private static long[] expectedMask(long[] start, int count, int[] selected) {
        long[] expected = start.clone();
        for (int row = 0; row < count; row++) {
            expected[row >>> 6] &= ~(1L << row);
        }
        for (int row : selected) {
            expected[row >>> 6] |= start[row >>> 6] & (1L << row);
        }
        return expected;
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void selectDoubleMatchesOracle(int count) {
        Random random = new Random(37 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                for (Validity validity : Validity.values()) {
                    boolean misaligned = (shape.ordinal() + validity.ordinal()) % 2 == 1;
                    double[] data = TestColumns.doubles(random, count, shape);
                    boolean[] valid = validity.generate(random, count);
                    MemorySegment values = segment(arena, data, misaligned);
                    MemorySegment bitmap = bitmap(arena, valid, misaligned);
                    for (double constant : TestColumns.doubleConstants(random, data)) {
                        for (CompareOp op : CompareOp.values()) {
                            int[] expected = KernelOracle.selectDouble(data, valid, op, constant);
                            for (Kernels kernels : IMPLEMENTATIONS) {
                                int[] selection = new int[count];
                                int n = kernels.selectDouble(values, bitmap, count, op, constant, selection);
                                assertSelection(selection, n, expected,
                                    () -> describe(kernels, "selectDouble", count, shape, validity) + " x " + op.symbol() + " " + constant);
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void selectPairsMatchOracle(int count) {
        Random random = new Random(41 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                for (Validity leftValidity : Validity.values()) {
                    for (Validity rightValidity : RIGHT_VALIDITIES) {
                        boolean misaligned = (shape.ordinal() + leftValidity.ordinal() + rightValidity.ordinal()) % 2 == 1;
                        boolean[] leftValid = leftValidity.generate(random, count);
                        boolean[] rightValid = rightValidity.generate(random, count);
                        MemorySegment leftBitmap = bitmap(arena, leftValid, misaligned);
                        MemorySegment rightBitmap = bitmap(arena, rightValid, !misaligned);
                        String validities = leftValidity + "/" + rightValidity;

                        long[] leftLongs = TestColumns.longs(random, count, shape);
                        long[] rightLongs = TestColumns.partner(random, leftLongs, Shape.values()[random.nextInt(Shape.values().length)]);
                        MemorySegment leftLongSegment = segment(arena, leftLongs, misaligned);
                        MemorySegment rightLongSegment = segment(arena, rightLongs, !misaligned);
                        int[] leftInts = TestColumns.ints(random, count, shape);
                        int[] rightInts = TestColumns.partner(random, leftInts, Shape.values()[random.nextInt(Shape.values().length)]);
                        MemorySegment leftIntSegment = segment(arena, leftInts, misaligned);
                        MemorySegment rightIntSegment = segment(arena, rightInts, !misaligned);
                        double[] leftDoubles = TestColumns.doubles(random, count, shape);
                        double[] rightDoubles = TestColumns.partner(random, leftDoubles, Shape.BOUNDARIES);
                        MemorySegment leftDoubleSegment = segment(arena, leftDoubles, misaligned);
                        MemorySegment rightDoubleSegment = segment(arena, rightDoubles, !misaligned);

                        for (CompareOp op : CompareOp.values()) {
                            int[] expectedLongs = KernelOracle.selectLongPairs(leftLongs, leftValid, rightLongs, rightValid, op);
                            int[] expectedInts = KernelOracle.selectIntPairs(leftInts, leftValid, rightInts, rightValid, op);
                            int[] expectedDoubles = KernelOracle.selectDoublePairs(leftDoubles, leftValid, rightDoubles, rightValid, op);
                            for (Kernels kernels : IMPLEMENTATIONS) {
                                int[] selection = new int[count];
                                int n = kernels.selectLongPairs(leftLongSegment, leftBitmap, rightLongSegment, rightBitmap, count, op, selection);
                                assertSelection(selection, n, expectedLongs,
                                    () -> describe(kernels, "selectLongPairs", count, shape, validities) + " " + op.symbol());
                                n = kernels.selectIntPairs(leftIntSegment, leftBitmap, rightIntSegment, rightBitmap, count, op, selection);
                                assertSelection(selection, n, expectedInts,
                                    () -> describe(kernels, "selectIntPairs", count, shape, validities) + " " + op.symbol());
                                n = kernels.selectDoublePairs(leftDoubleSegment, leftBitmap, rightDoubleSegment, rightBitmap, count, op, selection);
                                assertSelection(selection, n, expectedDoubles,
                                    () -> describe(kernels, "selectDoublePairs", count, shape, validities) + " " + op.symbol());
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void sumsAndCountsMatchOracle(int count) {
        Random random = new Random(53 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                for (Validity validity : Validity.values()) {
                    for (boolean misaligned : new boolean[] {false, true}) {
                        boolean[] valid = validity.generate(random, count);
                        MemorySegment bitmap = bitmap(arena, valid, misaligned);
                        long[] longs = TestColumns.longs(random, count, shape);
                        int[] ints = TestColumns.ints(random, count, shape);
                        double[] doubles = TestColumns.doubles(random, count, shape);
                        MemorySegment longSegment = segment(arena, longs, misaligned);
                        MemorySegment intSegment = segment(arena, ints, misaligned);
                        MemorySegment doubleSegment = segment(arena, doubles, misaligned);

                        long[] expectedParts = KernelOracle.sumLongParts(longs, valid);
                        BigInteger expectedLongSum = KernelOracle.sumLong(longs, valid);
                        long expectedIntSum = KernelOracle.sumInt(ints, valid);
                        double expectedDoubleSum = KernelOracle.sumDouble(doubles, valid);
                        int expectedValid = KernelOracle.countValid(valid, count);
                        for (Kernels kernels : IMPLEMENTATIONS) {
                            String description = describe(kernels, "sum", count, shape, validity) + (misaligned ? " misaligned" : "");
                            long[] lowHigh = {-5, 7}; // overwritten, not added to
                            kernels.sumLong(longSegment, bitmap, count, lowHigh);
                            assertThat(lowHigh).as("sumLong parts " + description).containsExactly(expectedParts);
                            assertThat(BigInteger.valueOf(lowHigh[1]).shiftLeft(32).add(BigInteger.valueOf(lowHigh[0])))
                                .as("sumLong " + description).isEqualTo(expectedLongSum);
                            assertThat(kernels.sumInt(intSegment, bitmap, count)).as("sumInt " + description).isEqualTo(expectedIntSum);
                            // Same bits, except that every NaN counts as the one canonical NaN.
                            assertThat(Double.doubleToLongBits(kernels.sumDouble(doubleSegment, bitmap, count)))
                                .as("sumDouble " + description).isEqualTo(Double.doubleToLongBits(expectedDoubleSum));
                            assertThat(kernels.countValid(bitmap, count)).as("countValid " + description).isEqualTo(expectedValid);
                        }
                    }
                }
            }
        }
    }

    private static void assertSelection(int[] selection, int n, int[] expected, Supplier<String> description) {
        // Compared directly first: AssertJ boxes every element, which would dominate this test's time.
        if (!Arrays.equals(selection, 0, n, expected, 0, expected.length)) {
            assertThat(Arrays.copyOf(selection, n)).as(description.get()).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void containsLongMatchesOracle(int count) {
        Random random = new Random(41 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                boolean misaligned = shape.ordinal() % 2 == 1;
                long[] data = TestColumns.longs(random, count, shape);
                MemorySegment values = segment(arena, data, misaligned);
                long[] probes = {Long.MAX_VALUE, Long.MIN_VALUE, 0, count == 0 ? 1 : data[random.nextInt(count)],
                        count == 0 ? 2 : data[count - 1]};
                for (long probe : probes) {
                    boolean expected = Arrays.stream(data).anyMatch(x -> x == probe);
                    for (Kernels kernels : IMPLEMENTATIONS) {
                        assertThat(kernels.containsLong(values, count, probe))
                                .as(describe(kernels, "containsLong", count, shape, "-") + " probe " + probe)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    private static String describe(Kernels kernels, String kernel, int count, Shape shape, Object validity) {
        return kernels.getClass().getSimpleName() + "." + kernel + " over " + count + " " + shape + " rows, validity " + validity;
    }
}
