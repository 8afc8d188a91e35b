package io.basalt.exec.function.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Every aggregate added for PostgreSQL's library gives the same results when its rows go through one state
 * as when they are split over three worker states that are merged into a fresh one under a scrambled group
 * mapping, as the parallel hash aggregate does. Exact aggregates must agree exactly; the Youngs-Cramer
 * ones combine partial sums by a different formula, so they agree to rounding.
 */
class MergedStatesTest {
    private static final int ROWS = 3001;
    private static final int GROUPS = 13;

    @Test
    void booleanAndBitwiseAggregates() {
        Random random = new Random(1);
        IntFunction<Object> bools = i -> random.nextInt(9) == 0 ? null : random.nextInt(5) != 0;
        assertMergesExactly(BooleanAggregate.of("bool_and"), List.of(LogicalType.BOOLEAN), List.of(bools));
        assertMergesExactly(BooleanAggregate.of("bool_or"), List.of(LogicalType.BOOLEAN), List.of(bools));
        IntFunction<Object> longs = i -> random.nextInt(9) == 0 ? null : random.nextLong() | (1L << random.nextInt(64));
        assertMergesExactly(new BitwiseAggregate(true, LogicalType.BIGINT), List.of(LogicalType.BIGINT), List.of(longs));
        assertMergesExactly(new BitwiseAggregate(false, LogicalType.BIGINT), List.of(LogicalType.BIGINT), List.of(longs));
    }

    @Test
    void numericVarianceIsExactAcrossMerges() {
        Random random = new Random(2);
        IntFunction<Object> huge = i -> random.nextInt(11) == 0 ? null
                : (random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(100) : random.nextLong());
        IntFunction<Object> decimals = i -> random.nextInt(11) == 0 ? null
                : BigDecimal.valueOf(random.nextLong() % 1_000_000_000L, random.nextInt(6));
        for (VarianceKind kind : VarianceKind.values()) {
            assertMergesExactly(new NumericVarianceAggregate("v", kind, LogicalType.BIGINT), List.of(LogicalType.BIGINT),
                    List.of(huge));
            assertMergesExactly(new NumericVarianceAggregate("v", kind, LogicalType.NUMERIC),
                    List.of(LogicalType.NUMERIC), List.of(decimals));
        }
    }

    @Test
    void floatVarianceAndRegressionAgreeToRounding() {
        Random random = new Random(3);
        IntFunction<Object> doubles = i -> random.nextInt(11) == 0 ? null : random.nextGaussian() * 1000 + 50;
        for (VarianceKind kind : VarianceKind.values()) {
            assertMergesClosely(new FloatVarianceAggregate("v", kind), List.of(LogicalType.DOUBLE), List.of(doubles));
        }
        for (RegressionKind kind : RegressionKind.values()) {
            assertMergesClosely(new RegressionAggregate(kind), List.of(LogicalType.DOUBLE, LogicalType.DOUBLE),
                    List.of(doubles, doubles));
        }
    }

    @Test
    void stringAggregateKeepsInputOrderAndEachDelimiter() {
        Random random = new Random(4);
        IntFunction<Object> words = i -> random.nextInt(7) == 0 ? null : "w" + i;
        IntFunction<Object> delimiters = i -> random.nextInt(5) == 0 ? null : (i % 2 == 0 ? "," : "; ");
        assertMergesExactly(new StringAggregate(LogicalType.TEXT), List.of(LogicalType.TEXT, LogicalType.TEXT),
                List.of(words, delimiters));
    }

    @Test
    void orderedStringAggregateSortsAcrossWorkers() {
        Random random = new Random(5);
        IntFunction<Object> words = i -> random.nextInt(7) == 0 ? null : "w" + random.nextInt(500);
        IntFunction<Object> delimiters = i -> ",";
        IntFunction<Object> keys = i -> random.nextInt(13) == 0 ? null : (long) random.nextInt(1000);
        OrderedAggregate ordered = new OrderedAggregate(new StringAggregate(LogicalType.TEXT), 2,
                List.of(new SortKey(0, true, false)));
        // Ties keep input order within a worker only, so the keys here are unique (NULLs sort last, in order).
        IntFunction<Object> uniqueKeys = i -> {
            Object key = keys.apply(i);
            return key == null ? null : (long) i * 1000 + (Long) key;
        };
        assertMergesExactly(ordered, List.of(LogicalType.TEXT, LogicalType.TEXT, LogicalType.BIGINT),
                List.of(words, delimiters, uniqueKeys));
    }

