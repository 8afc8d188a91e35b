package io.basalt.planner;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.project.ProjectOperator;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.operator.window.WindowCall;
import io.basalt.exec.operator.window.WindowOperator;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a logical Window: the window operator reads only columns, so keys and arguments that are computed
 * (not plain input columns) are projected as extra columns first, and a projection after the operator
 * drops them again, leaving the input's columns followed by the calls' results.
 */
final class WindowPlanner {
    private WindowPlanner() {
    }

    static PhysicalOperator plan(LogicalPlan.Window window, PhysicalOperator input) {
        return plan(window, input, 0, WindowFunction.Kind.ROW_NUMBER);
    }

    /**
     * As {@link #plan(LogicalPlan.Window, PhysicalOperator)}, with the operator's row limit (0: none) and the
     * ranking function it counts.
     */
    static PhysicalOperator plan(LogicalPlan.Window window, PhysicalOperator input, long rowLimit,
                                 WindowFunction.Kind limitKind) {
        List<LogicalType> inputTypes = window.input().outputTypes();
        int width = inputTypes.size();
        List<PhysicalExpression> projected = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            projected.add(new ColumnExpression(c, inputTypes.get(c)));
        }
        int[] partitionColumns = new int[window.partitionKeys().size()];
        for (int k = 0; k < partitionColumns.length; k++) {
            partitionColumns[k] = column(window.partitionKeys().get(k), width, projected);
        }
        List<SortKey> orderKeys = new ArrayList<>();
        for (LogicalPlan.WindowOrder key : window.orderKeys()) {
            orderKeys.add(new SortKey(column(key.key(), width, projected), key.descending(), key.nullsFirst()));
        }
        List<WindowCall> calls = new ArrayList<>();
        for (LogicalPlan.WindowCallSpec call : window.calls()) {
            int[] arguments = new int[call.arguments().size()];
            for (int a = 0; a < arguments.length; a++) {
                arguments[a] = column(call.arguments().get(a), width, projected);
            }
            calls.add(new WindowCall(call.function(), arguments, call.frame()));
        }
        if (projected.size() == width) {
            return new WindowOperator(input, partitionColumns, orderKeys, calls, rowLimit, limitKind);
        }
        WindowOperator operator = new WindowOperator(new ProjectOperator(input, projected), partitionColumns,
                orderKeys, calls, rowLimit, limitKind);
        List<LogicalType> types = operator.outputTypes();
        List<PhysicalExpression> kept = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            kept.add(new ColumnExpression(c, types.get(c)));
        }
        for (int k = 0; k < calls.size(); k++) {
            int column = projected.size() + k;
            kept.add(new ColumnExpression(column, types.get(column)));
        }
        return new ProjectOperator(operator, kept);
    }

    /** The column holding {@code expression}: an input column itself, else a newly projected one. */
    private static int column(BoundExpression expression, int width, List<PhysicalExpression> projected) {
        if (expression instanceof BoundExpression.ColumnRef reference && reference.index() < width) {
            return reference.index();
        }
        projected.add(ExpressionPlanner.plan(expression));
        return projected.size() - 1;
    }
}
