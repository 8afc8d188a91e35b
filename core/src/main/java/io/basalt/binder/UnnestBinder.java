package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unnest(array [, array ...])} in FROM: one row per element, one column per array (shorter arrays
 * padded with NULLs, as PostgreSQL's multi-argument form does); a NULL or empty array gives no rows. The
 * arguments must not read columns (no LATERAL yet): they are evaluated here and the rows become a VALUES list.
 */
final class UnnestBinder {
    private UnnestBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        List<String> parts = call.name().parts();
        return call.name().last().equals("unnest")
                && (parts.size() == 1 || parts.size() == 2 && parts.getFirst().equals("pg_catalog"));
    }

    static LogicalPlan.Values bind(Expression.FunctionCall call, BindContext context) {
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "functions in FROM");
        List<ArrayValue> arrays = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            BoundExpression bound = binder.bind(argument);
            if (!bound.type().isArray() || call.distinct() || call.star()) {
                throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, call.position(),
                                "function unnest(" + bound.type().displayName() + ") does not exist")
                        .withHint("No function matches the given name and argument types. You might need to add"
                                + " explicit type casts.");
            }
            if (!ConstantEvaluator.isConstant(bound)) {
                throw ExpressionBinder.notYet("unnest with arguments that read columns", argument.position());
            }
            arrays.add((ArrayValue) ConstantEvaluator.evaluate(bound));
            types.add(bound.type().element());
        }
        if (arrays.isEmpty()) {
            throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, call.position(), "function unnest() does not exist");
        }
        int rowCount = 0;
        for (ArrayValue array : arrays) {
            rowCount = Math.max(rowCount, array == null ? 0 : array.length());
        }
        List<List<BoundExpression>> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            List<BoundExpression> row = new ArrayList<>(arrays.size());
            for (int c = 0; c < arrays.size(); c++) {
                ArrayValue array = arrays.get(c);
                Object value = array != null && r < array.length() ? array.get(r) : null;
                row.add(new BoundExpression.Constant(value, types.get(c), call.position()));
            }
            rows.add(row);
        }
        return new LogicalPlan.Values(rows, types);
    }
}
