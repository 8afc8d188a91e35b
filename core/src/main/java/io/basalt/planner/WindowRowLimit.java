package io.basalt.planner;

import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.project.ProjectOperator;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;

/**
 * Plans the input of a filter that keeps only each partition's first rows of a window below it:
 * {@code WHERE rn <= k} (also {@code rn < k}, {@code rn = k} and the mirrored forms) where {@code rn} is a
 * row_number() of that window, reached through projections that pass it on unchanged. The window operator
 * then gets the row limit k, so that it can drop every other row before sorting (top-N per partition). The
 * filter stays, and the limit is set only when every call of the window is row_number, rank or dense_rank,
 * whose values on the kept rows depend on earlier rows alone: the result is exactly the unlimited one.
 * PostgreSQL does not do this; DuckDB and others do.
 *
 * <pre>
 * Filter(rn <= 2)                        Filter(rn <= 2)
 *   Project(a, b, rn)          becomes     Project(a, b, rn)
 *     Window(row_number() -> rn)             WindowOperator(..., rowLimit = 2)
 * </pre>
 */
final class WindowRowLimit {
    private WindowRowLimit() {
    }

    /** The physical plan of {@code filter}'s input, with a window row limit where the filter allows one. */
    static PhysicalOperator planInput(LogicalPlan.Filter filter) {
        long limit = 0;
        for (BoundExpression conjunct : filter.conjuncts()) {
            long bound = rowLimit(conjunct, filter.input());
            if (bound > 0) {
                limit = limit == 0 ? bound : Math.min(limit, bound);
            }
        }
        return limit > 0 ? planWithLimit(filter.input(), limit) : PhysicalPlanner.plan(filter.input());
    }

    /** The row limit {@code conjunct} puts on a window below {@code input}, or 0 for none. */
    private static long rowLimit(BoundExpression conjunct, LogicalPlan input) {
        if (!(conjunct instanceof BoundExpression.Comparison comparison)) {
            return 0;
        }
        CompareOp operator = comparison.operator();
        BoundExpression column = comparison.left();
        Long constant = integerConstant(comparison.right());
        if (constant == null) {
            operator = operator.flip();
            column = comparison.right();
            constant = integerConstant(comparison.left());
        }
        if (constant == null || !(column instanceof BoundExpression.ColumnRef reference)
                || !isRowNumber(input, reference.index())) {
            return 0;
        }
        long bound = switch (operator) {
            case LE, EQ -> constant;
            case LT -> constant - 1;
            case NE, GT, GE -> 0;
        };
        return Math.max(bound, 0);
    }

    private static Long integerConstant(BoundExpression expression) {
        BoundExpression inner = expression instanceof BoundExpression.Cast cast ? cast.operand() : expression;
        if (inner instanceof BoundExpression.Constant constant && (constant.value() instanceof Long
                || constant.value() instanceof Integer || constant.value() instanceof Short)) {
            return ((Number) constant.value()).longValue();
        }
        return null;
    }

    /**
     * Whether column {@code column} of {@code plan} is a row_number() of a window whose calls are all
     * row_number, rank or dense_rank, passed up through plain column projections.
     */
    private static boolean isRowNumber(LogicalPlan plan, int column) {
        LogicalPlan current = plan;
        int index = column;
        while (current instanceof LogicalPlan.Project project) {
            if (!(project.expressions().get(index) instanceof BoundExpression.ColumnRef reference)) {
                return false;
            }
            index = reference.index();
            current = project.input();
        }
        if (!(current instanceof LogicalPlan.Window window)) {
            return false;
        }
        for (LogicalPlan.WindowCallSpec call : window.calls()) {
            WindowFunction.Kind kind = call.function().kind();
            if (kind != WindowFunction.Kind.ROW_NUMBER && kind != WindowFunction.Kind.RANK
                    && kind != WindowFunction.Kind.DENSE_RANK) {
                return false;
            }
        }
        int width = window.input().outputTypes().size();
        return index >= width && window.calls().get(index - width).function().kind() == WindowFunction.Kind.ROW_NUMBER;
    }

    /** Plans the projections down to the window as usual, and the window with {@code limit}. */
    private static PhysicalOperator planWithLimit(LogicalPlan plan, long limit) {
        return switch (plan) {
            case LogicalPlan.Project project -> new ProjectOperator(planWithLimit(project.input(), limit),
                    ExpressionPlanner.planAll(project.expressions()));
            case LogicalPlan.Window window -> WindowPlanner.plan(window, PhysicalPlanner.plan(window.input()), limit);
            default -> PhysicalPlanner.plan(plan);
        };
    }
}