    @Test
    void percentilesAndModeAreExactAcrossMerges() {
        Random random = new Random(6);
        IntFunction<Object> doubles = i -> random.nextInt(11) == 0 ? null : (double) random.nextInt(100) / 4;
        IntFunction<Object> fraction = i -> 0.37;
        IntFunction<Object> ints = i -> random.nextInt(11) == 0 ? null : (long) random.nextInt(40);
        IntFunction<Object> texts = i -> random.nextInt(11) == 0 ? null : "t" + random.nextInt(30);
        IntFunction<Object> intervals = i -> random.nextInt(11) == 0 ? null
                : new Interval(random.nextInt(3), random.nextInt(40), random.nextInt(1_000_000) * 1000L);
        for (boolean descending : new boolean[] {false, true}) {
            assertMergesExactly(new PercentileAggregate(true, descending, LogicalType.DOUBLE),
                    List.of(LogicalType.DOUBLE, LogicalType.DOUBLE), List.of(doubles, fraction));
            assertMergesExactly(new PercentileAggregate(true, descending, LogicalType.INTERVAL),
                    List.of(LogicalType.INTERVAL, LogicalType.DOUBLE), List.of(intervals, fraction));
            assertMergesExactly(new PercentileAggregate(false, descending, LogicalType.TEXT),
                    List.of(LogicalType.TEXT, LogicalType.DOUBLE), List.of(texts, fraction));
            assertMergesExactly(new ModeAggregate(descending, LogicalType.INTEGER), List.of(LogicalType.INTEGER),
                    List.of(ints));
            assertMergesExactly(new ModeAggregate(descending, LogicalType.TEXT), List.of(LogicalType.TEXT),
                    List.of(texts));
        }
    }

    // ---- harness --------------------------------------------------------------------------------------

    private static void assertMergesExactly(AggregateFunction function, List<LogicalType> types,
                                            List<IntFunction<Object>> columns) {
        compare(function, types, columns, false);
    }

    private static void assertMergesClosely(AggregateFunction function, List<LogicalType> types,
                                            List<IntFunction<Object>> columns) {
        compare(function, types, columns, true);
    }

    private static void compare(AggregateFunction function, List<LogicalType> types, List<IntFunction<Object>> columns,
                                boolean closely) {
        Random random = new Random(function.hashCode());
        Object[][] values = new Object[types.size()][ROWS];
        int[] groupIds = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < types.size(); c++) {
                values[c][i] = columns.get(c).apply(i);
            }
            groupIds[i] = random.nextInt(GROUPS);
        }
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector single = ValueAccess.allocate(function.resultType(), "s", allocator, GROUPS);
             FieldVector merged = ValueAccess.allocate(function.resultType(), "m", allocator, GROUPS)) {
            try (GroupedAggregateState whole = function.newState(allocator)) {
                whole.ensureGroups(GROUPS);
                feed(whole, types, values, groupIds, 0, ROWS, allocator);
                whole.writeResults(single, GROUPS);
            }
            // Workers number their groups differently: worker-local group k is global group mapping[k].
            int[] mapping = new int[GROUPS];
            int[] local = new int[GROUPS];
            for (int g = 0; g < GROUPS; g++) {
                mapping[g] = (g * 5 + 3) % GROUPS;
                local[mapping[g]] = g;
            }
            int[] localIds = new int[ROWS];
            for (int i = 0; i < ROWS; i++) {
                localIds[i] = local[groupIds[i]];
            }
            try (GroupedAggregateState total = function.newState(allocator)) {
                total.ensureGroups(GROUPS);
                int[] bounds = {0, ROWS / 3, ROWS / 3 + 7, ROWS};
                for (int w = 0; w < 3; w++) {
                    try (GroupedAggregateState worker = function.newState(allocator)) {
                        worker.ensureGroups(GROUPS);
                        feed(worker, types, values, localIds, bounds[w], bounds[w + 1], allocator);
                        total.merge(worker, mapping, GROUPS);
                    }
                }
                total.writeResults(merged, GROUPS);
            }
            single.setValueCount(GROUPS);
            merged.setValueCount(GROUPS);
            for (int g = 0; g < GROUPS; g++) {
                Object expected = ValueAccess.get(single, g);
                Object actual = ValueAccess.get(merged, g);
                if (closely && expected instanceof Double e && actual instanceof Double a) {
                    assertThat(a).as("%s group %d", function, g).isCloseTo(e, within(Math.abs(e) * 1e-9 + 1e-9));
                } else {
                    assertThat(actual).as("%s group %d", function, g).isEqualTo(expected);
                }
            }
        }
    }

    /** Feeds rows {@code [from, to)} to {@code state} in batches of 100 (a ragged last one). */
    private static void feed(GroupedAggregateState state, List<LogicalType> types, Object[][] values, int[] groupIds,
                             int from, int to, BufferAllocator allocator) {
        for (int start = from; start < to; start += 100) {
            int rows = Math.min(100, to - start);
            FieldVector[] vectors = new FieldVector[types.size()];
            try {
                for (int c = 0; c < types.size(); c++) {
                    vectors[c] = ValueAccess.allocate(types.get(c), "c" + c, allocator, rows);
                    for (int i = 0; i < rows; i++) {
                        ValueAccess.set(vectors[c], i, values[c][start + i]);
                    }
                    vectors[c].setValueCount(rows);
                }
                int[] ids = java.util.Arrays.copyOfRange(groupIds, start, start + rows);
                if (vectors.length == 1) {
                    state.update(vectors[0], ids, rows);
                } else {
                    state.updateArguments(vectors, ids, rows);
                }
            } finally {
                for (FieldVector vector : vectors) {
                    if (vector != null) {
                        vector.close();
                    }
                }
            }
        }
    }
}
