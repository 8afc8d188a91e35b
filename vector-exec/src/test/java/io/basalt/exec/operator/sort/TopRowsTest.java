package io.basalt.exec.operator.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.limit.LimitOperator;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sort that keeps only its first rows (top-N under a LIMIT) outputs exactly the first rows of the full stable
 * sort, in the same order, ties (many: few distinct keys) and NULLs included, on one and on several threads; with
 * more rows wanted than a top-N takes (a quarter of the input or more) it sorts them all.
 */
class TopRowsTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.INTEGER, LogicalType.TEXT, LogicalType.BIGINT);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void theFirstRowsAreThoseOfTheFullSort(int seed) {
        Random random = new Random(seed);
        int count = new int[] {40, 700, 3000, 9000}[seed % 4];
        List<List<PhysicalExpression>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long small = random.nextInt(9) == 0 ? null : (long) random.nextInt(5);
            String text = random.nextInt(9) == 0 ? null : new String[] {"", "a", "ab", "b", "é"}[random.nextInt(5)];
            rows.add(List.of(new ConstantExpression(LogicalType.INTEGER, small),
                    new ConstantExpression(LogicalType.TEXT, text), new ConstantExpression(LogicalType.BIGINT, (long) i)));
        }
        List<SortKey> keys = List.of(new SortKey(0, random.nextBoolean(), random.nextBoolean()),
                new SortKey(1, random.nextBoolean(), random.nextBoolean()));
        ValuesOperator values = new ValuesOperator(rows, TYPES);
        List<List<Object>> all = io.basalt.exec.pipeline.PlanRows.run(new SortOperator(values, keys), 2048, 1);
        for (int needed : new int[] {0, 1, 3, 10, count / 5}) {
            for (int threads : new int[] {1, 2}) {
                // as the planner puts it: the sort keeps at least the first rows, the limit cuts what it kept more
                List<List<Object>> top = io.basalt.exec.pipeline.PlanRows.run(new LimitOperator(
                        new SortOperator(values, keys, needed), needed, 0, new int[0]), seed % 2 == 0 ? 7 : 2048, threads);
                List<List<Object>> expected = threads == 1 ? all.subList(0, needed)
                        : io.basalt.exec.pipeline.PlanRows.run(new SortOperator(values, keys), seed % 2 == 0 ? 7 : 2048,
                                threads).subList(0, needed);
                assertThat(top).as("%d rows on %d threads", needed, threads).isEqualTo(expected);
            }
        }
    }
}
