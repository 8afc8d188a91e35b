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
 * row_number(), rank() or dense_rank() of that window, reached through projections that pass it on unchanged.
 * The window operator then gets the row limit k and its kind, so that it can drop every other row as it reads
 * its input (top-N per partition). The filter stays, and the limit is set only when every call of the window is
 * row_number, rank or dense_rank, whose values on the kept rows depend on earlier rows and peers alone: the
 * result is exactly the unlimited one.
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
        // one limit is used: a row_number limit (the narrowest kind) before a rank one before a dense_rank one
        long limit = 0;
        WindowFunction.Kind kind = null;
        for (BoundExpression conjunct : filter.conjuncts()) {
            WindowFunction.Kind numbered = numberKind(conjunct, filter.input());
            long bound = numbered == null ? 0 : rowLimit(conjunct, filter.input());
            if (bound > 0 && (kind == null || numbered.ordinal() < kind.ordinal()
                    || numbered == kind && bound < limit)) {
                limit = bound;
                kind = numbered;
            }
        }
        return limit > 0 ? planWithLimit(filter.input(), limit, kind) : PhysicalPlanner.plan(filter.input());
    }

    /** The ranking function whose result {@code conjunct} compares with a constant, if it is one. */
    private static WindowFunction.Kind numberKind(BoundExpression conjunct, LogicalPlan input) {
        if (!(conjunct instanceof BoundExpression.Comparison comparison)) {
            return null;
        }
        BoundExpression column = integerConstant(comparison.right()) != null ? comparison.left() : comparison.right();
        return column instanceof BoundExpression.ColumnRef reference ? rankingKind(input, reference.index()) : null;
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
                || rankingKind(input, reference.index()) == null) {
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
     * The function (row_number, rank or dense_rank) whose result column {@code column} of {@code plan} is, when
     * it is a call of a window whose calls are all row_number, rank or dense_rank, passed up through plain column
     * projections; else null.
     */
    private static WindowFunction.Kind rankingKind(LogicalPlan plan, int column) {
        LogicalPlan current = plan;
        int index = column;
        while (current instanceof LogicalPlan.Project project) {
            if (!(project.expressions().get(index) instanceof BoundExpression.ColumnRef reference)) {
                return null;
            }
            index = reference.index();
            current = project.input();
        }
        if (!(current instanceof LogicalPlan.Window window)) {
            return null;
        }
        for (LogicalPlan.WindowCallSpec call : window.calls()) {
            WindowFunction.Kind kind = call.function().kind();
            if (kind != WindowFunction.Kind.ROW_NUMBER && kind != WindowFunction.Kind.RANK
                    && kind != WindowFunction.Kind.DENSE_RANK) {
                return null;
            }
        }
        int width = window.input().outputTypes().size();
        return index >= width ? window.calls().get(index - width).function().kind() : null;
    }

    /** Plans the projections down to the window as usual, and the window with {@code limit}. */
    private static PhysicalOperator planWithLimit(LogicalPlan plan, long limit, WindowFunction.Kind kind) {
        return switch (plan) {
            case LogicalPlan.Project project -> new ProjectOperator(planWithLimit(project.input(), limit, kind),
                    ExpressionPlanner.planAll(project.expressions()));
            case LogicalPlan.Window window ->
                    WindowPlanner.plan(window, PhysicalPlanner.plan(window.input()), limit, kind);
            default -> PhysicalPlanner.plan(plan);
        };
    }
}
