package io.basalt.binder;

import io.basalt.exec.function.set.ComputedRowsFunction;
import io.basalt.exec.function.set.RegexSetFunction;
import io.basalt.exec.function.set.UnnestFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-returning text functions in FROM: {@code string_to_table(string, delimiter [, null_string])}, one
 * row per piece as string_to_array splits it, and the regular-expression ones: {@code regexp_matches(string, pattern [, flags])},
 * one text[] row per match (every match with the g flag, else at most one), and
 * {@code regexp_split_to_table(string, pattern [, flags])}, one text row per piece.
 */
final class TextSetFunctionBinder {
    private TextSetFunctionBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        List<String> parts = call.name().parts();
        String name = call.name().last();
        return (name.equals("regexp_matches") || name.equals("regexp_split_to_table")
                || name.equals("string_to_table"))
                && (parts.size() == 1 || parts.size() == 2 && parts.getFirst().equals("pg_catalog"));
    }

    /**
     * The rows of the call: with constant arguments, evaluated here into a VALUES list; with arguments that read an
     * earlier FROM item's row ({@code binder} resolves them as LATERAL references), a {@link LogicalPlan.FunctionScan}.
     */
    static LogicalPlan bind(Expression.FunctionCall call, ExpressionBinder binder) {
        String name = call.name().last();
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        if (arguments.size() < 2 || arguments.size() > 3 || call.distinct() || call.star()) {
            throw Functions.undefined(name, arguments, call.position());
        }
        if (name.equals("string_to_table")) {
            BoundExpression array = ArrayFunctionBinder.bind("string_to_array", arguments, call.position());
            if (array == null) {
                throw Functions.undefined("string_to_table", arguments, call.position());
            }
            return rows(new UnnestFunction(List.of(LogicalType.TEXT)), List.of(array), call.position());
        }
        List<BoundExpression> texts = new ArrayList<>();
        for (BoundExpression argument : arguments) {
            LogicalType type = argument.type();
            if (!type.isString() && type.id() != io.basalt.type.TypeId.UNKNOWN) {
                throw Functions.undefined(name, arguments, call.position());
            }
            texts.add(Coercion.cast(argument, LogicalType.TEXT, false));
        }
        return rows(new RegexSetFunction(name.equals("regexp_matches")), texts, call.position());
    }

    private static LogicalPlan rows(ComputedRowsFunction function, List<BoundExpression> arguments, int position) {
        for (BoundExpression argument : arguments) {
            if (!ConstantEvaluator.isConstant(argument)) {
                return new LogicalPlan.FunctionScan(function, arguments, function.outputTypes());
            }
        }
        return SetFunctionRows.values(function, arguments, position);
    }
}
