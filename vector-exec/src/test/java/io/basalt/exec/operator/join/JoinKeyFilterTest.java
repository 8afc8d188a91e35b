package io.basalt.exec.operator.join;

import static io.basalt.exec.operator.join.JoinTestRelations.run;
import static io.basalt.exec.operator.join.JoinTestRelations.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.filter.FilterOperator;
import io.basalt.exec.operator.filter.KeyFilterOperator;
import io.basalt.exec.operator.join.JoinTestRelations.Relation;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Join key filters end to end: a join that publishes its build keys to a {@link KeyFilterOperator} under
 * another join on its probe side gives exactly the rows of the same plan without the filter, for each
 * publishing join type (INNER, SEMI, RIGHT), each join type the filter is pushed through (INNER, LEFT, SEMI,
 * ANTI), NULL and duplicate keys, empty builds, keys nearly all matching (the filter retires itself) and
 * batches of 7 and 2048 rows.
 */
class JoinKeyFilterTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.TEXT);
    private static final JoinType[] PUBLISHERS = {JoinType.INNER, JoinType.SEMI, JoinType.RIGHT};
    private static final JoinType[] PUSHED_THROUGH = {JoinType.INNER, JoinType.LEFT, JoinType.SEMI, JoinType.ANTI};

    /**
     * {@code rows} rows of (a BIGINT key cycling through {@code distinct} values from {@code first}, an INTEGER
     * key cycling through 5 values, a label); every {@code nullEvery}-th BIGINT key is NULL (0: none).
     */
    private static Relation relation(String label, int rows, int distinct, int first, int nullEvery) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = nullEvery > 0 && i % nullEvery == nullEvery - 1 ? null : (long) (first + (i * 7L) % distinct);
            list.add(Arrays.asList(key, (long) (i % 5), label + i));
        }
        return new Relation(TYPES, list);
    }

    /**
     * upper(lower(probe, inner build) on the INTEGER keys, outer build) on the BIGINT keys; key-filtered or not; with
     * {@code prefiltered} the probe rows first pass {@code label's INTEGER key <> 3}, so that the key filter receives
     * selective batches.
     */
    private static PhysicalOperator plan(JoinType upper, JoinType lower, Relation probe, Relation innerBuild,
                                         Relation outerBuild, boolean filtered, boolean prefiltered) {
        JoinKeyFilter filter = new JoinKeyFilter("test filter");
        PhysicalOperator source = prefiltered ? new FilterOperator(probe.operator(), List.of(new ComparisonExpression(
                CompareOp.NE, new ColumnExpression(1, LogicalType.INTEGER), new ConstantExpression(LogicalType.INTEGER,
                3L)))) : probe.operator();
        PhysicalOperator probeInput = filtered ? new KeyFilterOperator(source, 0, filter) : source;
        HashJoinOperator lowerJoin = new HashJoinOperator(probeInput, innerBuild.operator(), lower,
                List.of(new ColumnExpression(1, LogicalType.INTEGER)),
                List.of(new ColumnExpression(1, LogicalType.INTEGER)), null);
        return new HashJoinOperator(lowerJoin, outerBuild.operator(), upper,
                List.of(new ColumnExpression(0, LogicalType.BIGINT)), List.of(new ColumnExpression(0, LogicalType.BIGINT)),
                null, filtered ? List.of(new JoinKeyFilterTarget(0, filter)) : List.of());
    }

    @ParameterizedTest(name = "vector size {0}")
    @ValueSource(ints = {7, 2048})
    void filteredPlansGiveTheRowsOfUnfilteredOnes(int vectorSize) {
        int[][] shapes = {
            // probe rows, probe distinct keys, inner build rows, outer build rows, outer distinct keys, outer first key
            {0, 1, 5, 10, 5, 0}, {40, 10, 5, 0, 1, 0}, {300, 50, 7, 20, 6, 3}, {3000, 900, 4, 100, 40, 850},
            {70_000, 1000, 5, 2000, 1000, 0},
        };
        for (int[] shape : shapes) {
            Relation probe = relation("p", shape[0], shape[1], 0, 6);
            Relation innerBuild = relation("i", shape[2], 5, 0, 0);
            Relation outerBuild = relation("o", shape[3], shape[4], shape[5], 4);
            for (JoinType upper : PUBLISHERS) {
                for (JoinType lower : PUSHED_THROUGH) {
                    for (boolean prefiltered : new boolean[]{false, true}) {
                        List<String> expected = sorted(run(plan(upper, lower, probe, innerBuild, outerBuild, false,
                                prefiltered), vectorSize));
                        List<String> actual = sorted(run(plan(upper, lower, probe, innerBuild, outerBuild, true,
                                prefiltered), vectorSize));
                        assertThat(actual).as("%s over %s, shape %s, prefiltered %s", upper, lower,
                                Arrays.toString(shape), prefiltered).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
