package io.basalt.binder;

import io.basalt.exec.function.json.JsonPathFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.path.JsonPathEvaluator;
import io.basalt.type.json.path.JsonPathParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves the SQL/JSON path functions with PostgreSQL's signatures ({@code (target jsonb, path jsonpath
 * [, vars jsonb DEFAULT '{}' [, silent boolean DEFAULT false]])}) and the operators {@code jsonb @? jsonpath}
 * and {@code jsonb @@ jsonpath}. An untyped literal becomes jsonb or jsonpath as its place asks; other types
 * do not convert implicitly (42883). The set-returning jsonb_path_query binds in FROM as the other json set
 * functions do: its arguments must be constants, and its items become a VALUES list.
 */
final class JsonPathFunctionBinder {
    static final String QUERY = "jsonb_path_query";
    private static final List<String> PARAMETERS = List.of("target", "path", "vars", "silent");
    private static final Set<String> NAMES = Set.of(QUERY, "jsonb_path_exists",
            "jsonb_path_match", "jsonb_path_query_array", "jsonb_path_query_first");

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
        JsonPathFunction.Kind kind = switch (name) {
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
        return new BoundExpression.Function(new JsonPathFunction(kind), typedArguments(name, arguments, position),
                result, position);
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
        return new BoundExpression.Function(new JsonPathFunction(kind), List.of(
                Coercion.cast(left, LogicalType.JSONB, false), Coercion.cast(right, LogicalType.JSONPATH, false)),
                LogicalType.BOOLEAN, position);
    }

    /** jsonb_path_query in FROM (or hoisted there from the SELECT list): one jsonb column of the items. */
    static LogicalPlan.Values bindSet(Expression.FunctionCall call, BindContext context) {
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "functions in FROM");
        List<BoundExpression> arguments = new ArrayList<>();
        call = positional(call);
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        List<BoundExpression> typed = typedArguments(QUERY, arguments, call.position());
        Object[] values = new Object[typed.size()];
        for (int i = 0; i < typed.size(); i++) {
            if (!ConstantEvaluator.isConstant(typed.get(i))) {
                throw ExpressionBinder.notYet(QUERY + " with arguments that read columns",
                        call.arguments().get(i).position());
            }
            values[i] = ConstantEvaluator.evaluate(typed.get(i));
        }
        List<List<BoundExpression>> rows = new ArrayList<>();
        boolean anyNull = false;
        for (Object value : values) {
            anyNull |= value == null;
        }
        if (!anyNull) {
            List<JsonNode> items = JsonPathEvaluator.query(JsonPathParser.parse((String) values[1]),
                    ((Jsonb) values[0]).toNode(), ((Jsonb) values[2]).toNode(), (Boolean) values[3]);
            for (JsonNode item : items) {
                rows.add(List.of(new BoundExpression.Constant(Jsonb.of(item), LogicalType.JSONB, call.position())));
            }
        }
        return new LogicalPlan.Values(rows, List.of(LogicalType.JSONB));
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
