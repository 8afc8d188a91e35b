package io.basalt.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.window.WindowFrame;
import io.basalt.exec.operator.window.WindowOperator;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When {@link WindowRowLimit} gives the window operator a row limit (fires) and when it does not: over
 * {@code Filter(Project(Window(VALUES)))} plans whose window computes row_number() and maybe other calls.
 */
class WindowRowLimitTest {
    private static final LogicalPlan VALUES = new LogicalPlan.Values(
            List.of(List.of(constant(1L, LogicalType.INTEGER), constant(5L, LogicalType.INTEGER))),
            List.of(LogicalType.INTEGER, LogicalType.INTEGER));
    private static final LogicalPlan.WindowCallSpec ROW_NUMBER = call(WindowFunction.Kind.ROW_NUMBER);
    private static final LogicalPlan.WindowCallSpec RANK = call(WindowFunction.Kind.RANK);
    private static final LogicalPlan.WindowCallSpec DENSE_RANK = call(WindowFunction.Kind.DENSE_RANK);

    @Test
    void aRowNumberBoundGivesTheLimit() {
        assertThat(limitOf(window(ROW_NUMBER), CompareOp.LE, 2, false)).isEqualTo(2);
        assertThat(limitOf(window(ROW_NUMBER), CompareOp.LT, 3, false)).isEqualTo(2);
        assertThat(limitOf(window(ROW_NUMBER), CompareOp.EQ, 1, false)).isEqualTo(1);
        assertThat(limitOf(window(ROW_NUMBER), CompareOp.GE, 4, true)).isEqualTo(4);
        assertThat(limitOf(window(ROW_NUMBER, RANK), CompareOp.LE, 2, false)).isEqualTo(2);
        // a rank or dense_rank bound gives a limit of its kind (peers are kept)
        assertThat(limitOf(window(RANK, ROW_NUMBER), CompareOp.LE, 2, false)).isEqualTo(2);
        assertThat(kindOf(window(RANK, ROW_NUMBER))).isEqualTo(WindowFunction.Kind.RANK);
        assertThat(kindOf(window(DENSE_RANK))).isEqualTo(WindowFunction.Kind.DENSE_RANK);
    }

    @Test
    void otherFiltersAndCallsGiveNone() {
        assertThat(limitOf(window(ROW_NUMBER), CompareOp.GT, 2, false)).isZero();
        assertThat(limitOf(window(ROW_NUMBER), CompareOp.LT, 1, false)).isZero();
        assertThat(limitOf(window(ROW_NUMBER), CompareOp.LE, 2, true)).isZero();
        // an aggregate over the whole partition would change if rows were dropped
        LogicalPlan.WindowCallSpec sum = new LogicalPlan.WindowCallSpec(
                WindowFunction.aggregate(new SumAverageAggregate(false, LogicalType.INTEGER)),
                List.of(column(1, LogicalType.INTEGER)), WindowFrame.DEFAULT);
        assertThat(limitOf(window(ROW_NUMBER, sum), CompareOp.LE, 2, false)).isZero();
    }

    @Test
    void aComputedProjectionHidesTheRowNumber() {
        LogicalPlan.Window window = window(ROW_NUMBER);
        BoundExpression doubled = new BoundExpression.Arithmetic(io.basalt.exec.expression.ArithmeticOperator.ADD,
                column(2, LogicalType.BIGINT), column(2, LogicalType.BIGINT), LogicalType.BIGINT, 0);
        LogicalPlan project = new LogicalPlan.Project(window, List.of(column(0, LogicalType.INTEGER), doubled));
        LogicalPlan filter = new LogicalPlan.Filter(project, List.of(new BoundExpression.Comparison(CompareOp.LE,
                column(1, LogicalType.BIGINT), constant(2L, LogicalType.BIGINT), 0)));
        assertThat(windowOf(PhysicalPlanner.plan(filter)).rowLimit()).isZero();
    }

    /**
     * The row limit of the window below {@code Filter(c op k)} ({@code k op c} when {@code mirrored}) over
     * {@code Project(a, c)}, c being the window's first call.
     */
    private static long limitOf(LogicalPlan.Window window, CompareOp operator, long bound, boolean mirrored) {
        LogicalPlan project = new LogicalPlan.Project(window, List.of(column(0, LogicalType.INTEGER),
                column(2, LogicalType.BIGINT)));
        BoundExpression rn = column(1, LogicalType.BIGINT);
        BoundExpression k = constant(bound, LogicalType.BIGINT);
        BoundExpression condition = mirrored ? new BoundExpression.Comparison(operator, k, rn, 0)
                : new BoundExpression.Comparison(operator, rn, k, 0);
        return windowOf(PhysicalPlanner.plan(new LogicalPlan.Filter(project, List.of(condition)))).rowLimit();
    }

    /** The kind of the row limit a {@code c <= 3} filter gives the window, c being its first call. */
    private static WindowFunction.Kind kindOf(LogicalPlan.Window window) {
        LogicalPlan project = new LogicalPlan.Project(window, List.of(column(0, LogicalType.INTEGER),
                column(2, LogicalType.BIGINT)));
        BoundExpression condition = new BoundExpression.Comparison(CompareOp.LE, column(1, LogicalType.BIGINT),
                constant(3L, LogicalType.BIGINT), 0);
        return windowOf(PhysicalPlanner.plan(new LogicalPlan.Filter(project, List.of(condition)))).limitKind();
    }

    private static LogicalPlan.Window window(LogicalPlan.WindowCallSpec... calls) {
        return new LogicalPlan.Window(VALUES, List.of(column(0, LogicalType.INTEGER)),
                List.of(new LogicalPlan.WindowOrder(column(1, LogicalType.INTEGER), true, false)), List.of(calls));
    }

    private static LogicalPlan.WindowCallSpec call(WindowFunction.Kind kind) {
        return new LogicalPlan.WindowCallSpec(WindowFunction.of(kind, LogicalType.BIGINT), List.of(),
                WindowFrame.DEFAULT);
    }

    private static WindowOperator windowOf(PhysicalOperator operator) {
        if (operator instanceof WindowOperator window) {
            return window;
        }
        for (PhysicalOperator child : operator.children()) {
            WindowOperator found = windowOf(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static BoundExpression column(int index, LogicalType type) {
        return new BoundExpression.ColumnRef(index, null, "c" + index, type, 0);
    }

    private static BoundExpression constant(Object value, LogicalType type) {
        return new BoundExpression.Constant(value, type, 0);
    }
}
