package io.basalt.exec.operator.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.function.window.WindowFunction.Kind;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.exec.operator.window.WindowFrame.BoundKind;
import io.basalt.exec.operator.window.WindowFrame.Exclusion;
import io.basalt.exec.operator.window.WindowFrame.Mode;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window operator's parallel finish (parallel sort, merge, pieces of whole partitions) and its row
 * limit (top rows per partition) against its single-threaded, unlimited self: on random inputs with ties,
 * NULLs, few or many partitions, integer or text partition keys, with and without ORDER BY, the outputs must
 * be identical row for row (the sorts are stable, so ties too). Every run checks that its allocator is empty.
 */
class WindowParallelTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.INTEGER, LogicalType.INTEGER,
            LogicalType.INTEGER, LogicalType.INTEGER, LogicalType.TEXT, LogicalType.INTEGER);
    private static final int PARTITION = 0;
    private static final int KEY = 1;
    private static final int VALUE = 2;
    private static final int TEXT_PARTITION = 4;
    private static final int ONE = 5;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void parallelFinishEqualsSequential(int seed) {
        Random random = new Random(seed);
        List<List<PhysicalExpression>> rows = randomRows(random, 2000 + random.nextInt(6000), 1 + random.nextInt(300));
        int[] partitions = switch (seed % 4) {
            case 0 -> new int[0];
            case 1 -> new int[] {PARTITION};
            case 2 -> new int[] {TEXT_PARTITION};
            default -> new int[] {PARTITION, TEXT_PARTITION};
        };
        List<SortKey> order = seed % 3 == 0 ? List.of()
                : List.of(new SortKey(KEY, random.nextBoolean(), random.nextBoolean()));
        WindowFrame moving = new WindowFrame(Mode.ROWS, BoundKind.PRECEDING, 3L, BoundKind.FOLLOWING, 2L,
                Exclusion.CURRENT_ROW, null);
        List<WindowCall> calls = List.of(
                new WindowCall(WindowFunction.of(Kind.ROW_NUMBER, LogicalType.BIGINT), new int[0], WindowFrame.DEFAULT),
                new WindowCall(WindowFunction.of(Kind.RANK, LogicalType.BIGINT), new int[0], WindowFrame.DEFAULT),
                new WindowCall(WindowFunction.of(Kind.DENSE_RANK, LogicalType.BIGINT), new int[0], WindowFrame.DEFAULT),
                new WindowCall(WindowFunction.of(Kind.CUME_DIST, LogicalType.DOUBLE), new int[0], WindowFrame.DEFAULT),
                new WindowCall(WindowFunction.of(Kind.LAG, LogicalType.INTEGER), new int[] {VALUE, ONE, VALUE},
                        WindowFrame.DEFAULT),
                new WindowCall(WindowFunction.aggregate(new SumAverageAggregate(false, LogicalType.INTEGER)),
                        new int[] {VALUE}, moving),
                new WindowCall(WindowFunction.aggregate(new MinMaxAggregate(true, LogicalType.INTEGER)),
                        new int[] {VALUE}, WindowFrame.DEFAULT),
                new WindowCall(WindowFunction.of(Kind.FIRST_VALUE, LogicalType.TEXT), new int[] {TEXT_PARTITION},
                        moving));
        WindowOperator operator = new WindowOperator(new ValuesOperator(rows, TYPES), partitions, order, calls);
        int vectorSize = new int[] {7, 64, 2048}[random.nextInt(3)];
        List<List<Object>> sequential = run(operator, vectorSize, 1);
        assertThat(sequential).hasSize(rows.size());
        for (int threads : new int[] {2, 3}) {
            assertThat(run(operator, vectorSize, threads)).as("%d threads", threads).isEqualTo(sequential);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void rowLimitKeepsTheRowsTheFilterKeeps(int seed) {
        Random random = new Random(100 + seed);
        int partitionsCount = new int[] {1, 5, 40, 400}[seed % 4];
        List<List<PhysicalExpression>> rows = randomRows(random, 3000 + random.nextInt(4000), partitionsCount);
        int[] partitions = switch (seed % 3) {
            case 0 -> new int[0];
            case 1 -> new int[] {PARTITION};
            default -> new int[] {TEXT_PARTITION, PARTITION};
        };
        // one order key with many ties (peers for rank and dense_rank), or two
        List<SortKey> order = seed % 4 < 2
                ? List.of(new SortKey(KEY, seed % 2 == 0, random.nextBoolean()), new SortKey(VALUE, true, false))
                : List.of(new SortKey(KEY, seed % 2 == 0, random.nextBoolean()));
        List<WindowCall> calls = List.of(
                new WindowCall(WindowFunction.of(Kind.RANK, LogicalType.BIGINT), new int[0], WindowFrame.DEFAULT),
                new WindowCall(WindowFunction.of(Kind.ROW_NUMBER, LogicalType.BIGINT), new int[0], WindowFrame.DEFAULT),
                new WindowCall(WindowFunction.of(Kind.DENSE_RANK, LogicalType.BIGINT), new int[0], WindowFrame.DEFAULT));
        Kind[] kinds = {Kind.RANK, Kind.ROW_NUMBER, Kind.DENSE_RANK};
        ValuesOperator source = new ValuesOperator(rows, TYPES);
        // vector size 7 makes the sinks narrow their rows many times while they read
        int vectorSize = seed % 2 == 0 ? 7 : 64;
        List<List<Object>> unlimited = run(new WindowOperator(source, partitions, order, calls), vectorSize, 1);
        int nonEmpty = 0;
        for (int call = 0; call < kinds.length; call++) {
            int column = TYPES.size() + call;
            for (long limit : new long[] {1, 2, 5, 64}) {
                List<List<Object>> expected = firstRows(unlimited, column, limit);
                nonEmpty += expected.isEmpty() ? 0 : 1;
                WindowOperator limited = new WindowOperator(source, partitions, order, calls, limit, kinds[call]);
                for (int threads : new int[] {1, 2, 3}) {
                    assertThat(firstRows(run(limited, vectorSize, threads), column, limit))
                            .as("%s <= %d, %d threads", kinds[call], limit, threads).isEqualTo(expected);
                }
            }
        }
        assertThat(nonEmpty).isEqualTo(12);
    }

    /** The rows whose row_number, rank or dense_rank (column {@code column}) is at most {@code limit}, in order. */
    private static List<List<Object>> firstRows(List<List<Object>> rows, int column, long limit) {
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : rows) {
            if ((Long) row.get(column) <= limit) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** Rows with many ties in the order key and NULLs everywhere but the constant column. */
    private static List<List<PhysicalExpression>> randomRows(Random random, int count, int partitions) {
        List<List<PhysicalExpression>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Long partition = random.nextInt(20) == 0 ? null : (long) random.nextInt(partitions);
            Long key = random.nextInt(10) == 0 ? null : (long) random.nextInt(50);
            Long value = random.nextInt(8) == 0 ? null : (long) random.nextInt(1000) - 500;
            String text = random.nextInt(25) == 0 ? null : "p" + random.nextInt(Math.max(1, partitions / 3 + 1));
            rows.add(List.of(new ConstantExpression(LogicalType.INTEGER, partition),
                    new ConstantExpression(LogicalType.INTEGER, key),
                    new ConstantExpression(LogicalType.INTEGER, value),
                    new ConstantExpression(LogicalType.INTEGER, (long) i),
                    new ConstantExpression(LogicalType.TEXT, text),
                    new ConstantExpression(LogicalType.INTEGER, 1L)));
        }
        return rows;
    }

    private static List<List<Object>> run(PhysicalOperator plan, int vectorSize, int threads) {
        return io.basalt.exec.pipeline.PlanRows.run(plan, vectorSize, threads);
    }
}
