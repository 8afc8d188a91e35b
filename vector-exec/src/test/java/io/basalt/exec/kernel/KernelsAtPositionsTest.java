package io.basalt.exec.kernel;

import static io.basalt.exec.kernel.TestColumns.bitmap;
import static io.basalt.exec.kernel.TestColumns.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.kernel.TestColumns.Shape;
import io.basalt.exec.kernel.TestColumns.Validity;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sums and counts at positions (a filter's selection read in place) against the dense kernels run over the same
 * rows gathered first: both implementations must give exactly what the dense plain kernel gives on the gathered rows,
 * for selections that keep none, all, every other and a random share of the rows, over awkward sizes, value shapes
 * and validity patterns.
 */
class KernelsAtPositionsTest {
    private static final Kernels[] IMPLEMENTATIONS = {new PlainKernels(), new VectorKernels()};
    private static final Kernels REFERENCE = new PlainKernels();

    static IntStream sizes() {
        return Arrays.stream(TestColumns.SIZES);
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void sumsAndCountsAtPositionsEqualTheDenseKernelsOnGatheredRows(int count) {
        Random random = new Random(71 + count);
        try (Arena arena = Arena.ofConfined()) {
            for (Shape shape : Shape.values()) {
                for (Validity validity : Validity.values()) {
                    boolean[] valid = validity.generate(random, count);
                    long[] longs = TestColumns.longs(random, count, shape);
                    int[] ints = TestColumns.ints(random, count, shape);
                    double[] doubles = TestColumns.doubles(random, count, shape);
                    MemorySegment bitmap = bitmap(arena, valid, false);
                    MemorySegment longSegment = segment(arena, longs, false);
                    MemorySegment intSegment = segment(arena, ints, false);
                    MemorySegment doubleSegment = segment(arena, doubles, false);
                    for (int[] positions : selections(random, count)) {
                        int n = positions.length;
                        boolean[] gatheredValid = valid == null ? null : new boolean[n];
                        long[] gatheredLongs = new long[n];
                        int[] gatheredInts = new int[n];
                        double[] gatheredDoubles = new double[n];
                        for (int k = 0; k < n; k++) {
                            int row = positions[k];
                            gatheredLongs[k] = longs[row];
                            gatheredInts[k] = ints[row];
                            gatheredDoubles[k] = doubles[row];
                            if (valid != null) {
                                gatheredValid[k] = valid[row];
                            }
                        }
                        MemorySegment denseBitmap = bitmap(arena, gatheredValid, false);
                        long[] expectedParts = new long[2];
                        REFERENCE.sumLong(segment(arena, gatheredLongs, false), denseBitmap, n, expectedParts);
                        long expectedInts = REFERENCE.sumInt(segment(arena, gatheredInts, false), denseBitmap, n);
                        double expectedDoubles = REFERENCE.sumDouble(segment(arena, gatheredDoubles, false), denseBitmap, n);
                        int expectedValid = denseBitmap == null ? n : REFERENCE.countValid(denseBitmap, n);
                        // Padded: entries past the count must not be read.
                        int[] padded = Arrays.copyOf(positions, n + 3);
                        Arrays.fill(padded, n, n + 3, Integer.MAX_VALUE);
                        for (Kernels kernels : IMPLEMENTATIONS) {
                            String description = kernels.getClass().getSimpleName() + " over " + n + " of " + count
                                    + " " + shape + " rows, validity " + validity;
                            long[] lowHigh = {-5, 7}; // overwritten, not added to
                            kernels.sumLongAt(longSegment, bitmap, padded, n, lowHigh);
                            assertThat(lowHigh).as("sumLongAt " + description).containsExactly(expectedParts);
                            assertThat(kernels.sumIntAt(intSegment, bitmap, padded, n)).as("sumIntAt " + description)
                                    .isEqualTo(expectedInts);
                            assertThat(Double.doubleToLongBits(kernels.sumDoubleAt(doubleSegment, bitmap, padded, n)))
                                    .as("sumDoubleAt " + description)
                                    .isEqualTo(Double.doubleToLongBits(expectedDoubles));
                            assertThat(kernels.countValidAt(bitmap, padded, n)).as("countValidAt " + description)
                                    .isEqualTo(expectedValid);
                        }
                    }
                }
            }
        }
    }

    /** None, all, every other row, and about a tenth of the rows at random (ascending positions). */
    private static int[][] selections(Random random, int count) {
        int[] all = IntStream.range(0, count).toArray();
        int[] everyOther = IntStream.range(0, count).filter(i -> i % 2 == 1).toArray();
        int[] sparse = IntStream.range(0, count).filter(i -> random.nextInt(10) == 0).toArray();
        return new int[][] {new int[0], all, everyOther, sparse};
    }
}
