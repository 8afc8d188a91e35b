package io.basalt.exec.operator.join;

import static io.basalt.exec.operator.join.JoinTestRelations.referenceJoin;
import static io.basalt.exec.operator.join.JoinTestRelations.run;
import static io.basalt.exec.operator.join.JoinTestRelations.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.limit.LimitOperator;
import io.basalt.exec.operator.join.JoinTestRelations.Relation;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hash join against a row-by-row reference join, for every join type, with batches of 7 rows (so that
 * every batch boundary shows) and of 2048, over NULL keys, duplicates on both sides, empty sides, fan-out
 * larger than a batch, several keys, residual conditions, and joins chained in one pipeline.
 */
class HashJoinOperatorTest {
    private static final List<LogicalType> KEYED = List.of(LogicalType.BIGINT, LogicalType.TEXT);

    static Stream<Arguments> typesAndVectorSizes() {
        List<Arguments> arguments = new ArrayList<>();
        for (JoinType type : JoinType.values()) {
            arguments.add(Arguments.of(type, 7));
            arguments.add(Arguments.of(type, 2048));
        }
        return arguments.stream();
    }

    /**
     * {@code rows} rows of (key, label): keys cycle through {@code distinct} values starting at
     * {@code first}, every {@code nullEvery}-th key is NULL (0: none).
     */
    private static Relation keyed(String label, int rows, int distinct, int first, int nullEvery) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = nullEvery > 0 && i % nullEvery == nullEvery - 1 ? null : (long) (first + (i * 7L) % distinct);
            list.add(java.util.Arrays.asList(key, label + i));
        }
        return new Relation(KEYED, list);
    }

    private static HashJoinOperator joinOnFirstColumn(JoinType type, Relation probe, Relation build,
                                                      PhysicalExpression residual) {
        return new HashJoinOperator(probe.operator(), build.operator(), type,
                List.of(new ColumnExpression(0, probe.types().get(0))),
                List.of(new ColumnExpression(0, build.types().get(0))), residual);
    }

    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void matchesTheReferenceJoinForManyShapes(JoinType type, int vectorSize) {
        int[][] shapes = {
            // probe rows, probe distinct keys, build rows, build distinct keys
            {0, 1, 10, 5}, {10, 5, 0, 1}, {0, 1, 0, 1}, {1, 1, 1, 1}, {25, 6, 13, 4},
            {300, 20, 40, 10}, {3000, 900, 2500, 700},
        };
        for (int[] shape : shapes) {
            Relation probe = keyed("p", shape[0], shape[1], 0, 5);
            Relation build = keyed("b", shape[2], shape[3], 2, 4);
            List<List<Object>> actual = run(joinOnFirstColumn(type, probe, build, null), vectorSize);
            List<List<Object>> expected = referenceJoin(type, probe, build, new int[]{0}, new int[]{0},
                    (p, b) -> true);
            assertThat(sorted(actual)).as("shape %s", java.util.Arrays.toString(shape)).isEqualTo(sorted(expected));
        }
    }

    @Test
    void nullKeysNeverMatchAndOuterSidesKeepTheirRows() {
        Relation probe = Relation.of(KEYED, new Object[]{1L, "p1"}, new Object[]{null, "pnull"}, new Object[]{2L, "p2"});
        Relation build = Relation.of(KEYED, new Object[]{1L, "b1"}, new Object[]{null, "bnull"}, new Object[]{3L, "b3"});
        assertThat(sorted(run(joinOnFirstColumn(JoinType.INNER, probe, build, null), 7)))
                .containsExactly("[1, p1, 1, b1]");
        assertThat(sorted(run(joinOnFirstColumn(JoinType.FULL, probe, build, null), 7))).containsExactly(
                "[1, p1, 1, b1]", "[2, p2, null, null]", "[null, null, 3, b3]", "[null, null, null, bnull]",
                "[null, pnull, null, null]");
        assertThat(sorted(run(joinOnFirstColumn(JoinType.ANTI, probe, build, null), 7)))
                .containsExactly("[2, p2]", "[null, pnull]");
        assertThat(sorted(run(joinOnFirstColumn(JoinType.SEMI, probe, build, null), 7))).containsExactly("[1, p1]");
    }

    @ParameterizedTest(name = "vector size {0}")
    @ValueSource(ints = {7, 2048})
    void fanOutLargerThanABatchComesInPieces(int vectorSize) {
        Relation probe = keyed("p", 30, 1, 1, 0);
        Relation build = keyed("b", 100, 1, 1, 0);
        List<List<Object>> rows = run(joinOnFirstColumn(JoinType.INNER, probe, build, null), vectorSize);
        assertThat(rows).hasSize(3000);
        assertThat(sorted(rows)).isEqualTo(sorted(referenceJoin(JoinType.INNER, probe, build, new int[]{0},
                new int[]{0}, (p, b) -> true)));
    }

    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void residualConditionDecidesAmongEqualKeys(JoinType type, int vectorSize) {
        Relation probe = keyed("p", 200, 15, 0, 6);
        Relation build = keyed("b", 120, 12, 0, 5);
        // ON p.key = b.key AND p.label > b.label (text, bytewise)
        PhysicalExpression residual = new ComparisonExpression(CompareOp.GT,
                new ColumnExpression(1, LogicalType.TEXT), new ColumnExpression(3, LogicalType.TEXT));
        List<List<Object>> actual = run(joinOnFirstColumn(type, probe, build, residual), vectorSize);
        List<List<Object>> expected = referenceJoin(type, probe, build, new int[]{0}, new int[]{0},
                (p, b) -> ((String) p.get(1)).compareTo((String) b.get(1)) > 0);
        assertThat(sorted(actual)).isEqualTo(sorted(expected));
    }

    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void severalKeysOfOtherTypesUseTheGenericTable(JoinType type, int vectorSize) {
        List<LogicalType> types = List.of(LogicalType.TEXT, LogicalType.INTEGER, LogicalType.DOUBLE);
        List<List<Object>> probeRows = new ArrayList<>();
        List<List<Object>> buildRows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            probeRows.add(java.util.Arrays.asList(i % 13 == 0 ? null : "k" + (i % 4), (long) (i % 3), (double) i));
        }
        for (int i = 0; i < 90; i++) {
            buildRows.add(java.util.Arrays.asList("k" + (i % 5), i % 11 == 0 ? null : (long) (i % 3), -(double) i));
        }
        Relation probe = new Relation(types, probeRows);
        Relation build = new Relation(types, buildRows);
        HashJoinOperator join = new HashJoinOperator(probe.operator(), build.operator(), type,
                List.of(new ColumnExpression(0, LogicalType.TEXT), new ColumnExpression(1, LogicalType.INTEGER)),
                List.of(new ColumnExpression(0, LogicalType.TEXT), new ColumnExpression(1, LogicalType.INTEGER)),
                null);
        assertThat(sorted(run(join, vectorSize))).isEqualTo(sorted(referenceJoin(type, probe, build,
                new int[]{0, 1}, new int[]{0, 1}, (p, b) -> true)));
    }

    @Test
    void doublesJoinWithPostgresEquality() {
        List<LogicalType> types = List.of(LogicalType.DOUBLE);
        Relation probe = Relation.of(types, new Object[]{0.0}, new Object[]{Double.NaN}, new Object[]{1.5},
                new Object[]{null});
        Relation build = Relation.of(types, new Object[]{-0.0}, new Object[]{Double.NaN}, new Object[]{2.5},
                new Object[]{null});
        HashJoinOperator join = new HashJoinOperator(probe.operator(), build.operator(), JoinType.INNER,
                List.of(new ColumnExpression(0, LogicalType.DOUBLE)), List.of(new ColumnExpression(0, LogicalType.DOUBLE)),
                null);
        assertThat(sorted(run(join, 7))).containsExactly("[0.0, -0.0]", "[NaN, NaN]");
    }

    @Test
    void arbitraryPrecisionNumericsMatchRegardlessOfScale() {
        List<LogicalType> types = List.of(LogicalType.NUMERIC);
        Relation probe = Relation.of(types, new Object[]{new BigDecimal("1.0")}, new Object[]{new BigDecimal("2")});
        Relation build = Relation.of(types, new Object[]{new BigDecimal("1.00")}, new Object[]{new BigDecimal("2.5")});
        HashJoinOperator join = new HashJoinOperator(probe.operator(), build.operator(), JoinType.INNER,
                List.of(new ColumnExpression(0, LogicalType.NUMERIC)),
                List.of(new ColumnExpression(0, LogicalType.NUMERIC)), null);
        assertThat(sorted(run(join, 7))).containsExactly("[1.0, 1.00]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMALLINT", "INTEGER", "DATE"})
    void narrowIntegerKeysUseTheIntegerTable(String typeName) {
        LogicalType type = switch (typeName) {
            case "SMALLINT" -> LogicalType.SMALLINT;
            case "INTEGER" -> LogicalType.INTEGER;
            default -> LogicalType.DATE;
        };
        List<List<Object>> probeRows = new ArrayList<>();
        List<List<Object>> buildRows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            probeRows.add(java.util.Arrays.asList(i % 9 == 0 ? null : (long) (i % 6 - 3)));
            buildRows.add(java.util.Arrays.asList(i % 7 == 0 ? null : (long) (i % 4 - 1)));
        }
        Relation probe = new Relation(List.of(type), probeRows);
        Relation build = new Relation(List.of(type), buildRows);
        for (JoinType joinType : JoinType.values()) {
            assertThat(sorted(run(joinOnFirstColumn(joinType, probe, build, null), 7))).as(joinType.name())
                    .isEqualTo(sorted(referenceJoin(joinType, probe, build, new int[]{0}, new int[]{0}, (p, b) -> true)));
        }
    }

    @ParameterizedTest(name = "vector size {0}")
    @ValueSource(ints = {7, 2048})
    void joinsChainInOnePipeline(int vectorSize) {
        Relation a = keyed("a", 60, 10, 0, 7);
        Relation b = keyed("b", 50, 8, 0, 0);
        Relation c = keyed("c", 45, 9, 0, 5);
        HashJoinOperator first = joinOnFirstColumn(JoinType.LEFT, a, b, null);
        // (a LEFT JOIN b ON a.key = b.key) JOIN c ON b.key = c.key: b's key is column 2 of the first join
        PhysicalOperator second = new HashJoinOperator(first, c.operator(), JoinType.FULL,
                List.of(new ColumnExpression(2, LogicalType.BIGINT)), List.of(new ColumnExpression(0, LogicalType.BIGINT)),
                null);
        Relation firstRows = new Relation(List.of(LogicalType.BIGINT, LogicalType.TEXT, LogicalType.BIGINT,
                LogicalType.TEXT), referenceJoin(JoinType.LEFT, a, b, new int[]{0}, new int[]{0}, (p, q) -> true));
        List<List<Object>> expected = referenceJoin(JoinType.FULL, firstRows, c, new int[]{2}, new int[]{0},
                (p, q) -> true);
        assertThat(sorted(run(second, vectorSize))).isEqualTo(sorted(expected));
    }

    @Test
    void aLimitAboveStopsTheFanOut() {
        Relation probe = keyed("p", 50, 1, 1, 0);
        Relation build = keyed("b", 50, 1, 1, 0);
        LimitOperator limit = new LimitOperator(joinOnFirstColumn(JoinType.INNER, probe, build, null), 10, 3);
        assertThat(run(limit, 7)).hasSize(10);
    }

    @Test
    void keysOfDifferentRepresentationsAreRejected() {
        Relation probe = Relation.of(List.of(LogicalType.INTEGER), new Object[]{1L});
        Relation build = Relation.of(List.of(LogicalType.BIGINT), new Object[]{1L});
        assertThatThrownBy(() -> new HashJoinOperator(probe.operator(), build.operator(), JoinType.INNER,
                List.of(new ColumnExpression(0, LogicalType.INTEGER)), List.of(new ColumnExpression(0, LogicalType.BIGINT)),
                null)).isInstanceOf(BasaltException.class).hasMessageContaining("hash join key 0");
    }

    @Test
    void describesItsKeysAndResidual() {
        Relation side = Relation.of(KEYED);
        PhysicalExpression residual = new ComparisonExpression(CompareOp.LT,
                new ColumnExpression(1, LogicalType.TEXT), new ColumnExpression(3, LogicalType.TEXT));
        assertThat(joinOnFirstColumn(JoinType.RIGHT, side, side, residual).describe())
                .isEqualTo("HashJoin RIGHT keys=[#0 = #0] residual=(#1 < #3)");
        assertThat(joinOnFirstColumn(JoinType.SEMI, side, side, null).outputTypes()).isEqualTo(KEYED);
    }

    /**
     * A join that keeps a few rows of each probe batch hands them on in whole batches (the pieces under a quarter of
     * the vector size are collected), in probe order, with a RIGHT join's unmatched build rows after them.
     */
    @ParameterizedTest(name = "{0} join")
    @MethodSource("innerAndRight")
    void aSelectiveJoinCollectsItsFewPairsPerBatchIntoWholeBatches(JoinType type) {
        Relation probe = keyed("p", 5000, 5000, 0, 0);
        Relation build = keyed("b", 40, 40, 1000, 0);
        Relation unmatched = keyed("u", 3, 3, 9000, 0);
        List<List<Object>> buildRows = new ArrayList<>(build.rows());
        buildRows.addAll(unmatched.rows());
        Relation buildSide = new Relation(KEYED, buildRows);
        List<Integer> batchSizes = new ArrayList<>();
        List<List<Object>> actual = JoinTestRelations.run(joinOnFirstColumn(type, probe, buildSide, null), 64,
                batchSizes);
        List<List<Object>> expected = referenceJoin(type, probe, buildSide, new int[]{0}, new int[]{0},
                (p, b) -> true);
        assertThat(actual).isEqualTo(expected);
        // 40 pairs, about one per probe batch of 64 rows: one batch of pairs (and one of unmatched build rows)
        assertThat(batchSizes).isEqualTo(type == JoinType.RIGHT ? List.of(40, 3) : List.of(40));
    }

    static Stream<JoinType> innerAndRight() {
        return Stream.of(JoinType.INNER, JoinType.RIGHT);
    }
}
