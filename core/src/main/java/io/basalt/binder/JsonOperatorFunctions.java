package io.basalt.binder;

import io.basalt.exec.function.json.JsonBuildFunction;
import io.basalt.exec.function.json.JsonbFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The json functions that PostgreSQL also spells as operators or that take an optional flag: jsonb_contains
 * ({@code @>}), jsonb_contained ({@code <@}), jsonb_exists ({@code ?}), jsonb_exists_any ({@code ?|}),
 * jsonb_exists_all ({@code ?&}), jsonb_delete ({@code -}), jsonb_delete_path ({@code #-}), jsonb_concat
 * ({@code ||}); json(b)_strip_nulls with the strip_in_arrays flag; json_object over text arrays. Arguments are
 * typed by the function's signature (an untyped literal takes the parameter's type), then bound as the
 * operator is.
 */
final class JsonOperatorFunctions {
    private static final LogicalType TEXT_ARRAY = LogicalType.arrayOf(LogicalType.TEXT);

    private JsonOperatorFunctions() {
    }

    /** The bound call, or null when {@code name} is none of these functions. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        int n = arguments.size();
        return switch (name) {
            case "jsonb_contains", "jsonb_contained", "jsonb_concat" -> {
                require(n == 2, name, arguments, position);
                String operator = name.equals("jsonb_contains") ? "@>" : name.equals("jsonb_contained") ? "<@" : "||";
                yield JsonOperators.bind(operator, typed(arguments.get(0), LogicalType.JSONB, name, arguments, position),
                        typed(arguments.get(1), LogicalType.JSONB, name, arguments, position), position);
            }
            case "jsonb_exists" -> {
                require(n == 2, name, arguments, position);
                yield JsonOperators.bind("?", typed(arguments.get(0), LogicalType.JSONB, name, arguments, position),
                        typed(arguments.get(1), LogicalType.TEXT, name, arguments, position), position);
            }
            case "jsonb_exists_any", "jsonb_exists_all", "jsonb_delete_path" -> {
                require(n == 2, name, arguments, position);
                String operator = name.equals("jsonb_exists_any") ? "?|" : name.equals("jsonb_exists_all") ? "?&" : "#-";
                yield JsonOperators.bind(operator, typed(arguments.get(0), LogicalType.JSONB, name, arguments, position),
                        typed(arguments.get(1), TEXT_ARRAY, name, arguments, position), position);
            }
            case "jsonb_delete" -> {
                require(n == 2, name, arguments, position);
                BoundExpression target = typed(arguments.get(0), LogicalType.JSONB, name, arguments, position);
                BoundExpression key = arguments.get(1);
                LogicalType keyType = key.type().isIntegral() ? LogicalType.INTEGER
                        : key.type().isArray() ? TEXT_ARRAY : LogicalType.TEXT;
                yield JsonOperators.bind("-", target, typed(key, keyType, name, arguments, position), position);
            }
            case "jsonb_strip_nulls", "json_strip_nulls" -> {
                require(n == 1 || n == 2, name, arguments, position);
                boolean json = name.startsWith("json_");
                List<BoundExpression> typed = new ArrayList<>();
                typed.add(typed(arguments.get(0), json ? LogicalType.JSON : LogicalType.JSONB, name, arguments,
                        position));
                if (n == 2) {
                    typed.add(typed(arguments.get(1), LogicalType.BOOLEAN, name, arguments, position));
                }
                yield JsonOperators.function(json ? JsonbFunction.Kind.JSON_STRIP_NULLS : JsonbFunction.Kind.STRIP_NULLS,
                        typed, json ? LogicalType.JSON : LogicalType.JSONB, position);
            }
            case "json_object" -> {
                require(n == 1 || n == 2, name, arguments, position);
                List<BoundExpression> typed = new ArrayList<>();
                for (BoundExpression argument : arguments) {
                    typed.add(typed(argument, TEXT_ARRAY, name, arguments, position));
                }
                yield new BoundExpression.Function(new JsonBuildFunction(JsonBuildFunction.Kind.JSON_OBJECT), typed,
                        LogicalType.JSON, position);
            }
            default -> null;
        };
    }

    private static void require(boolean fits, String name, List<BoundExpression> arguments, int position) {
        if (!fits) {
            throw Functions.undefined(name, arguments, position);
        }
    }

    /** The argument as {@code type}: itself, an untyped literal cast, or a text-typed one read as text. */
    private static BoundExpression typed(BoundExpression argument, LogicalType type, String name,
                                         List<BoundExpression> arguments, int position) {
        LogicalType given = argument.type();
        boolean fits = given.id() == type.id() && (!type.isArray() || given.element().isString())
                || given.id() == TypeId.UNKNOWN || type.isString() && given.isString()
                || type.id() == TypeId.INTEGER && given.isIntegral();
        if (!fits) {
            throw Functions.undefined(name, arguments, position);
        }
        return Coercion.cast(argument, type, false);
    }
}
