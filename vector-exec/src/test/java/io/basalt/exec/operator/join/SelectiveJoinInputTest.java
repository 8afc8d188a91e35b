package io.basalt.exec.operator.join;

import static io.basalt.exec.operator.join.JoinTestRelations.referenceJoin;
import static io.basalt.exec.operator.join.JoinTestRelations.run;
import static io.basalt.exec.operator.join.JoinTestRelations.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.LogicalExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.filter.FilterOperator;
import io.basalt.exec.operator.join.JoinTestRelations.Relation;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hash joins fed by filters that hand on their survivors as positions (selective batches): on the probe side, on
 * the build side, with residual conditions tested in place and gathered, and SEMI/ANTI joins whose selective output
 * feeds a further join and a filter. Every result is compared with the reference join of the filtered relations,
 * with batches of 7 rows (every boundary shows) and of 2048.
 */
class SelectiveJoinInputTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT, LogicalType.BIGINT);

    static Stream<Arguments> typesAndVectorSizes() {
        List<Arguments> arguments = new ArrayList<>();
        for (JoinType type : JoinType.values()) {
            arguments.add(Arguments.of(type, 7));
            arguments.add(Arguments.of(type, 2048));
        }
        return arguments.stream();
    }

    /** Rows (key, label, weight): keys cycle through {@code distinct} values, every 9th key NULL. */
    private static Relation relation(String label, int rows, int distinct) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = i % 9 == 8 ? null : (long) ((i * 7L) % distinct);
            list.add(Arrays.asList(key, label + i, (long) ((i * 13) % 17)));
        }
        return new Relation(TYPES, list);
    }

    /** Keeps rows whose weight (column 2) lies in [low, high): a filter that can hand on positions. */
    private static PhysicalOperator weightBetween(Relation relation, long low, long high) {
        ColumnExpression weight = new ColumnExpression(2, LogicalType.BIGINT);
        return new FilterOperator(relation.operator(), List.of(
                new ComparisonExpression(CompareOp.GE, weight, new ConstantExpression(LogicalType.BIGINT, low)),
                new ComparisonExpression(CompareOp.LT, weight, new ConstantExpression(LogicalType.BIGINT, high))));
    }

    private static Relation keep(Relation relation, Predicate<List<Object>> condition) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : relation.rows()) {
            if (condition.test(row)) {
                rows.add(row);
            }
        }
        return new Relation(relation.types(), rows);
    }

    private static boolean weightIn(List<Object> row, long low, long high) {
        long weight = (Long) row.get(2);
        return weight >= low && weight < high;
    }

    private static HashJoinOperator join(JoinType type, PhysicalOperator probe, PhysicalOperator build,
                                         PhysicalExpression residual) {
        return new HashJoinOperator(probe, build, type, List.of(new ColumnExpression(0, LogicalType.BIGINT)),
                List.of(new ColumnExpression(0, LogicalType.BIGINT)), residual);
    }

    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void filteredProbeAndBuildSidesJoinAsTheirSurvivors(JoinType type, int vectorSize) {
        Relation probe = relation("p", 700, 40);
        Relation build = relation("b", 300, 25);
        List<List<Object>> actual = run(join(type, weightBetween(probe, 3, 12), weightBetween(build, 0, 9), null),
                vectorSize);
        List<List<Object>> expected = referenceJoin(type, keep(probe, row -> weightIn(row, 3, 12)),
                keep(build, row -> weightIn(row, 0, 9)), new int[]{0}, new int[]{0}, (p, b) -> true);
        assertThat(sorted(actual)).isEqualTo(sorted(expected));
    }

    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void residualsSeeTheRightProbeRows(JoinType type, int vectorSize) {
        Relation probe = relation("p", 500, 30);
        Relation build = relation("b", 200, 20);
        // p.weight < b.weight (tested on the pairs in place) AND p.label > b.label (evaluated on gathered pairs)
        PhysicalExpression residual = new LogicalExpression(true, List.of(
                new ComparisonExpression(CompareOp.LT, new ColumnExpression(2, LogicalType.BIGINT),
                        new ColumnExpression(5, LogicalType.BIGINT)),
                new ComparisonExpression(CompareOp.GT, new ColumnExpression(1, LogicalType.TEXT),
                        new ColumnExpression(4, LogicalType.TEXT))));
        List<List<Object>> actual = run(join(type, weightBetween(probe, 2, 15), weightBetween(build, 4, 17),
                residual), vectorSize);
        List<List<Object>> expected = referenceJoin(type, keep(probe, row -> weightIn(row, 2, 15)),
                keep(build, row -> weightIn(row, 4, 17)), new int[]{0}, new int[]{0},
                (p, b) -> (Long) p.get(2) < (Long) b.get(2) && ((String) p.get(1)).compareTo((String) b.get(1)) > 0);
        assertThat(sorted(actual)).isEqualTo(sorted(expected));
    }

    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void semiAndAntiOutputAsPositionsFeedsFurtherOperators(JoinType type, int vectorSize) {
        if (type != JoinType.SEMI && type != JoinType.ANTI) {
            return;
        }
        Relation probe = relation("p", 600, 35);
        Relation build = relation("b", 150, 20);
        Relation outer = relation("o", 120, 35);
        // (filtered probe SEMI/ANTI build) filtered again, then probing an INNER join with outer
        PhysicalOperator inner = join(type, weightBetween(probe, 1, 14), build.operator(), null);
        ColumnExpression weight = new ColumnExpression(2, LogicalType.BIGINT);
        PhysicalOperator refiltered = new FilterOperator(inner, List.of(
                new ComparisonExpression(CompareOp.NE, weight, new ConstantExpression(LogicalType.BIGINT, 5L))));
        PhysicalOperator plan = join(JoinType.INNER, refiltered, outer.operator(), null);
        Relation first = new Relation(TYPES, referenceJoin(type, keep(probe, row -> weightIn(row, 1, 14)), build,
                new int[]{0}, new int[]{0}, (p, b) -> true));
        Relation second = keep(first, row -> (Long) row.get(2) != 5L);
        List<List<Object>> expected = referenceJoin(JoinType.INNER, second, outer, new int[]{0}, new int[]{0},
                (p, b) -> true);
        assertThat(sorted(run(plan, vectorSize))).isEqualTo(sorted(expected));
        assertThat(sorted(run(refiltered, vectorSize))).isEqualTo(sorted(second.rows()));
    }

    /** Rows (key, label, weight, extra): as {@link #relation}, with a BIGINT column NULL in every 5th row. */
    private static Relation withNullableExtra(String label, int rows, int distinct) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = i % 9 == 8 ? null : (long) ((i * 7L) % distinct);
            Long extra = i % 5 == 3 ? null : (long) i;
            list.add(Arrays.asList(key, label + i, (long) ((i * 13) % 17), extra));
        }
        return new Relation(List.of(LogicalType.BIGINT, LogicalType.TEXT, LogicalType.BIGINT, LogicalType.BIGINT),
                list);
    }

    /**
     * A filter keeping one row in 17 (under a sixteenth of each 2,048-row batch): the probe reads its keys at their
     * positions and the NULLs of its columns from the selected rows' validity bits alone; NULL keys and NULL payload
     * values among the kept rows and among the dropped ones.
     */
    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void sparseSelectionsReadKeysAndNullsAtTheirPositions(JoinType type, int vectorSize) {
        Relation probe = withNullableExtra("p", 9000, 60);
        Relation build = withNullableExtra("b", 400, 45);
        List<List<Object>> actual = run(join(type, weightBetween(probe, 5, 6), weightBetween(build, 0, 12), null),
                vectorSize);
        List<List<Object>> expected = referenceJoin(type, keep(probe, row -> weightIn(row, 5, 6)),
                keep(build, row -> weightIn(row, 0, 12)), new int[]{0}, new int[]{0}, (p, b) -> true);
        assertThat(sorted(actual)).isEqualTo(sorted(expected));
        assertThat(expected).isNotEmpty();
    }
}
