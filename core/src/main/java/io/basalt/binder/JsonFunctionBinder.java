package io.basalt.binder;

import io.basalt.exec.function.json.JsonAggregate;
import io.basalt.exec.function.json.JsonBuildFunction;
import io.basalt.exec.function.json.JsonbExtractFunction;
import io.basalt.exec.function.json.JsonbFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves the json and jsonb functions (jsonb_set, jsonb_insert, jsonb_typeof, to_jsonb,
 * jsonb_build_object, jsonb_extract_path, ...) and aggregates (jsonb_agg, json_object_agg, ...) with
 * PostgreSQL's signatures. The json_ twins of the inspecting functions read their argument as jsonb.
 */
final class JsonFunctionBinder {
    static final Set<String> AGGREGATES = Set.of("json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg");
    private static final LogicalType TEXT_ARRAY = LogicalType.arrayOf(LogicalType.TEXT);

    private JsonFunctionBinder() {
    }

    /** The bound call, or null when {@code name} is not a json function; wrong arguments fail with 42883. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        int n = arguments.size();
        return switch (name) {
            case "jsonb_set", "jsonb_insert" -> {
                if (n < 3 || n > 4) {
                    throw Functions.undefined(name, arguments, position);
                }
                List<BoundExpression> cast = new ArrayList<>(List.of(jsonb(arguments.get(0), name, arguments, position),
                        textArray(arguments.get(1), name, arguments, position),
                        jsonb(arguments.get(2), name, arguments, position)));
                if (n == 4) {
                    cast.add(typed(arguments.get(3), LogicalType.BOOLEAN, name, arguments, position));
                }
                yield JsonOperators.function(name.equals("jsonb_set") ? JsonbFunction.Kind.SET : JsonbFunction.Kind.INSERT,
                        cast, LogicalType.JSONB, position);
            }
            case "jsonb_set_lax" -> {
                if (n < 3 || n > 5) {
                    throw Functions.undefined(name, arguments, position);
                }
                yield JsonOperators.function(JsonbFunction.Kind.SET_LAX, List.of(
                        jsonb(arguments.get(0), name, arguments, position),
                        textArray(arguments.get(1), name, arguments, position),
                        jsonb(arguments.get(2), name, arguments, position),
                        n > 3 ? typed(arguments.get(3), LogicalType.BOOLEAN, name, arguments, position)
                                : new BoundExpression.Constant(true, LogicalType.BOOLEAN, position),
                        n > 4 ? typed(arguments.get(4), LogicalType.TEXT, name, arguments, position)
                                : new BoundExpression.Constant("use_json_null", LogicalType.TEXT, position)),
                        LogicalType.JSONB, position);
            }
            case "jsonb_pretty" -> unary(JsonbFunction.Kind.PRETTY, LogicalType.TEXT, name, arguments, position);
            case "jsonb_typeof", "json_typeof" -> unary(JsonbFunction.Kind.TYPEOF, LogicalType.TEXT, name, arguments,
                    position);
            case "jsonb_array_length", "json_array_length" -> unary(JsonbFunction.Kind.ARRAY_LENGTH, LogicalType.INTEGER,
                    name, arguments, position);
            case "to_json", "to_jsonb" -> {
                if (n != 1) {
                    throw Functions.undefined(name, arguments, position);
                }
                yield build(name.equals("to_json") ? JsonBuildFunction.Kind.TO_JSON : JsonBuildFunction.Kind.TO_JSONB,
                        arguments, position);
            }
            case "json_build_object" -> build(JsonBuildFunction.Kind.JSON_BUILD_OBJECT, arguments, position);
            case "jsonb_build_object" -> build(JsonBuildFunction.Kind.JSONB_BUILD_OBJECT, arguments, position);
            case "json_build_array" -> build(JsonBuildFunction.Kind.JSON_BUILD_ARRAY, arguments, position);
            case "jsonb_build_array" -> build(JsonBuildFunction.Kind.JSONB_BUILD_ARRAY, arguments, position);
            case "jsonb_object" -> {
                if (n < 1 || n > 2) {
                    throw Functions.undefined(name, arguments, position);
                }
                List<BoundExpression> cast = new ArrayList<>();
                for (BoundExpression argument : arguments) {
                    cast.add(textArray(argument, name, arguments, position));
                }
                yield new BoundExpression.Function(new JsonBuildFunction(JsonBuildFunction.Kind.JSONB_OBJECT), cast,
                        LogicalType.JSONB, position);
            }
            case "jsonb_extract_path", "jsonb_extract_path_text", "json_extract_path", "json_extract_path_text" ->
                    extractPath(name, arguments, position);
            default -> {
                BoundExpression operatorFunction = JsonOperatorFunctions.bind(name, arguments, position);
                yield operatorFunction != null ? operatorFunction : JsonPathFunctionBinder.bind(name, arguments, position);
            }
        };
    }

    /** json_agg, jsonb_agg, json_object_agg, jsonb_object_agg. */
    static BoundExpression.AggregateCall aggregate(String name, List<BoundExpression> arguments, int position) {
        boolean object = name.endsWith("object_agg");
        if (arguments.size() != (object ? 2 : 1)) {
            throw Functions.undefined(name, arguments, position);
        }
        List<BoundExpression> cast = new ArrayList<>();
        for (BoundExpression argument : arguments) {
            cast.add(argument.type().id() == TypeId.UNKNOWN ? Coercion.cast(argument, LogicalType.TEXT, false) : argument);
        }
        JsonAggregate.Kind kind = switch (name) {
            case "json_agg" -> JsonAggregate.Kind.JSON_AGG;
            case "jsonb_agg" -> JsonAggregate.Kind.JSONB_AGG;
            case "json_object_agg" -> JsonAggregate.Kind.JSON_OBJECT_AGG;
            default -> JsonAggregate.Kind.JSONB_OBJECT_AGG;
        };
        if (object) {
            return new BoundExpression.AggregateCall(new JsonAggregate(kind, cast.get(0).type(), cast.get(1).type()),
                    cast.get(0), List.of(cast.get(1)), null, position);
        }
        return new BoundExpression.AggregateCall(new JsonAggregate(kind, null, cast.get(0).type()), cast.get(0),
                position);
    }

