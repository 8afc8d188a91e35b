package io.basalt.exec.operator.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.exec.operator.window.WindowFrame.BoundKind;
import io.basalt.exec.operator.window.WindowFrame.Exclusion;
import io.basalt.exec.operator.window.WindowFrame.Mode;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.pipeline.ResultCollector;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window operator against a naive model that decides, for every pair of rows, whether one is in the
 * other's frame straight from the SQL definition of ROWS, GROUPS and RANGE bounds and exclusions, and then
 * aggregates the members. Random inputs with few partitions, tied and NULL order keys and NULL values; random
 * frames of every shape; batch sizes that split partitions.
 */
class WindowOperatorTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.INTEGER, LogicalType.INTEGER,
            LogicalType.INTEGER, LogicalType.INTEGER);
    private static final int PARTITION = 0;
    private static final int KEY = 1;
    private static final int VALUE = 2;
    private static final int ID = 3;

    private record Row(Long partition, Long key, Long value, long id) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void aggregatesAndFrameValuesMatchTheDefinition(int seed) {
        Random random = new Random(seed);
        List<Row> rows = randomRows(random, 20 + random.nextInt(300));
        for (int f = 0; f < 12; f++) {
            WindowFrame frame = randomFrame(random);
            boolean descending = random.nextBoolean();
            boolean nullsFirst = random.nextBoolean();
            int vectorSize = new int[] {1, 7, 64, 2048}[random.nextInt(4)];
            checkFrame(rows, frame, descending, nullsFirst, vectorSize);
        }
    }

    @Test
    void aPartitionOfManyBatchesMatchesTheDefinition() {
        Random random = new Random(99);
        List<Row> rows = randomRows(random, 5000);
        WindowFrame moving = new WindowFrame(Mode.ROWS, BoundKind.PRECEDING, 40L, BoundKind.FOLLOWING, 3L,
                Exclusion.NO_OTHERS, null);
        checkFrame(rows, moving, false, false, 7);
        checkFrame(rows, WindowFrame.DEFAULT, true, true, 2048);
        WindowFrame range = new WindowFrame(Mode.RANGE, BoundKind.PRECEDING, 3L, BoundKind.FOLLOWING, 2L,
                Exclusion.TIES, LogicalType.BIGINT);
        checkFrame(rows, range, false, true, 100);
    }

    private static List<Row> randomRows(Random random, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long partition = random.nextInt(10) == 0 ? null : (long) random.nextInt(4);
            Long key = random.nextInt(8) == 0 ? null : (long) random.nextInt(25) - 5;
            Long value = random.nextInt(6) == 0 ? null : (long) random.nextInt(2001) - 1000;
            rows.add(new Row(partition, key, value, i));
        }
        return rows;
    }

    private static WindowFrame randomFrame(Random random) {
        Mode mode = Mode.values()[random.nextInt(3)];
        while (true) {
            BoundKind start = BoundKind.values()[random.nextInt(4)];
            BoundKind end = BoundKind.values()[1 + random.nextInt(4)];
            if (start.ordinal() > end.ordinal() || (start == BoundKind.CURRENT_ROW && end == BoundKind.PRECEDING)
                    || (start == BoundKind.FOLLOWING && end != BoundKind.FOLLOWING && end != BoundKind.UNBOUNDED_FOLLOWING)) {
                continue;
            }
            Long startOffset = (long) random.nextInt(6);
            Long endOffset = (long) random.nextInt(6);
            Exclusion exclusion = Exclusion.values()[random.nextInt(4)];
            return new WindowFrame(mode, start, startOffset, end, endOffset, exclusion,
                    mode == Mode.RANGE ? LogicalType.BIGINT : null);
        }
    }

    private static void checkFrame(List<Row> rows, WindowFrame frame, boolean descending, boolean nullsFirst,
                                   int vectorSize) {
        List<WindowCall> calls = List.of(
                new WindowCall(WindowFunction.aggregate(new SumAverageAggregate(false, LogicalType.INTEGER)),
                        new int[] {VALUE}, frame),
                new WindowCall(WindowFunction.aggregate(new CountAggregate(LogicalType.INTEGER)), new int[] {VALUE}, frame),
                new WindowCall(WindowFunction.aggregate(CountAggregate.star()), new int[0], frame),
                new WindowCall(WindowFunction.aggregate(new MinMaxAggregate(false, LogicalType.INTEGER)),
                        new int[] {VALUE}, frame),
                new WindowCall(WindowFunction.aggregate(new MinMaxAggregate(true, LogicalType.INTEGER)),
                        new int[] {VALUE}, frame),
                new WindowCall(WindowFunction.of(WindowFunction.Kind.FIRST_VALUE, LogicalType.INTEGER),
                        new int[] {ID}, frame),
                new WindowCall(WindowFunction.of(WindowFunction.Kind.LAST_VALUE, LogicalType.INTEGER),
                        new int[] {ID}, frame));
        WindowOperator operator = new WindowOperator(source(rows), new int[] {PARTITION},
                List.of(new SortKey(KEY, descending, nullsFirst)), calls);
        List<List<Object>> actual = run(operator, vectorSize);
        List<List<Object>> expected = model(rows, frame, descending, nullsFirst);
        assertThat(actual).as("%s, %s %s, vector size %d", frame, descending ? "DESC" : "ASC",
                nullsFirst ? "NULLS FIRST" : "NULLS LAST", vectorSize).isEqualTo(expected);
    }

    // ---- the model ------------------------------------------------------------------------------------

    /** Rows in the operator's order (stable: ties keep input order) with every call computed naively. */
    private static List<List<Object>> model(List<Row> input, WindowFrame frame, boolean descending,
                                            boolean nullsFirst) {
        Comparator<Long> partitions = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<Long> keyOrder = descending ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder();
        Comparator<Long> keys = nullsFirst ? Comparator.nullsFirst(keyOrder) : Comparator.nullsLast(keyOrder);
        List<Row> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparing(Row::partition, partitions).thenComparing(Row::key, keys));
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Row row = sorted.get(i);
            List<Row> members = new ArrayList<>();
            for (int j = 0; j < sorted.size(); j++) {
                Row other = sorted.get(j);
                if (java.util.Objects.equals(other.partition(), row.partition())
                        && inFrame(sorted, i, j, frame, keys) && !excluded(sorted, i, j, frame.exclusion())) {
                    members.add(other);
                }
            }
            Long sum = null;
            long count = 0;
            Long min = null;
            Long max = null;
            for (Row member : members) {
                if (member.value() != null) {
                    sum = sum == null ? member.value() : sum + member.value();
                    count++;
                    min = min == null ? member.value() : Math.min(min, member.value());
                    max = max == null ? member.value() : Math.max(max, member.value());
                }
            }
            out.add(Arrays.asList(row.partition(), row.key(), row.value(), row.id(), sum, count,
                    (long) members.size(), min, max, members.isEmpty() ? null : members.getFirst().id(),
                    members.isEmpty() ? null : members.getLast().id()));
        }
        return out;
    }

    /** Whether row {@code j} lies between row {@code i}'s frame bounds (same partition assumed). */
    private static boolean inFrame(List<Row> sorted, int i, int j, WindowFrame frame, Comparator<Long> keys) {
        return afterStart(sorted, i, j, frame, keys) && beforeEnd(sorted, i, j, frame, keys);
    }

    private static boolean afterStart(List<Row> sorted, int i, int j, WindowFrame frame, Comparator<Long> keys) {
        long offset = frame.startOffset() == null ? 0 : (Long) frame.startOffset();
        return switch (frame.startKind()) {
            case UNBOUNDED_PRECEDING -> true;
            case UNBOUNDED_FOLLOWING -> false;
            case CURRENT_ROW -> frame.mode() == Mode.ROWS ? j >= i : keys.compare(sorted.get(j).key(), sorted.get(i).key()) >= 0;
            case PRECEDING, FOLLOWING -> {
                long signed = frame.startKind() == BoundKind.PRECEDING ? -offset : offset;
                yield switch (frame.mode()) {
                    case ROWS -> j >= i + signed;
                    case GROUPS -> group(sorted, j, keys) >= group(sorted, i, keys) + signed;
                    case RANGE -> rangeCompare(sorted.get(j).key(), sorted.get(i).key(), signed, keys) >= 0;
                };
            }
        };
    }

    private static boolean beforeEnd(List<Row> sorted, int i, int j, WindowFrame frame, Comparator<Long> keys) {
        long offset = frame.endOffset() == null ? 0 : (Long) frame.endOffset();
        return switch (frame.endKind()) {
            case UNBOUNDED_FOLLOWING -> true;
            case UNBOUNDED_PRECEDING -> false;
            case CURRENT_ROW -> frame.mode() == Mode.ROWS ? j <= i : keys.compare(sorted.get(j).key(), sorted.get(i).key()) <= 0;
            case PRECEDING, FOLLOWING -> {
                long signed = frame.endKind() == BoundKind.PRECEDING ? -offset : offset;
                yield switch (frame.mode()) {
                    case ROWS -> j <= i + signed;
                    case GROUPS -> group(sorted, j, keys) <= group(sorted, i, keys) + signed;
                    case RANGE -> rangeCompare(sorted.get(j).key(), sorted.get(i).key(), signed, keys) <= 0;
                };
            }
        };
    }

    /**
     * Where {@code value} lies relative to {@code base} moved {@code signed} steps forward in the window's
     * order (a negative result: before it). NULL keys are only level with NULL keys and never in range of a
     * non-null key.
     */
    private static int rangeCompare(Long value, Long base, long signed, Comparator<Long> keys) {
        if (base == null || value == null) {
            if (base == null && value == null) {
                return 0;
            }
            return keys.compare(value, base) < 0 ? -1 : 1;
        }
        boolean descending = keys.compare(1L, 2L) > 0;
        long target = descending ? base - signed : base + signed;
        return keys.compare(value, target);
    }

    /** The peer group number of row {@code i} in its partition. */
    private static int group(List<Row> sorted, int i, Comparator<Long> keys) {
        int group = 0;
        for (int k = i; k > 0 && java.util.Objects.equals(sorted.get(k - 1).partition(), sorted.get(i).partition()); k--) {
            if (keys.compare(sorted.get(k - 1).key(), sorted.get(k).key()) != 0) {
                group++;
            }
        }
        return group;
    }

    private static boolean excluded(List<Row> sorted, int i, int j, Exclusion exclusion) {
        boolean peer = java.util.Objects.equals(sorted.get(i).key(), sorted.get(j).key());
        return switch (exclusion) {
            case NO_OTHERS -> false;
            case CURRENT_ROW -> i == j;
            case GROUP -> peer;
            case TIES -> peer && i != j;
        };
    }

    // ---- running the operator -----------------------------------------------------------------------

    private static PhysicalOperator source(List<Row> rows) {
        List<List<PhysicalExpression>> expressions = new ArrayList<>();
        for (Row row : rows) {
            expressions.add(List.of(new ConstantExpression(LogicalType.INTEGER, row.partition()),
                    new ConstantExpression(LogicalType.INTEGER, row.key()),
                    new ConstantExpression(LogicalType.INTEGER, row.value()),
                    new ConstantExpression(LogicalType.INTEGER, row.id())));
        }
        return new ValuesOperator(expressions, TYPES);
    }

    private static List<List<Object>> run(PhysicalOperator plan, int vectorSize) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < plan.outputTypes().size(); c++) {
            names.add("c" + c);
        }
        try (BufferAllocator root = MemoryRoots.newRoot("window test", 1L << 30)) {
            try (BufferAllocator results = root.newChildAllocator("results", 0, Long.MAX_VALUE);
                 ResultCollector collector = new ResultCollector(names, plan.outputTypes(), results)) {
                try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
                    new PipelineExecutor(ExecutionContext.of(query, vectorSize)).run(plan, collector);
                }
                for (VectorSchemaRoot batch : collector.takeBatches()) {
                    try (batch) {
                        for (int r = 0; r < batch.getRowCount(); r++) {
                            List<Object> row = new ArrayList<>();
                            for (int c = 0; c < names.size(); c++) {
                                row.add(ValueAccess.get(batch.getVector(c), r));
                            }
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }
}
