package io.basalt.exec.operator.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel sort (split by first-key ranges, or runs merged when the ranges would be uneven or a key is
 * text) against the single-threaded stable sort of the same {@link RowOrdering}: first keys with many values,
 * few values, one value, NULLs, both directions and NULL placements, 2 to 4 runs; equal positions required.
 */
class ParallelRowSortTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void equalsTheSequentialSort(int seed) {
        Random random = new Random(seed);
        int count = 1 + random.nextInt(40_000);
        int distinct = new int[] {1, 3, 50, 1_000_000}[seed % 4];
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try (BufferAllocator allocator = MemoryRoots.newRoot("parallel sort test", 1L << 30)) {
            FieldVector integers = ValueAccess.allocate(LogicalType.BIGINT, "i", allocator, count);
            FieldVector doubles = ValueAccess.allocate(LogicalType.DOUBLE, "d", allocator, count);
            FieldVector texts = ValueAccess.allocate(LogicalType.TEXT, "t", allocator, count);
            try (integers; doubles; texts) {
                for (int i = 0; i < count; i++) {
                    ValueAccess.set(integers, i, random.nextInt(10) == 0 ? null : (long) random.nextInt(distinct) - distinct / 2);
                    ValueAccess.set(doubles, i, random.nextInt(10) == 0 ? null : (double) random.nextInt(7) - 3.0);
                    ValueAccess.set(texts, i, random.nextInt(10) == 0 ? null : "t" + random.nextInt(5));
                }
                integers.setValueCount(count);
                doubles.setValueCount(count);
                texts.setValueCount(count);
                FieldVector[] columns = {integers, doubles, texts};
                List<SortKey> keys = new ArrayList<>();
                keys.add(new SortKey(0, random.nextBoolean(), random.nextBoolean()));
                keys.add(new SortKey(1, random.nextBoolean(), random.nextBoolean()));
                if (seed % 3 == 0) {
                    keys.add(new SortKey(2, random.nextBoolean(), random.nextBoolean()));
                }
                int[] partitions = seed % 5 == 0 ? new int[] {1} : new int[0];
                RowOrdering ordering = new RowOrdering(columns, count, partitions, keys);
                int[] expected = ordering.sort(count);
                for (int runs = 2; runs <= 4; runs++) {
                    int[] order = new int[count];
                    for (int i = 0; i < count; i++) {
                        order[i] = i;
                    }
                    ExecutionContext context = ExecutionContext.parallel(allocator, 1024, runs, workers, 0);
                    ParallelRowSort.sort(ordering, order, count, runs, context);
                    assertThat(order).as("%d rows, %d runs, keys %s", count, runs, keys).isEqualTo(expected);
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }
}
