package io.basalt.binder;

import io.basalt.exec.function.set.ComputedRowsFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * A set-returning function in FROM called with constant arguments, evaluated while binding: its rows become a
 * VALUES list, so the plan (and EXPLAIN) shows them as PostgreSQL would fold them, and errors in the arguments
 * surface at once.
 */
final class SetFunctionRows {
    private SetFunctionRows() {
    }

    static LogicalPlan.Values values(ComputedRowsFunction function, List<BoundExpression> arguments, int position) {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ConstantEvaluator.evaluate(arguments.get(i));
        }
        List<List<BoundExpression>> rows = new ArrayList<>();
        for (List<Object> row : function.rows(values)) {
            List<BoundExpression> constants = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                constants.add(new BoundExpression.Constant(row.get(c), function.outputTypes().get(c), position));
            }
            rows.add(constants);
        }
        return new LogicalPlan.Values(rows, function.outputTypes());
    }
}
