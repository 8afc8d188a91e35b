package io.basalt.binder;

import io.basalt.exec.function.scalar.regex.PatternSource;
import io.basalt.exec.function.scalar.regex.RegexMatches;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The set-returning text functions in FROM: {@code string_to_table(string, delimiter [, null_string])}, one
 * row per piece as string_to_array splits it, and the regular-expression ones: {@code regexp_matches(string, pattern [, flags])},
 * one text[] row per match (every match with the g flag, else at most one), and
 * {@code regexp_split_to_table(string, pattern [, flags])}, one text row per piece. As with unnest, the
 * arguments must not read columns (no LATERAL yet): they are evaluated here and the rows become a VALUES list.
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

    static LogicalPlan.Values bind(Expression.FunctionCall call, BindContext context) {
        String name = call.name().last();
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "functions in FROM");
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        if (arguments.size() < 2 || arguments.size() > 3 || call.distinct() || call.star()) {
            throw Functions.undefined(name, arguments, call.position());
        }
        if (name.equals("string_to_table")) {
            return stringToTable(arguments, call.position());
        }
        String[] values = new String[3];
        values[2] = "";
        for (int i = 0; i < arguments.size(); i++) {
            LogicalType type = arguments.get(i).type();
            if (!type.isString() && type.id() != io.basalt.type.TypeId.UNKNOWN) {
                throw Functions.undefined(name, arguments, call.position());
            }
            BoundExpression cast = Coercion.cast(arguments.get(i), LogicalType.TEXT, false);
            if (!ConstantEvaluator.isConstant(cast)) {
                throw ExpressionBinder.notYet(name + " with arguments that read columns", cast.position());
            }
            values[i] = (String) ConstantEvaluator.evaluate(cast);
        }
        boolean matches = name.equals("regexp_matches");
        LogicalType type = matches ? LogicalType.arrayOf(LogicalType.TEXT) : LogicalType.TEXT;
        List<List<BoundExpression>> rows = new ArrayList<>();
        if (values[0] != null && values[1] != null && values[2] != null) {
            PatternSource pattern = PatternSource.compile(values[1], values[2], name, matches);
            Matcher matcher = pattern.pattern().matcher(values[0]);
            List<?> results = matches ? RegexMatches.all(matcher, values[0], pattern.flags().global())
                    : RegexMatches.split(matcher, values[0]);
            for (Object result : results) {
                rows.add(List.of(new BoundExpression.Constant(result, type, call.position())));
            }
        }
        return new LogicalPlan.Values(rows, List.of(type));
    }

    private static LogicalPlan.Values stringToTable(List<BoundExpression> arguments, int position) {
        BoundExpression array = ArrayFunctionBinder.bind("string_to_array", arguments, position);
        if (array == null) {
            throw Functions.undefined("string_to_table", arguments, position);
        }
        if (!ConstantEvaluator.isConstant(array)) {
            throw ExpressionBinder.notYet("string_to_table with arguments that read columns", position);
        }
        ArrayValue pieces = (ArrayValue) ConstantEvaluator.evaluate(array);
        List<List<BoundExpression>> rows = new ArrayList<>();
        for (int k = 0; pieces != null && k < pieces.length(); k++) {
            rows.add(List.of(new BoundExpression.Constant(pieces.get(k), LogicalType.TEXT, position)));
        }
        return new LogicalPlan.Values(rows, List.of(LogicalType.TEXT));
    }
}
