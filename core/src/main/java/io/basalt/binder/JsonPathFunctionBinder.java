package io.basalt.binder;

import io.basalt.exec.function.json.JsonPathFunction;
import io.basalt.exec.function.set.JsonPathQueryFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.path.JsonPathTimeZone;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves the SQL/JSON path functions with PostgreSQL's signatures ({@code (target jsonb, path jsonpath
 * [, vars jsonb DEFAULT '{}' [, silent boolean DEFAULT false]])}) and the operators {@code jsonb @? jsonpath}
 * and {@code jsonb @@ jsonpath}. An untyped literal becomes jsonb or jsonpath as its place asks; other types
 * do not convert implicitly (42883). The set-returning jsonb_path_query binds in FROM as the other json set
 * functions do. Each has a _tz variant, which may use the session's time zone in date/time conversions.
 */
final class JsonPathFunctionBinder {
    static final String QUERY = "jsonb_path_query";
    static final String QUERY_TZ = "jsonb_path_query_tz";
    private static final List<String> PARAMETERS = List.of("target", "path", "vars", "silent");
    private static final Set<String> NAMES = Set.of(QUERY, "jsonb_path_exists",
            "jsonb_path_match", "jsonb_path_query_array", "jsonb_path_query_first", QUERY_TZ, "jsonb_path_exists_tz",
            "jsonb_path_match_tz", "jsonb_path_query_array_tz", "jsonb_path_query_first_tz");

    private JsonPathFunctionBinder() {
    }

    /**
     * The call with arguments given by name ({@code silent => true}) put in their places; an omitted vars
     * before a named silent becomes {@code '{}'}. Other calls, and calls naming an unknown parameter or one
     * twice, come back unchanged.
     */
    static Expression.FunctionCall positional(Expression.FunctionCall call) {
        if (call.name().parts().size() != 1 || !NAMES.contains(call.name().last())) {
            return call;
        }
        Expression[] slots = new Expression[PARAMETERS.size()];
        int used = 0;
        for (int i = 0; i < call.arguments().size(); i++) {
            Expression argument = call.arguments().get(i);
            int slot = i;
            if (argument instanceof Expression.NamedArgument named) {
                slot = PARAMETERS.indexOf(named.name());
                argument = named.value();
            }
            if (slot < 0 || slot >= slots.length || slots[slot] != null) {
                return call;
            }
            slots[slot] = argument;
            used = Math.max(used, slot + 1);
        }
        List<Expression> arguments = new ArrayList<>();
        for (int i = 0; i < used; i++) {
            Expression argument = slots[i];
            if (argument == null) {
                if (i != 2) {
                    return call;
                }
                argument = new Expression.StringLiteral("{}", call.position());
            }
            arguments.add(argument);
        }
        return new Expression.FunctionCall(call.name(), arguments, call.distinct(), call.star(), call.orderBy(),
                call.filter(), call.over(), call.position(), call.withinGroup());
    }

    /** The bound scalar function, or null when {@code name} is not one. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        boolean tz = name.endsWith("_tz");
        JsonPathFunction.Kind kind = switch (tz ? name.substring(0, name.length() - 3) : name) {
            case "jsonb_path_exists" -> JsonPathFunction.Kind.EXISTS;
            case "jsonb_path_match" -> JsonPathFunction.Kind.MATCH;
            case "jsonb_path_query_array" -> JsonPathFunction.Kind.QUERY_ARRAY;
            case "jsonb_path_query_first" -> JsonPathFunction.Kind.QUERY_FIRST;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        LogicalType result = kind == JsonPathFunction.Kind.EXISTS || kind == JsonPathFunction.Kind.MATCH
                ? LogicalType.BOOLEAN : LogicalType.JSONB;
        return new BoundExpression.Function(new JsonPathFunction(kind, JsonPathTimeZone.current(tz)),
                typedArguments(name, arguments, position), result, position);
    }

    /** {@code jsonb @? jsonpath} or {@code jsonb @@ jsonpath}, or null when the operands are not those types. */
    static BoundExpression operator(String operator, BoundExpression left, BoundExpression right, int position) {
        TypeId l = left.type().id();
        TypeId r = right.type().id();
        if (l != TypeId.JSONB && (l != TypeId.UNKNOWN || r != TypeId.JSONPATH)
                || r != TypeId.JSONPATH && r != TypeId.UNKNOWN) {
            return null;
        }
        JsonPathFunction.Kind kind = operator.equals("@?") ? JsonPathFunction.Kind.EXISTS_OPERATOR
                : JsonPathFunction.Kind.MATCH_OPERATOR;
        return new BoundExpression.Function(new JsonPathFunction(kind, JsonPathTimeZone.current(false)), List.of(
                Coercion.cast(left, LogicalType.JSONB, false), Coercion.cast(right, LogicalType.JSONPATH, false)),
                LogicalType.BOOLEAN, position);
    }

    /**
     * jsonb_path_query(_tz) in FROM (or hoisted there from the SELECT list): one jsonb column of the items, folded
     * into a VALUES list when the arguments are constant, else a function scan over the LATERAL references.
     */
    static LogicalPlan bindSet(Expression.FunctionCall call, ExpressionBinder binder) {
        String name = call.name().last();
        List<BoundExpression> arguments = new ArrayList<>();
        call = positional(call);
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        List<BoundExpression> typed = typedArguments(name, arguments, call.position());
        JsonPathQueryFunction function = new JsonPathQueryFunction(JsonPathTimeZone.current(name.equals(QUERY_TZ)));
        for (BoundExpression argument : typed) {
            if (!ConstantEvaluator.isConstant(argument)) {
                return new LogicalPlan.FunctionScan(function, typed, function.outputTypes());
            }
        }
        return SetFunctionRows.values(function, typed, call.position());
    }

    private static List<BoundExpression> typedArguments(String name, List<BoundExpression> arguments, int position) {
        int n = arguments.size();
        if (n < 2 || n > 4) {
            throw Functions.undefined(name, arguments, position);
        }
        List<BoundExpression> typed = new ArrayList<>(4);
        typed.add(typed(arguments.get(0), LogicalType.JSONB, name, arguments, position));
        typed.add(typed(arguments.get(1), LogicalType.JSONPATH, name, arguments, position));
        typed.add(n > 2 ? typed(arguments.get(2), LogicalType.JSONB, name, arguments, position)
                : new BoundExpression.Constant(Jsonb.of(new JsonNode.JsonObject(List.of(), List.of())),
                        LogicalType.JSONB, position));
        typed.add(n > 3 ? typed(arguments.get(3), LogicalType.BOOLEAN, name, arguments, position)
                : new BoundExpression.Constant(false, LogicalType.BOOLEAN, position));
        return typed;
    }

    private static BoundExpression typed(BoundExpression argument, LogicalType type, String name,
                                         List<BoundExpression> arguments, int position) {
        TypeId id = argument.type().id();
        if (id == type.id() || id == TypeId.UNKNOWN) {
            return Coercion.cast(argument, type, false);
        }
        throw Functions.undefined(name, arguments, position);
    }
}
