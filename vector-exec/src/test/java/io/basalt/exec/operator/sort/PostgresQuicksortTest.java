package io.basalt.exec.operator.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL's order of ties: the orders below were printed by a PostgreSQL 15 server for the same rows in the
 * same heap order (a sequential scan feeding an in-memory sort); and on random keys the result is a sorted
 * permutation, over sizes around the algorithm's thresholds (insertion sort below 7, ninther above 40).
 */
class PostgresQuicksortTest {
    @Test
    void tiesComeOutInPostgresOrderForASmallInput() {
        // window.sql's empsalary: (depname, empno, salary) in insertion order; ORDER BY depname, salary
        String[] names = {"develop", "sales", "personnel", "sales", "personnel", "develop", "develop", "sales",
            "develop", "develop"};
        long[] empno = {10, 1, 5, 4, 2, 7, 9, 3, 8, 11};
        long[] salary = {5200, 5000, 3500, 4800, 3900, 4200, 4500, 4800, 6000, 5200};
        try (BufferAllocator allocator = MemoryRoots.newRoot("postgres quicksort test", 1L << 24);
             FieldVector depname = ValueAccess.allocate(LogicalType.TEXT, "d", allocator, 10);
             FieldVector pay = ValueAccess.allocate(LogicalType.BIGINT, "s", allocator, 10)) {
            for (int i = 0; i < 10; i++) {
                ValueAccess.set(depname, i, names[i]);
                ValueAccess.set(pay, i, salary[i]);
            }
            depname.setValueCount(10);
            pay.setValueCount(10);
            FieldVector[] columns = {depname, pay};
            assertThat(empnos(columns, List.of(new SortKey(0, false, false), new SortKey(1, false, false)), empno))
                    .containsExactly(7, 9, 11, 10, 8, 5, 2, 3, 4, 1);
            assertThat(empnos(columns, List.of(new SortKey(0, false, false)), empno))
                    .containsExactly(11, 7, 9, 8, 10, 5, 2, 3, 1, 4);
        }
    }

    @Test
    void tiesComeOutInPostgresOrderForALargerInput() {
        // CREATE TABLE t AS SELECT id, (id * 37) % 7 AS k FROM generate_series(1, 100) id; SELECT id ORDER BY k
        long[] expected = {91, 42, 35, 7, 98, 84, 77, 14, 70, 63, 21, 56, 49, 28, 95, 46, 39, 32, 67, 88, 18, 53, 60,
            81, 11, 25, 74, 4, 1, 8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78, 85, 92, 99, 33, 96, 68, 61, 19, 26, 40, 5,
            89, 82, 54, 12, 47, 75, 100, 93, 51, 23, 58, 65, 16, 72, 79, 9, 2, 86, 37, 30, 44, 76, 6, 55, 90, 62, 83,
            34, 97, 41, 20, 69, 48, 13, 27, 87, 94, 80, 10, 24, 38, 31, 45, 73, 52, 3, 66, 17, 59};
        long[] ids = new long[100];
        try (BufferAllocator allocator = MemoryRoots.newRoot("postgres quicksort test", 1L << 24);
             FieldVector k = ValueAccess.allocate(LogicalType.BIGINT, "k", allocator, 100)) {
            for (int i = 0; i < 100; i++) {
                ids[i] = i + 1;
                ValueAccess.set(k, i, (long) ((i + 1) * 37 % 7));
            }
            k.setValueCount(100);
            assertThat(empnos(new FieldVector[] {k}, List.of(new SortKey(0, false, false)), ids))
                    .containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {0, 1, 2, 6, 7, 8, 40, 41, 1023, 1025, 4099})
    void sortsEveryRowIntoOrder(int size) {
        Random random = new Random(size);
        try (BufferAllocator allocator = MemoryRoots.newRoot("postgres quicksort test", 1L << 26);
             FieldVector key = ValueAccess.allocate(LogicalType.BIGINT, "k", allocator, size)) {
            for (int i = 0; i < size; i++) {
                ValueAccess.set(key, i, random.nextInt(8) == 0 ? null : (long) random.nextInt(1 + size / 3));
            }
            key.setValueCount(size);
            RowOrdering ordering = new RowOrdering(new FieldVector[] {key}, size, new int[0],
                    List.of(new SortKey(0, true, true)));
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            PostgresQuicksort.sort(ordering, order, 0, size);
            int[] rows = order.clone();
            Arrays.sort(rows);
            for (int i = 0; i < size; i++) {
                assertThat(rows[i]).isEqualTo(i);
            }
            for (int i = 1; i < size; i++) {
                assertThat(ordering.compareRows(order[i - 1], order[i])).isLessThanOrEqualTo(0);
            }
        }
    }

    private static long[] empnos(FieldVector[] columns, List<SortKey> keys, long[] labels) {
        int count = columns[0].getValueCount();
        RowOrdering ordering = new RowOrdering(columns, count, new int[0], keys);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        PostgresQuicksort.sort(ordering, order, 0, count);
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = labels[order[i]];
        }
        return result;
    }
}
