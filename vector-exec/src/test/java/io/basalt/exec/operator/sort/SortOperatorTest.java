package io.basalt.exec.operator.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ORDER BY against a model (a stable Java sort with PostgreSQL's ordering: NULLs placed per key, doubles with
 * -0 equal to 0 and NaN above everything, text by UTF-8 bytes) on random rows with many ties, and the parallel
 * sort (runs merged on 2 and 3 threads) against the single-threaded one: identical row for row, ties included.
 * Every run checks that its allocator is empty.
 */
class SortOperatorTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.INTEGER, LogicalType.DOUBLE,
            LogicalType.TEXT, LogicalType.BIGINT);
    private static final double[] DOUBLES = {-0.0, 0.0, Double.NaN, 1.5, -2.25, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 7.0};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void sortsLikeTheModelOnAnyNumberOfThreads(int seed) {
        Random random = new Random(seed);
        int count = new int[] {0, 1, 5, 700, 3000, 9000}[seed % 6];
        List<List<Object>> rows = new ArrayList<>();
        List<List<PhysicalExpression>> expressions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long small = random.nextInt(9) == 0 ? null : (long) random.nextInt(7) - 3;
            Double real = random.nextInt(9) == 0 ? null : DOUBLES[random.nextInt(DOUBLES.length)];
            String text = random.nextInt(9) == 0 ? null
                    : new String[] {"", "a", "ab", "b", "é", "Z", "aa"}[random.nextInt(7)];
            long id = i;
            rows.add(java.util.Arrays.asList(small, real, text, id));
            expressions.add(List.of(new ConstantExpression(LogicalType.INTEGER, small),
                    new ConstantExpression(LogicalType.DOUBLE, real), new ConstantExpression(LogicalType.TEXT, text),
                    new ConstantExpression(LogicalType.BIGINT, id)));
        }
        List<SortKey> keys = new ArrayList<>();
        int keyCount = 1 + random.nextInt(3);
        List<Integer> columns = new ArrayList<>(List.of(0, 1, 2));
        java.util.Collections.shuffle(columns, random);
        for (int k = 0; k < keyCount; k++) {
            keys.add(new SortKey(columns.get(k), random.nextBoolean(), random.nextBoolean()));
        }
        SortOperator sort = new SortOperator(new ValuesOperator(expressions, TYPES), keys);
        List<List<Object>> expected = new ArrayList<>(rows);
        expected.sort(model(keys));
        int vectorSize = new int[] {7, 2048}[seed % 2];
        assertThat(run(sort, vectorSize, 1)).as("keys %s", keys).isEqualTo(expected);
        for (int threads : new int[] {2, 3}) {
            assertThat(run(sort, vectorSize, threads)).as("%d threads", threads).isEqualTo(expected);
        }
    }

    private static Comparator<List<Object>> model(List<SortKey> keys) {
        Comparator<List<Object>> order = (a, b) -> 0;
        for (SortKey key : keys) {
            Comparator<Object> values = (x, y) -> switch (x) {
                case Long l -> Long.compare(l, (Long) y);
                case Double d -> compareDoubles(d, (Double) y);
                case String s -> java.util.Arrays.compareUnsigned(s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        ((String) y).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                default -> throw new IllegalStateException();
            };
            Comparator<Object> directed = key.descending() ? values.reversed() : values;
            Comparator<Object> withNulls = key.nullsFirst() ? Comparator.nullsFirst(directed)
                    : Comparator.nullsLast(directed);
            order = order.thenComparing(row -> row.get(key.column()), withNulls);
        }
        return order;
    }

    private static int compareDoubles(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
        }
        return a < b ? -1 : a > b ? 1 : 0;
    }

    private static List<List<Object>> run(PhysicalOperator plan, int vectorSize, int threads) {
        return io.basalt.exec.pipeline.PlanRows.run(plan, vectorSize, threads);
    }
}
