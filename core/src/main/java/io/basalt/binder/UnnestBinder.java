package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.exec.function.set.UnnestFunction;
import io.basalt.exec.function.textsearch.TsVectorUnnestFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unnest(array [, array ...])} in FROM: one row per element, one column per array (shorter arrays
 * padded with NULLs, as PostgreSQL's multi-argument form does); a NULL or empty array gives no rows. And
 * {@code unnest(tsvector)}: a row per lexeme (lexeme, positions, weights), {@link TsVectorUnnestFunction}.
 */
final class UnnestBinder {
    private UnnestBinder() {
    }

    /** The rows of a call, and the names of their columns when the function gives them (null: from the alias). */
    record Bound(LogicalPlan rows, List<String> names) {
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
    static Bound bind(Expression.FunctionCall call, ExpressionBinder binder) {
        List<BoundExpression> arguments = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        boolean constant = true;
        if (call.arguments().size() == 1 && !call.distinct() && !call.star()) {
            BoundExpression only = binder.bind(call.arguments().getFirst());
            if (only.type().id() == TypeId.TSVECTOR) {
                TsVectorUnnestFunction lexemes = new TsVectorUnnestFunction();
                return new Bound(ConstantEvaluator.isConstant(only) ? SetFunctionRows.values(lexemes, List.of(only),
                        call.position()) : new LogicalPlan.FunctionScan(lexemes, List.of(only), lexemes.outputTypes()),
                        TsVectorUnnestFunction.NAMES);
            }
        }
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
        return new Bound(constant ? SetFunctionRows.values(function, arguments, call.position())
                : new LogicalPlan.FunctionScan(function, arguments, types), null);
    }
}
