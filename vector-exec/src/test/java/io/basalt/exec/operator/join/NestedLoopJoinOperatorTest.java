package io.basalt.exec.operator.join;

import static io.basalt.exec.operator.join.JoinTestRelations.referenceJoin;
import static io.basalt.exec.operator.join.JoinTestRelations.run;
import static io.basalt.exec.operator.join.JoinTestRelations.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.join.JoinTestRelations.Relation;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The nested-loop join against the row-by-row reference, for every join type, batches of 7 and 2048 rows,
 * with and without a condition, and with empty sides.
 */
class NestedLoopJoinOperatorTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.INTEGER, LogicalType.TEXT);

    static Stream<Arguments> typesAndVectorSizes() {
        List<Arguments> arguments = new ArrayList<>();
        for (JoinType type : JoinType.values()) {
            arguments.add(Arguments.of(type, 7));
            arguments.add(Arguments.of(type, 2048));
        }
        return arguments.stream();
    }

    private static Relation numbers(String label, int rows, int nullEvery) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            list.add(Arrays.asList(nullEvery > 0 && i % nullEvery == 0 ? null : (long) ((i * 5) % 23), label + i));
        }
        return new Relation(TYPES, list);
    }

    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void inequalityConditionMatchesTheReference(JoinType type, int vectorSize) {
        // ON p.x < b.x
        PhysicalExpression condition = new ComparisonExpression(CompareOp.LT,
                new ColumnExpression(0, LogicalType.INTEGER), new ColumnExpression(2, LogicalType.INTEGER));
        int[][] shapes = {{0, 5}, {5, 0}, {1, 1}, {30, 17}, {120, 90}};
        for (int[] shape : shapes) {
            Relation probe = numbers("p", shape[0], 4);
            Relation build = numbers("b", shape[1], 3);
            NestedLoopJoinOperator join = new NestedLoopJoinOperator(probe.operator(), build.operator(), type, condition);
            List<List<Object>> expected = referenceJoin(type, probe, build, new int[0], new int[0],
                    (p, b) -> p.get(0) != null && b.get(0) != null && (Long) p.get(0) < (Long) b.get(0));
            assertThat(sorted(run(join, vectorSize))).as("shape %s", Arrays.toString(shape))
                    .isEqualTo(sorted(expected));
        }
    }

    @ParameterizedTest(name = "{0} join, vector size {1}")
    @MethodSource("typesAndVectorSizes")
    void withoutConditionEveryPairMatches(JoinType type, int vectorSize) {
        int[][] shapes = {{0, 4}, {4, 0}, {3, 1}, {40, 60}};
        for (int[] shape : shapes) {
            Relation probe = numbers("p", shape[0], 0);
            Relation build = numbers("b", shape[1], 0);
            NestedLoopJoinOperator join = new NestedLoopJoinOperator(probe.operator(), build.operator(), type, null);
            List<List<Object>> expected = referenceJoin(type, probe, build, new int[0], new int[0], (p, b) -> true);
            assertThat(sorted(run(join, vectorSize))).as("shape %s", Arrays.toString(shape))
                    .isEqualTo(sorted(expected));
        }
    }

    @Test
    void crossProductOfZeroColumnSidesCountsRows() {
        Relation probe = new Relation(List.of(), List.of(List.of(), List.of(), List.of()));
        Relation build = new Relation(List.of(), List.of(List.of(), List.of(), List.of(), List.of(), List.of()));
        NestedLoopJoinOperator join = new NestedLoopJoinOperator(probe.operator(), build.operator(), JoinType.INNER,
                null);
        assertThat(run(join, 7)).hasSize(15);
    }

    @Test
    void describesItsCondition() {
        PhysicalExpression condition = new ComparisonExpression(CompareOp.LE,
                new ColumnExpression(0, LogicalType.INTEGER), new ColumnExpression(2, LogicalType.INTEGER));
        Relation side = Relation.of(TYPES);
        assertThat(new NestedLoopJoinOperator(side.operator(), side.operator(), JoinType.LEFT, condition).describe())
                .isEqualTo("NestedLoopJoin LEFT condition=(#0 <= #2)");
    }
}