    private static BoundExpression unary(JsonbFunction.Kind kind, LogicalType result, String name,
                                         List<BoundExpression> arguments, int position) {
        if (arguments.size() != 1) {
            throw Functions.undefined(name, arguments, position);
        }
        BoundExpression argument = arguments.getFirst();
        boolean json = name.startsWith("json_");
        LogicalType wanted = json ? LogicalType.JSON : LogicalType.JSONB;
        argument = typed(argument, wanted, name, arguments, position);
        return JsonOperators.function(kind, List.of(Coercion.cast(argument, LogicalType.JSONB, false)), result,
                position);
    }

    private static BoundExpression build(JsonBuildFunction.Kind kind, List<BoundExpression> arguments, int position) {
        List<BoundExpression> cast = new ArrayList<>();
        for (BoundExpression argument : arguments) {
            cast.add(argument.type().id() == TypeId.UNKNOWN ? Coercion.cast(argument, LogicalType.TEXT, false) : argument);
        }
        LogicalType result = switch (kind) {
            case TO_JSON, JSON_BUILD_OBJECT, JSON_BUILD_ARRAY -> LogicalType.JSON;
            default -> LogicalType.JSONB;
        };
        return new BoundExpression.Function(new JsonBuildFunction(kind), cast, result, position);
    }

    /** jsonb_extract_path(j, VARIADIC path): the #> operator with the path built from the arguments. */
    private static BoundExpression extractPath(String name, List<BoundExpression> arguments, int position) {
        if (arguments.size() < 2) {
            throw Functions.undefined(name, arguments, position);
        }
        boolean json = name.startsWith("json_");
        BoundExpression document = typed(arguments.getFirst(), json ? LogicalType.JSON : LogicalType.JSONB, name,
                arguments, position);
        List<BoundExpression> steps = new ArrayList<>();
        for (BoundExpression step : arguments.subList(1, arguments.size())) {
            steps.add(typed(step, LogicalType.TEXT, name, arguments, position));
        }
        BoundExpression path = ArrayExpressions.constructor(steps, position);
        if (steps.isEmpty()) {
            path = new BoundExpression.Constant(io.basalt.type.ArrayValue.of(List.of()), TEXT_ARRAY, position);
        }
        BoundExpression folded = io.basalt.planner.ConstantEvaluator.isConstant(path)
                ? new BoundExpression.Constant(io.basalt.planner.ConstantEvaluator.evaluate(path), TEXT_ARRAY, position)
                : path;
        return JsonOperators.bind(name.endsWith("_text") ? "#>>" : "#>", document, folded, position);
    }

    private static BoundExpression jsonb(BoundExpression argument, String name, List<BoundExpression> arguments,
                                         int position) {
        return typed(argument, LogicalType.JSONB, name, arguments, position);
    }

    private static BoundExpression textArray(BoundExpression argument, String name, List<BoundExpression> arguments,
                                             int position) {
        if (argument.type().id() == TypeId.UNKNOWN
                || argument.type().isArray() && argument.type().element().isString()) {
            return Coercion.cast(argument, TEXT_ARRAY, false);
        }
        throw Functions.undefined(name, arguments, position);
    }

    /** The argument as {@code type}: itself, an untyped literal cast, or for text types text; else 42883. */
    private static BoundExpression typed(BoundExpression argument, LogicalType type, String name,
                                         List<BoundExpression> arguments, int position) {
        TypeId id = argument.type().id();
        if (id == type.id() || id == TypeId.UNKNOWN || type.isString() && argument.type().isString()) {
            return Coercion.cast(argument, type, false);
        }
        throw Functions.undefined(name, arguments, position);
    }
}
