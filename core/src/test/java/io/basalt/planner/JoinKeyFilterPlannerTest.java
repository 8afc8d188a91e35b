package io.basalt.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ArithmeticExpression;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.aggregate.HashAggregateOperator;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.filter.FilterOperator;
import io.basalt.exec.operator.filter.KeyFilterOperator;
import io.basalt.exec.operator.join.HashJoinOperator;
import io.basalt.exec.operator.join.JoinType;
import io.basalt.exec.operator.project.ProjectOperator;
import io.basalt.exec.operator.scan.ScanOperator;
import io.basalt.exec.operator.scan.SeriesSource;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where {@link JoinKeyFilterPlanner} puts key filters (fires) and where it puts none (does not fire), over
 * physical plans of VALUES leaves with (BIGINT, BIGINT) rows.
 */
class JoinKeyFilterPlannerTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.BIGINT);

    @Test
    void firesBelowAnAggregationGroupedByTheKey() {
        PhysicalOperator aggregate = new HashAggregateOperator(values(), List.of(column(0)), List.of());
        for (JoinType type : List.of(JoinType.INNER, JoinType.SEMI, JoinType.RIGHT)) {
            HashJoinOperator join = JoinKeyFilterPlanner.withKeyFilters(join(type, aggregate), (before, after) -> { });
            assertThat(join.keyFilters()).hasSize(1);
            HashAggregateOperator rebuilt = (HashAggregateOperator) join.probeChild();
            KeyFilterOperator filter = (KeyFilterOperator) rebuilt.child();
            assertThat(filter.column()).isZero();
            assertThat(filter.filter()).isSameAs(join.keyFilters().getFirst().filter());
            assertThat(filter.child()).isInstanceOf(ValuesOperator.class);
        }
    }

    @Test
    void followsTheKeyThroughProjectionsAndProbeSides() {
        PhysicalOperator swapped = new ProjectOperator(values(), List.of(column(1), column(0)));
        PhysicalOperator lower = new HashJoinOperator(swapped, values(), JoinType.LEFT, List.of(column(1)),
                List.of(column(0)), null);
        Map<PhysicalOperator, PhysicalOperator> replaced = new IdentityHashMap<>();
        HashJoinOperator join = JoinKeyFilterPlanner.withKeyFilters(join(JoinType.INNER, lower), replaced::put);
        HashJoinOperator rebuiltLower = (HashJoinOperator) join.probeChild();
        ProjectOperator project = (ProjectOperator) rebuiltLower.probeChild();
        KeyFilterOperator filter = (KeyFilterOperator) project.child();
        // output column 0 of the projection is column 1 of its input
        assertThat(filter.column()).isEqualTo(1);
        assertThat(replaced).containsEntry(lower, rebuiltLower).containsEntry(swapped, project);
    }

    @Test
    void firesStraightOverAScanAndBetweenAScanAndItsFilter() {
        ScanOperator scan = scan();
        HashJoinOperator overScan = JoinKeyFilterPlanner.withKeyFilters(join(JoinType.INNER, scan), (before, after) -> { });
        KeyFilterOperator filter = (KeyFilterOperator) overScan.probeChild();
        assertThat(filter.child()).isSameAs(scan);
        assertThat(filter.filter()).isSameAs(overScan.keyFilters().getFirst().filter());

        FilterOperator filtered = new FilterOperator(scan, List.of(new ComparisonExpression(CompareOp.LT, column(1),
                new ConstantExpression(LogicalType.BIGINT, 10L))));
        Map<PhysicalOperator, PhysicalOperator> replaced = new IdentityHashMap<>();
        for (JoinType type : List.of(JoinType.INNER, JoinType.SEMI, JoinType.RIGHT)) {
            HashJoinOperator join = JoinKeyFilterPlanner.withKeyFilters(join(type, filtered), replaced::put);
            FilterOperator rebuilt = (FilterOperator) join.probeChild();
            assertThat(rebuilt.conjuncts()).isEqualTo(filtered.conjuncts());
            KeyFilterOperator below = (KeyFilterOperator) rebuilt.child();
            assertThat(below.column()).isZero();
            assertThat(below.child()).isSameAs(scan);
            assertThat(replaced).containsEntry(filtered, rebuilt);
        }
    }

    @Test
    void doesNotFireOverAScanWhoseRowsTheJoinKeepsOrWhenSwitchedOff() {
        FilterOperator filtered = new FilterOperator(scan(), List.of(new ComparisonExpression(CompareOp.LT, column(1),
                new ConstantExpression(LogicalType.BIGINT, 10L))));
        for (JoinType type : List.of(JoinType.LEFT, JoinType.FULL, JoinType.ANTI)) {
            assertUnchanged(join(type, scan()));
            assertUnchanged(join(type, filtered));
        }
        ScopedValue.where(JoinKeyFilterSwitch.CURRENT, JoinKeyFilterSwitch.of("off")).run(() -> {
            assertUnchanged(join(JoinType.INNER, filtered));
            assertUnchanged(join(JoinType.INNER, new HashAggregateOperator(scan(), List.of(column(0)), List.of())));
        });
        assertThat(JoinKeyFilterSwitch.of(null)).isTrue();
        assertThat(JoinKeyFilterSwitch.of("on")).isTrue();
        assertThat(JoinKeyFilterSwitch.of("OFF")).isFalse();
    }

    @Test
    void doesNotFireWhereRowsWouldChangeOrNothingIsSaved() {
        PhysicalOperator aggregate = new HashAggregateOperator(values(), List.of(column(0)), List.of());
        // the join keeps its unmatched probe rows
        for (JoinType type : List.of(JoinType.LEFT, JoinType.FULL, JoinType.ANTI)) {
            assertUnchanged(join(type, aggregate));
        }
        // straight over the input: the filter would only repeat the probe
        assertUnchanged(join(JoinType.INNER, values()));
        // the key is computed, not a group key column
        PhysicalExpression plusOne = new ArithmeticExpression(io.basalt.exec.expression.ArithmeticOperator.ADD,
                column(0), new ConstantExpression(LogicalType.BIGINT, 1L), LogicalType.BIGINT);
        assertUnchanged(join(JoinType.INNER, new HashAggregateOperator(values(), List.of(plusOne), List.of())));
        // a RIGHT join below outputs unmatched build rows with NULL probe columns
        PhysicalOperator right = new HashJoinOperator(values(), values(), JoinType.RIGHT, List.of(column(0)),
                List.of(column(0)), null);
        assertUnchanged(join(JoinType.INNER, right));
        // the key comes from the build side of the join below
        PhysicalOperator inner = new HashJoinOperator(values(), values(), JoinType.INNER, List.of(column(1)),
                List.of(column(1)), null);
        HashJoinOperator onBuildColumn = new HashJoinOperator(inner, values(), JoinType.INNER, List.of(column(2)),
                List.of(column(0)), null);
        assertUnchanged(onBuildColumn);
    }

    private static void assertUnchanged(HashJoinOperator join) {
        assertThat(JoinKeyFilterPlanner.withKeyFilters(join, (before, after) -> { })).isSameAs(join);
    }

    private static HashJoinOperator join(JoinType type, PhysicalOperator probe) {
        return new HashJoinOperator(probe, values(), type, List.of(column(0)), List.of(column(0)), null);
    }

    /** A scan of two BIGINT columns (never opened here). */
    private static ScanOperator scan() {
        return new ScanOperator(new SeriesSource(LogicalType.BIGINT, 1L, 3L, 1L), new int[] {0, 0});
    }

    private static ValuesOperator values() {
        List<List<PhysicalExpression>> rows = new ArrayList<>();
        for (long i = 0; i < 3; i++) {
            rows.add(List.of(new ConstantExpression(LogicalType.BIGINT, i), new ConstantExpression(LogicalType.BIGINT, i)));
        }
        return new ValuesOperator(rows, TYPES);
    }

    private static ColumnExpression column(int index) {
        return new ColumnExpression(index, LogicalType.BIGINT);
    }
}
