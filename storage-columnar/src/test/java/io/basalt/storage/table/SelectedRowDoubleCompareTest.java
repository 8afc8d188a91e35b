package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.kernel.CompareOp;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SelectedRowAggregates#andCompareDoubles}, the filter on decoded DOUBLE chunks, against PostgreSQL's float8
 * order written out per row: NaN equals NaN and sorts above every number and infinity, -0 equals 0. Row counts that are
 * not whole words, and selections with bits already cleared, are included.
 */
class SelectedRowDoubleCompareTest {
    private static final double[] SPECIAL = {
        Double.NaN, 0.0, -0.0, 1.5, -1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.MIN_VALUE
    };

    @Test
    void everyOperatorKeepsExactlyTheRowsPostgresWouldPass() {
        Random random = new Random(7);
        try (Arena arena = Arena.ofConfined()) {
            for (int rows : new int[] {1, 63, 64, 65, 200}) {
                double[] data = new double[rows];
                for (int i = 0; i < rows; i++) {
                    data[i] = random.nextInt(3) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : random.nextInt(5) - 2;
                }
                MemorySegment values = arena.allocate((long) rows * Double.BYTES, Double.BYTES);
                MemorySegment.copy(data, 0, values, ValueLayout.JAVA_DOUBLE, 0, rows);
                for (double constant : SPECIAL) {
                    for (CompareOp op : CompareOp.values()) {
                        long[] selected = new long[(rows + 63) >>> 6];
                        java.util.Arrays.fill(selected, 0x5555_5555_5555_5555L); // every other row already out
                        SelectedRowAggregates.andCompareDoubles(values, rows, op, constant, selected);
                        for (int i = 0; i < rows; i++) {
                            boolean before = (0x5555_5555_5555_5555L >>> (i & 63) & 1) != 0;
                            boolean expected = before && passes(postgresOrder(data[i], constant), op);
                            assertThat((selected[i >>> 6] >>> (i & 63) & 1) != 0)
                                    .as("%s %s %s (row %d of %d)", data[i], op, constant, i, rows)
                                    .isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    /** -1, 0 or 1: NaN is the largest value and equal to itself; -0 and 0 are equal. */
    private static int postgresOrder(double left, double right) {
        boolean leftNaN = Double.isNaN(left);
        boolean rightNaN = Double.isNaN(right);
        if (leftNaN || rightNaN) {
            return leftNaN == rightNaN ? 0 : leftNaN ? 1 : -1;
        }
        return left < right ? -1 : left > right ? 1 : 0;
    }

    private static boolean passes(int order, CompareOp op) {
        return switch (op) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }
}
