package io.basalt.exec.operator.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.kernel.PlainKernels;
import io.basalt.exec.kernel.VectorKernels;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SelectionRefiner#selectAll}, which ANDs comparisons of integer columns with constants as bitmaps over the
 * whole batch (reading each column's validity bitmap alongside its values), keeps exactly the rows where every
 * comparison is true: NULLs never qualify, with either kernel set, for batch sizes around the vector widths and
 * constants on either side.
 */
class SelectionRefinerMaskTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void everythingIsFreed() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    @Test
    void theMaskKeepsTheRowsEveryComparisonAccepts() {
        Random random = new Random(61);
        for (int rows : new int[] {1, 7, 63, 64, 65, 130, 2047, 2048}) {
            for (int nullsPerHundred : new int[] {0, 10, 100}) {
                Long[] boxedLongs = new Long[rows];
                Integer[] ints = new Integer[rows];
                for (int r = 0; r < rows; r++) {
                    long value = random.nextInt(20) - 10;
                    boxedLongs[r] = random.nextInt(100) < nullsPerHundred ? null : value;
                    ints[r] = random.nextInt(100) < nullsPerHundred ? null : random.nextInt(20) - 10;
                }
                List<PhysicalExpression> conjuncts = List.of(
                        compare(CompareOp.GE, column(0, LogicalType.BIGINT), constant(LogicalType.BIGINT, -6L)),
                        compare(CompareOp.LT, constant(LogicalType.INTEGER, -3L), column(1, LogicalType.INTEGER)),
                        compare(CompareOp.NE, column(1, LogicalType.INTEGER), constant(LogicalType.INTEGER, 5L)),
                        compare(CompareOp.LE, column(0, LogicalType.BIGINT), constant(LogicalType.BIGINT, 7L)));
                int[] expected = expected(boxedLongs, ints);
                try (FieldVector a = vector(LogicalType.BIGINT, boxedLongs); FieldVector b = vector(LogicalType.INTEGER, ints)) {
                    Batch batch = new Batch(List.of(a, b), rows);
                    for (var kernels : List.of(new PlainKernels(), new VectorKernels())) {
                        int[] selection = new int[rows];
                        int n = new SelectionRefiner(kernels).selectAll(conjuncts, batch, selection);
                        assertThat(Arrays.copyOf(selection, n))
                                .as(kernels.getClass().getSimpleName() + " over " + rows + " rows, " + nullsPerHundred + "% NULL")
                                .containsExactly(expected);
                    }
                }
            }
        }
    }

    /** a >= -6 AND -3 < b AND b <> 5 AND a <= 7, row by row; NULL is not true. */
    private static int[] expected(Long[] a, Integer[] b) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < a.length; r++) {
            if (a[r] != null && b[r] != null && a[r] >= -6 && -3 < b[r] && b[r] != 5 && a[r] <= 7) {
                rows.add(r);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private FieldVector vector(LogicalType type, Object[] values) {
        FieldVector vector = ValueAccess.allocate(type, "c", allocator, values.length);
        for (int r = 0; r < values.length; r++) {
            Object value = values[r] instanceof Integer i ? (Object) (long) i : values[r];
            ValueAccess.set(vector, r, value);
        }
        vector.setValueCount(values.length);
        return vector;
    }

    private static ComparisonExpression compare(CompareOp op, PhysicalExpression left, PhysicalExpression right) {
        return new ComparisonExpression(op, left, right);
    }

    private static ColumnExpression column(int index, LogicalType type) {
        return new ColumnExpression(index, type);
    }

    private static ConstantExpression constant(LogicalType type, long value) {
        return new ConstantExpression(type, value);
    }
}
