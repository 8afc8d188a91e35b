package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.Jsonb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The set-returning json functions in FROM: jsonb_each / jsonb_each_text (key, value), jsonb_array_elements /
 * jsonb_array_elements_text (value), jsonb_object_keys, and their json_ twins (whose values are json). As
 * with unnest, the argument must not read columns (no LATERAL yet): it is evaluated here and the rows become a
 * VALUES list. A json argument is read as jsonb, so its members print as jsonb prints them.
 */
final class JsonSetFunctionBinder {
    static final Set<String> NAMES = Set.of("jsonb_each", "jsonb_each_text", "jsonb_array_elements",
            "jsonb_array_elements_text", "jsonb_object_keys", "json_each", "json_each_text", "json_array_elements",
            "json_array_elements_text", "json_object_keys");
    /** The ones returning one column, which may also stand as a whole SELECT item. */
    static final Set<String> SINGLE_COLUMN = Set.of("jsonb_array_elements", "jsonb_array_elements_text",
            "jsonb_object_keys", "json_array_elements", "json_array_elements_text", "json_object_keys");

    private JsonSetFunctionBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        return call.name().parts().size() == 1 && NAMES.contains(call.name().last());
    }

    /** The default column names of the function's result. */
    static List<String> columnNames(String name) {
        if (name.endsWith("_each") || name.endsWith("_each_text")) {
            return List.of("key", "value");
        }
        return List.of(name.endsWith("_object_keys") ? name : "value");
    }

    static LogicalPlan.Values bind(Expression.FunctionCall call, BindContext context) {
        String name = call.name().last();
        boolean json = name.startsWith("json_");
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "functions in FROM");
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        TypeId expected = json ? TypeId.JSON : TypeId.JSONB;
        if (arguments.size() != 1 || arguments.getFirst().type().id() != expected
                && arguments.getFirst().type().id() != TypeId.UNKNOWN) {
            throw Functions.undefined(name, arguments, call.position());
        }
        BoundExpression argument = Coercion.cast(Coercion.cast(arguments.getFirst(),
                json ? LogicalType.JSON : LogicalType.JSONB, false), LogicalType.JSONB, false);
        if (!ConstantEvaluator.isConstant(argument)) {
            throw ExpressionBinder.notYet(name + " with arguments that read columns", call.arguments().getFirst().position());
        }
        Jsonb value = (Jsonb) ConstantEvaluator.evaluate(argument);
        boolean text = name.endsWith("_text");
        LogicalType valueType = text ? LogicalType.TEXT : json ? LogicalType.JSON : LogicalType.JSONB;
        String kind = name.substring(name.indexOf('_') + 1);
        List<List<BoundExpression>> rows = new ArrayList<>();
        List<LogicalType> types;
        int position = call.position();
        JsonNode node = value == null ? null : value.toNode();
        if (kind.startsWith("each")) {
            types = List.of(LogicalType.TEXT, valueType);
            if (node != null) {
                if (!(node instanceof JsonNode.JsonObject object)) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "cannot call " + name + " on a non-object");
                }
                for (int i = 0; i < object.keys().size(); i++) {
                    rows.add(List.of(new BoundExpression.Constant(object.keys().get(i), LogicalType.TEXT, position),
                            member(object.values().get(i), valueType, text, position)));
                }
            }
        } else if (kind.startsWith("array_elements")) {
            types = List.of(valueType);
            if (node != null) {
                if (!(node instanceof JsonNode.JsonArray array)) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, node instanceof JsonNode.JsonObject
                            ? "cannot extract elements from an object" : "cannot extract elements from a scalar");
                }
                for (JsonNode element : array.elements()) {
                    rows.add(List.of(member(element, valueType, text, position)));
                }
            }
        } else {
            types = List.of(LogicalType.TEXT);
            if (node != null) {
                if (!(node instanceof JsonNode.JsonObject object)) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call " + name + " on "
                            + (node instanceof JsonNode.JsonArray ? "an array" : "a scalar"));
                }
                for (String key : object.keys()) {
                    rows.add(List.of(new BoundExpression.Constant(key, LogicalType.TEXT, position)));
                }
            }
        }
        return new LogicalPlan.Values(rows, types);
    }

    /** A member as the function returns it: jsonb, json text, or for the _text forms text (null for JSON null). */
    private static BoundExpression member(JsonNode value, LogicalType type, boolean text, int position) {
        Object converted;
        if (text) {
            converted = switch (value) {
                case JsonNode.JsonNull ignored -> null;
                case JsonNode.JsonString s -> s.value();
                default -> JsonText.format(value);
            };
        } else if (type.id() == TypeId.JSON) {
            converted = JsonText.format(value);
        } else {
            converted = Jsonb.of(value);
        }
        return new BoundExpression.Constant(converted, type, position);
    }
}
