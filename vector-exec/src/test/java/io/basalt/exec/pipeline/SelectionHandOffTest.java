package io.basalt.exec.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.aggregate.AggregateCall;
import io.basalt.exec.operator.aggregate.HashAggregateOperator;
import io.basalt.exec.operator.filter.FilterOperator;
import io.basalt.exec.operator.project.ProjectOperator;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters handing their survivors on as selections (through stacked filters and a projection of columns) into an
 * aggregate, against a model of the same rows: sums and counts read at the positions, an aggregate that cannot
 * (min) making the sink gather, GROUP BY gathering, and a conjunct that is evaluated rather than refined making the
 * filter compact. Vector sizes 7 and 2048; every run checks that its allocator is empty.
 */
class SelectionHandOffTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.INTEGER,
            LogicalType.DOUBLE, LogicalType.INTEGER, LogicalType.INTEGER);
    private static final int V = 0;
    private static final int S = 1;
    private static final int D = 2;
    private static final int I = 3;
    private static final int G = 4;

    private record Row(Long v, int s, Double d, Integer i, int g) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void aggregatesOverHandedOnSelectionsMatchTheModel(int seed) {
        Random random = new Random(seed);
        int count = new int[] {0, 1, 9, 700, 3000, 5000}[seed % 6];
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            rows.add(new Row(random.nextInt(8) == 0 ? null : random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L),
                    random.nextInt(100), random.nextInt(8) == 0 ? null : random.nextInt(-4000, 4000) / 4.0,
                    random.nextInt(8) == 0 ? null : random.nextInt(), random.nextInt(5)));
        }
        int below = 1 + random.nextInt(99);
        int vectorSize = new int[] {7, 2048}[seed % 2];
        for (boolean stacked : new boolean[] {false, true}) {
            for (boolean evaluatedConjunct : new boolean[] {false, true}) {
                List<Row> kept = new ArrayList<>();
                for (Row row : rows) {
                    if (row.s() < below && (!stacked || row.s() % 2 == 0 || row.s() > 40)) {
                        kept.add(row);
                    }
                }
                String description = "below " + below + (stacked ? ", stacked" : "")
                        + (evaluatedConjunct ? ", evaluated conjunct" : "") + ", vectors of " + vectorSize;
                PhysicalOperator filtered = filtered(rows, below, stacked, evaluatedConjunct);
                assertThat(PlanRows.run(sumsAndCounts(filtered, false), vectorSize, 1)).as(description)
                        .isEqualTo(expectedSumsAndCounts(kept, false));
                assertThat(PlanRows.run(sumsAndCounts(filtered, true), vectorSize, 1)).as(description + ", with min")
                        .isEqualTo(expectedSumsAndCounts(kept, true));
                assertThat(PlanRows.run(grouped(filtered), vectorSize, 1)).as(description + ", grouped")
                        .containsExactlyInAnyOrderElementsOf(expectedGroups(kept));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aFilterHandsOnPositionsOnlyWhenItsConsumerTakesThem() {
        PhysicalOperator source = new ValuesOperator(List.of(), List.of(LogicalType.INTEGER));
        FilterOperator filter = new FilterOperator(source, List.of(new ComparisonExpression(CompareOp.GE,
                new ColumnExpression(0, LogicalType.INTEGER), new ConstantExpression(LogicalType.INTEGER, 5L))));
        try (org.apache.arrow.memory.BufferAllocator root = io.basalt.exec.memory.MemoryRoots.newRoot("hand-off", 1L << 24);
             org.apache.arrow.vector.IntVector values = new org.apache.arrow.vector.IntVector("s", root)) {
            values.allocateNew(10);
            for (int r = 0; r < 10; r++) {
                values.set(r, (r * 7) % 10);
            }
            values.setValueCount(10);
            io.basalt.exec.batch.Batch input = new io.basalt.exec.batch.Batch(List.of(values), 10);
            ExecutionContext context = ExecutionContext.of(root, 2048);
            try (io.basalt.exec.operator.OperatorState state = filter.openOperator(context)) {
                assertThat(state.acceptSelections(true)).isTrue();
                io.basalt.exec.batch.Batch out = state.execute(input);
                assertThat(out.isSelective()).isTrue();
                assertThat(out.column(0)).isSameAs(values);
                assertThat(Arrays.copyOf(out.selection(), out.rowCount())).containsExactly(1, 4, 5, 7, 8);
                // A second filter over that selection starts from it.
                try (io.basalt.exec.operator.OperatorState second = new FilterOperator(source, List.of(
                        new ComparisonExpression(CompareOp.LT, new ColumnExpression(0, LogicalType.INTEGER),
                                new ConstantExpression(LogicalType.INTEGER, 8L)))).openOperator(context)) {
                    second.acceptSelections(false);
                    io.basalt.exec.batch.Batch dense = second.execute(out);
                    assertThat(dense.isSelective()).isFalse();
                    assertThat(dense.rowCount()).isEqualTo(3);
                    assertThat(List.of(dense.column(0).getObject(0), dense.column(0).getObject(1),
                            dense.column(0).getObject(2))).containsExactly(7, 5, 6);
                }
            }
            try (io.basalt.exec.operator.OperatorState state = filter.openOperator(context)) {
                io.basalt.exec.batch.Batch out = state.execute(input);
                assertThat(out.isSelective()).as("never asked: dense").isFalse();
                assertThat(out.rowCount()).isEqualTo(5);
            }
        }
    }

    /** {@code s < below} [AND (s % 2 = 0 OR s > 40) as a second filter over s <> odd], then a projection. */
    private static PhysicalOperator filtered(List<Row> rows, int below, boolean stacked, boolean evaluatedConjunct) {
        List<List<PhysicalExpression>> values = new ArrayList<>();
        for (Row row : rows) {
            values.add(List.of(new ConstantExpression(LogicalType.BIGINT, row.v()),
                    new ConstantExpression(LogicalType.INTEGER, (long) row.s()),
                    new ConstantExpression(LogicalType.DOUBLE, row.d()),
                    new ConstantExpression(LogicalType.INTEGER, row.i() == null ? null : (long) row.i()),
                    new ConstantExpression(LogicalType.INTEGER, (long) row.g())));
        }
        List<PhysicalExpression> conjuncts = new ArrayList<>();
        conjuncts.add(new ComparisonExpression(CompareOp.LT, column(S), new ConstantExpression(LogicalType.INTEGER,
                (long) below)));
        if (evaluatedConjunct) {
            conjuncts.add(new ConstantExpression(LogicalType.BOOLEAN, true));
        }
        PhysicalOperator plan = new FilterOperator(new ValuesOperator(values, TYPES), conjuncts);
        if (stacked) {
            List<PhysicalExpression> keep = new ArrayList<>();
            for (int s = 0; s < 100; s++) {
                if (s % 2 == 1 && s <= 40) {
                    keep.add(new ComparisonExpression(CompareOp.NE, column(S),
                            new ConstantExpression(LogicalType.INTEGER, (long) s)));
                }
            }
            plan = new FilterOperator(plan, keep);
        }
        return new ProjectOperator(plan, List.of(column(V), column(D), column(I), column(G)));
    }

    private static ColumnExpression column(int index) {
        return new ColumnExpression(index, TYPES.get(index));
    }

    /** After the projection: 0 v, 1 d, 2 i, 3 g. */
    private static PhysicalOperator sumsAndCounts(PhysicalOperator input, boolean withMin) {
        List<AggregateCall> calls = new ArrayList<>(List.of(
                new AggregateCall(new SumAverageAggregate(false, LogicalType.BIGINT), projected(0, LogicalType.BIGINT)),
                new AggregateCall(CountAggregate.star(), null),
                new AggregateCall(new CountAggregate(LogicalType.BIGINT), projected(0, LogicalType.BIGINT)),
                new AggregateCall(new SumAverageAggregate(false, LogicalType.DOUBLE), projected(1, LogicalType.DOUBLE)),
                new AggregateCall(new SumAverageAggregate(false, LogicalType.INTEGER),
                        projected(2, LogicalType.INTEGER))));
        if (withMin) {
            calls.add(new AggregateCall(new MinMaxAggregate(false, LogicalType.BIGINT), projected(0, LogicalType.BIGINT)));
        }
        return new HashAggregateOperator(input, List.of(), calls);
    }

    private static PhysicalOperator grouped(PhysicalOperator input) {
        return new HashAggregateOperator(input, List.of(projected(3, LogicalType.INTEGER)), List.of(
                new AggregateCall(new SumAverageAggregate(false, LogicalType.BIGINT), projected(0, LogicalType.BIGINT)),
                new AggregateCall(CountAggregate.star(), null)));
    }

    private static ColumnExpression projected(int index, LogicalType type) {
        return new ColumnExpression(index, type);
    }

    private static List<Object> expectedSumsAndCounts(List<Row> kept, boolean withMin) {
        BigDecimal sumV = null;
        long countV = 0;
        Double sumD = null;
        Long sumI = null;
        Long minV = null;
        for (Row row : kept) {
            if (row.v() != null) {
                sumV = (sumV == null ? BigDecimal.ZERO : sumV).add(BigDecimal.valueOf(row.v()));
                countV++;
                minV = minV == null ? row.v() : Math.min(minV, row.v());
            }
            if (row.d() != null) {
                sumD = (sumD == null ? 0.0 : sumD) + row.d();
            }
            if (row.i() != null) {
                sumI = (sumI == null ? 0L : sumI) + row.i();
            }
        }
        List<Object> expected = new ArrayList<>(Arrays.asList(sumV, (long) kept.size(), countV, sumD, sumI));
        if (withMin) {
            expected.add(minV);
        }
        return List.of(expected);
    }

    private static List<List<Object>> expectedGroups(List<Row> kept) {
        Map<Integer, BigDecimal> sums = new TreeMap<>();
        Map<Integer, Long> counts = new TreeMap<>();
        for (Row row : kept) {
            counts.merge(row.g(), 1L, Long::sum);
            sums.putIfAbsent(row.g(), null);
            if (row.v() != null) {
                BigDecimal before = sums.get(row.g());
                sums.put(row.g(), (before == null ? BigDecimal.ZERO : before).add(BigDecimal.valueOf(row.v())));
            }
        }
        List<List<Object>> expected = new ArrayList<>();
        for (Map.Entry<Integer, Long> group : counts.entrySet()) {
            expected.add(Arrays.asList((long) group.getKey(), sums.get(group.getKey()), group.getValue()));
        }
        return expected;
    }
}
