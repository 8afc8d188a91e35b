package io.basalt.exec.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.DistinctAggregate;
import io.basalt.exec.function.aggregate.GroupedAggregateState;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * The primitive (group, value) pair table of DISTINCT aggregates over integer-like values reports the same first
 * occurrences as a set of pairs in plain Java, NULLs included, keeps its pairs through growth, and hands them on as
 * vectors for a merge; count and sum with DISTINCT over it give the plain-Java answers with and without merges.
 */
class IntegerDistinctPairsTest {
    private static final int GROUPS = 37;

    @Test
    void firstOccurrencesMatchAPlainSetForEachWidth() {
        Random random = new Random(11);
        for (LogicalType type : List.of(LogicalType.SMALLINT, LogicalType.INTEGER, LogicalType.BIGINT,
                LogicalType.DATE)) {
            for (boolean skipNulls : new boolean[] {false, true}) {
                try (BufferAllocator allocator = new RootAllocator();
                     DistinctPairs pairs = new DistinctPairs(type, allocator)) {
                    Set<List<Object>> seen = new HashSet<>();
                    List<List<Object>> order = new ArrayList<>();
                    for (int batch = 0; batch < 40; batch++) {
                        int rows = 1 + random.nextInt(700);
                        int[] groups = new int[rows];
                        Object[] values = new Object[rows];
                        for (int i = 0; i < rows; i++) {
                            groups[i] = random.nextInt(GROUPS);
                            values[i] = random.nextInt(10) == 0 ? null : value(type, random);
                        }
                        List<Integer> expected = new ArrayList<>();
                        for (int i = 0; i < rows; i++) {
                            List<Object> pair = java.util.Arrays.asList(groups[i], values[i]);
                            if (seen.add(pair)) {
                                order.add(pair);
                                if (!skipNulls || values[i] != null) {
                                    expected.add(i);
                                }
                            }
                        }
                        try (FieldVector vector = vector(type, values, allocator)) {
                            int[] fresh = pairs.firstOccurrences(groups, new FieldVector[] {vector}, rows, skipNulls);
                            assertThat(fresh).as("%s batch %d", type, batch)
                                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
                        }
                    }
                    assertThat(pairs.size()).isEqualTo(order.size());
                    FieldVector groupColumn = pairs.groupColumn();
                    FieldVector valueColumn = pairs.valueColumn();
                    for (int p = 0; p < order.size(); p++) {
                        assertThat(ValueAccess.get(groupColumn, p)).isEqualTo((long) (Integer) order.get(p).get(0));
                        assertThat(ValueAccess.get(valueColumn, p)).isEqualTo(order.get(p).get(1));
                    }
                }
            }
        }
    }

    @Test
    void countAndSumDistinctAgreeWithPlainJavaAcrossMerges() {
        Random random = new Random(12);
        int rows = 5000;
        int[] groups = new int[rows];
        Object[] values = new Object[rows];
        for (int i = 0; i < rows; i++) {
            groups[i] = random.nextInt(GROUPS);
            values[i] = random.nextInt(9) == 0 ? null : (long) random.nextInt(300) - 100;
        }
        Map<Integer, Set<Long>> distinct = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            if (values[i] != null) {
                distinct.computeIfAbsent(groups[i], g -> new HashSet<>()).add((Long) values[i]);
            }
        }
        DistinctAggregate count = new DistinctAggregate(new CountAggregate(LogicalType.BIGINT));
        DistinctAggregate sum = new DistinctAggregate(new SumAverageAggregate(false, LogicalType.BIGINT));
        for (int workers : new int[] {1, 3}) {
            try (BufferAllocator allocator = new RootAllocator()) {
                List<Object> counts = aggregate(count, groups, values, workers, allocator);
                List<Object> sums = aggregate(sum, groups, values, workers, allocator);
                for (int g = 0; g < GROUPS; g++) {
                    Set<Long> set = distinct.getOrDefault(g, Set.of());
                    assertThat(counts.get(g)).as("count group %d, %d workers", g, workers)
                            .isEqualTo((long) set.size());
                    Object expectedSum = set.isEmpty() ? null
                            : new BigDecimal(set.stream().mapToLong(Long::longValue).sum());
                    Object actualSum = sums.get(g) instanceof BigDecimal d ? new BigDecimal(d.toBigInteger())
                            : sums.get(g);
                    assertThat(actualSum).as("sum group %d, %d workers", g, workers).isEqualTo(expectedSum);
                }
            }
        }
    }

    /** The results per group of {@code function} over the rows split among {@code workers} merged states. */
    private static List<Object> aggregate(DistinctAggregate function, int[] groups, Object[] values, int workers,
                                          BufferAllocator allocator) {
        try (GroupedAggregateState total = function.newState(allocator);
             FieldVector out = ValueAccess.allocate(function.resultType(), "out", allocator, GROUPS)) {
            total.ensureGroups(GROUPS);
            int[] mapping = new int[GROUPS];
            for (int g = 0; g < GROUPS; g++) {
                mapping[g] = g;
            }
            int rows = groups.length;
            for (int w = 0; w < workers; w++) {
                int from = rows * w / workers;
                int to = rows * (w + 1) / workers;
                try (GroupedAggregateState worker = workers == 1 ? null : function.newState(allocator)) {
                    GroupedAggregateState target = workers == 1 ? total : worker;
                    target.ensureGroups(GROUPS);
                    for (int start = from; start < to; start += 256) {
                        int n = Math.min(256, to - start);
                        Object[] slice = java.util.Arrays.copyOfRange(values, start, start + n);
                        try (FieldVector vector = vector(LogicalType.BIGINT, slice, allocator)) {
                            target.update(vector, java.util.Arrays.copyOfRange(groups, start, start + n), n);
                        }
                    }
                    if (worker != null) {
                        total.merge(worker, mapping, GROUPS);
                    }
                }
            }
            total.writeResults(out, GROUPS);
            out.setValueCount(GROUPS);
            List<Object> results = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                results.add(ValueAccess.get(out, g));
            }
            return results;
        }
    }

    private static Object value(LogicalType type, Random random) {
        // integer-like values travel as Long (a date as its day number)
        return switch (type.physical()) {
            case INT16 -> (long) random.nextInt(200) - 100;
            case INT32 -> random.nextInt(8) == 0 ? (long) Integer.MIN_VALUE + random.nextInt(2)
                    : (long) random.nextInt(400) - 200;
            default -> random.nextInt(8) == 0 ? Long.MIN_VALUE + random.nextInt(3) : (long) random.nextInt(500) - 250;
        };
    }

    private static FieldVector vector(LogicalType type, Object[] values, BufferAllocator allocator) {
        FieldVector vector = ValueAccess.allocate(type, "v", allocator, values.length);
        for (int i = 0; i < values.length; i++) {
            ValueAccess.set(vector, i, values[i]);
        }
        vector.setValueCount(values.length);
        return vector;
    }
}
