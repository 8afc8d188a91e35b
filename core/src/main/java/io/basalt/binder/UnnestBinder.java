package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.exec.function.set.UnnestFunction;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unnest(array [, array ...])} in FROM: one row per element, one column per array (shorter arrays
 * padded with NULLs, as PostgreSQL's multi-argument form does); a NULL or empty array gives no rows.
 */
final class UnnestBinder {
    private UnnestBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        List<String> parts = call.name().parts();
        return call.name().last().equals("unnest")
                && (parts.size() == 1 || parts.size() == 2 && parts.getFirst().equals("pg_catalog"));
    }

    /**
     * The rows of the call: with constant arguments, evaluated here into a VALUES list; with arguments that read an
     * earlier FROM item's row ({@code binder} resolves them as LATERAL references), a {@link LogicalPlan.FunctionScan}.
     */
    static LogicalPlan bind(Expression.FunctionCall call, ExpressionBinder binder) {
        List<BoundExpression> arguments = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        boolean constant = true;
        for (Expression argument : call.arguments()) {
            BoundExpression bound = binder.bind(argument);
            if (!bound.type().isArray() || call.distinct() || call.star()) {
                throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, call.position(),
                                "function unnest(" + bound.type().displayName() + ") does not exist")
                        .withHint("No function matches the given name and argument types. You might need to add"
                                + " explicit type casts.");
            }
            constant &= ConstantEvaluator.isConstant(bound);
            arguments.add(bound);
            types.add(bound.type().element());
        }
        if (arguments.isEmpty()) {
            throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, call.position(), "function unnest() does not exist");
        }
        UnnestFunction function = new UnnestFunction(types);
        return constant ? SetFunctionRows.values(function, arguments, call.position())
                : new LogicalPlan.FunctionScan(function, arguments, types);
    }
}
