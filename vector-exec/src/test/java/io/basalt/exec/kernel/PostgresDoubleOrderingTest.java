package io.basalt.exec.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spells out PostgreSQL's float8 ordering on a few rows, for both implementations: every NaN equals
 * every NaN and is above +Infinity, -0.0 equals 0.0. The seven-value pattern is repeated three times so
 * that rows fall both in a vector body and in the scalar tail.
 */
class PostgresDoubleOrderingTest {
    private static final double OTHER_NAN = Double.longBitsToDouble(0xFFF8_0000_0000_0001L);
    private static final double[] PATTERN = {Double.NaN, Double.POSITIVE_INFINITY, 1.0, -0.0, 0.0, Double.NEGATIVE_INFINITY, OTHER_NAN};
    private static final int REPEATS = 3;

    static List<Kernels> implementations() {
        return List.of(new PlainKernels(), new VectorKernels());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void nanEqualsNanAndSortsAboveInfinity(Kernels kernels) {
        assertThat(select(kernels, CompareOp.EQ, Double.NaN)).containsExactly(rows(0, 6));
        assertThat(select(kernels, CompareOp.GT, Double.POSITIVE_INFINITY)).containsExactly(rows(0, 6));
        assertThat(select(kernels, CompareOp.GE, Double.NaN)).containsExactly(rows(0, 6));
        assertThat(select(kernels, CompareOp.LT, Double.NaN)).containsExactly(rows(1, 2, 3, 4, 5));
        assertThat(select(kernels, CompareOp.NE, Double.NaN)).containsExactly(rows(1, 2, 3, 4, 5));
        assertThat(select(kernels, CompareOp.LE, Double.NaN)).containsExactly(rows(0, 1, 2, 3, 4, 5, 6));
        assertThat(select(kernels, CompareOp.GT, Double.NaN)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void negativeZeroEqualsZero(Kernels kernels) {
        assertThat(select(kernels, CompareOp.EQ, 0.0)).containsExactly(rows(3, 4));
        assertThat(select(kernels, CompareOp.EQ, -0.0)).containsExactly(rows(3, 4));
        assertThat(select(kernels, CompareOp.LT, 0.0)).containsExactly(rows(5));
        assertThat(select(kernels, CompareOp.GT, -0.0)).containsExactly(rows(0, 1, 2, 6));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void pairsOrderNanTheSameWay(Kernels kernels) {
        double[] right = new double[PATTERN.length * REPEATS];
        Arrays.fill(right, Double.NaN);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment left = TestColumns.segment(arena, column(), false);
            MemorySegment rightSegment = TestColumns.segment(arena, right, false);
            int[] selection = new int[right.length];
            int n = kernels.selectDoublePairs(left, null, rightSegment, null, right.length, CompareOp.EQ, selection);
            assertThat(Arrays.copyOf(selection, n)).containsExactly(rows(0, 6));
            n = kernels.selectDoublePairs(rightSegment, null, left, null, right.length, CompareOp.GT, selection);
            assertThat(Arrays.copyOf(selection, n)).containsExactly(rows(1, 2, 3, 4, 5));
        }
    }

    private static int[] select(Kernels kernels, CompareOp op, double constant) {
        double[] values = column();
        try (Arena arena = Arena.ofConfined()) {
            int[] selection = new int[values.length];
            int n = kernels.selectDouble(TestColumns.segment(arena, values, false), null, values.length, op, constant, selection);
            return Arrays.copyOf(selection, n);
        }
    }

    private static double[] column() {
        double[] values = new double[PATTERN.length * REPEATS];
        for (int i = 0; i < values.length; i++) {
            values[i] = PATTERN[i % PATTERN.length];
        }
        return values;
    }

    /** The row numbers, over all repeats, of the given positions in the pattern. */
    private static int[] rows(int... positions) {
        int[] out = new int[positions.length * REPEATS];
        int n = 0;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            for (int position : positions) {
                out[n++] = repeat * PATTERN.length + position;
            }
        }
        return out;
    }
}
