package io.basalt.binder;

import io.basalt.exec.function.json.JsonbContainsFunction;
import io.basalt.exec.function.json.JsonbExistsFunction;
import io.basalt.exec.function.json.JsonTextExtractFunction;
import io.basalt.exec.function.json.JsonbExtractFunction;
import io.basalt.exec.function.json.JsonbFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.json.Jsonb;
import java.util.List;

/**
 * The operators of jsonb (and the extraction operators of json): {@code -> ->> #> #>>}, {@code @> <@},
 * {@code ? ?| ?&}, {@code ||}, {@code -} and {@code #-}, resolved as PostgreSQL resolves them (an untyped
 * literal on the right of {@code ->} is a key, of {@code #>} a text[] path, of {@code @>} a jsonb). A constant
 * right operand is handed to the function prepared (the key's bytes, the encoded pattern), so that a filter
 * such as {@code doc->>'k' = 'v'} or {@code doc @> '{"k": "v"}'} only navigates the stored binary values.
 */
final class JsonOperators {
    private static final LogicalType TEXT_ARRAY = LogicalType.arrayOf(LogicalType.TEXT);

    private JsonOperators() {
    }

    /** The bound operator, or null when neither operand makes it a json operator. */
    static BoundExpression bind(String operator, BoundExpression left, BoundExpression right, int position) {
        TypeId l = left.type().id();
        TypeId r = right.type().id();
        return switch (operator) {
            case "->", "->>" -> l == TypeId.JSONB || l == TypeId.JSON ? extract(operator, left, right, position) : null;
            case "#>", "#>>" -> l == TypeId.JSONB || l == TypeId.JSON ? path(operator, left, right, position) : null;
            case "@>", "<@" -> jsonbPair(l, r) ? contains(operator.equals("<@"), left, right, position) : null;
            case "@?", "@@" -> JsonPathFunctionBinder.operator(operator, left, right, position);
            case "?", "?|", "?&" -> l == TypeId.JSONB ? exists(operator, left, right, position) : null;
            case "||" -> jsonbPair(l, r) ? function(JsonbFunction.Kind.CONCAT, List.of(jsonb(left), jsonb(right)),
                    LogicalType.JSONB, position) : null;
            case "-" -> l == TypeId.JSONB ? delete(left, right, position) : null;
            case "#-" -> l == TypeId.JSONB ? function(JsonbFunction.Kind.DELETE_PATH,
                    List.of(left, textArray(operator, left, right, position)), LogicalType.JSONB, position) : null;
            default -> null;
        };
    }

    /** Both sides jsonb, or one jsonb and the other an untyped literal. */
    private static boolean jsonbPair(TypeId l, TypeId r) {
        return (l == TypeId.JSONB || r == TypeId.JSONB) && (l == TypeId.JSONB || l == TypeId.UNKNOWN)
                && (r == TypeId.JSONB || r == TypeId.UNKNOWN);
    }

    private static BoundExpression jsonb(BoundExpression operand) {
        return Coercion.cast(operand, LogicalType.JSONB, false);
    }

    private static BoundExpression extract(String operator, BoundExpression left, BoundExpression right,
                                           int position) {
        boolean asText = operator.equals("->>");
        JsonbExtractFunction.Kind kind;
        BoundExpression operand;
        if (right.type().isIntegral()) {
            kind = JsonbExtractFunction.Kind.ELEMENT;
            operand = Coercion.cast(right, LogicalType.BIGINT, false);
        } else if (right.type().isString()) {
            kind = JsonbExtractFunction.Kind.FIELD;
            operand = Coercion.cast(right, LogicalType.TEXT, false);
        } else {
            throw Coercion.noOperator(operator, left.type(), right.type(), position);
        }
        return extraction(kind, asText, left, operand, position);
    }

    private static BoundExpression path(String operator, BoundExpression left, BoundExpression right, int position) {
        return extraction(JsonbExtractFunction.Kind.PATH, operator.equals("#>>"), left,
                textArray(operator, left, right, position), position);
    }

    /**
     * An extraction from jsonb, or from json through jsonb: json's text is parsed per row, and the part found
     * printed as jsonb prints it.
     */
    private static BoundExpression extraction(JsonbExtractFunction.Kind kind, boolean asText, BoundExpression left,
                                              BoundExpression operand, int position) {
        boolean json = left.type().id() == TypeId.JSON;
        LogicalType result = asText ? LogicalType.TEXT : LogicalType.JSONB;
        if (json) {
            LogicalType type = asText ? LogicalType.TEXT : LogicalType.JSON;
            if (operand instanceof BoundExpression.Constant constant && constant.value() == null) {
                return new BoundExpression.Constant(null, type, position);
            }
            return new BoundExpression.Function(new JsonTextExtractFunction(kind, asText), List.of(left, operand),
                    type, position);
        }
        BoundExpression document = jsonb(left);
        BoundExpression bound;
        if (operand instanceof BoundExpression.Constant constant) {
            if (constant.value() == null) {
                return new BoundExpression.Constant(null, json && !asText ? LogicalType.JSON : result, position);
            }
            bound = new BoundExpression.Function(JsonbExtractFunction.constant(kind, asText, constant.value()),
                    List.of(document), result, position);
        } else {
            bound = new BoundExpression.Function(JsonbExtractFunction.dynamic(kind, asText),
                    List.of(document, operand), result, position);
        }
        return json && !asText ? Coercion.cast(bound, LogicalType.JSON, false) : bound;
    }

    private static BoundExpression textArray(String operator, BoundExpression left, BoundExpression right,
                                             int position) {
        if (right.type().id() == TypeId.UNKNOWN || right.type().isArray() && right.type().element().isString()) {
            return Coercion.cast(right, TEXT_ARRAY, false);
        }
        throw Coercion.noOperator(operator, left.type(), right.type(), position);
    }

    private static BoundExpression contains(boolean containedBy, BoundExpression left, BoundExpression right,
                                            int position) {
        BoundExpression a = jsonb(left);
        BoundExpression b = jsonb(right);
        if (b instanceof BoundExpression.Constant pattern && pattern.value() != null) {
            return new BoundExpression.Function(new JsonbContainsFunction(containedBy, (Jsonb) pattern.value()),
                    List.of(a), LogicalType.BOOLEAN, position);
        }
        if (a instanceof BoundExpression.Constant pattern && pattern.value() != null) {
            return new BoundExpression.Function(new JsonbContainsFunction(!containedBy, (Jsonb) pattern.value()),
                    List.of(b), LogicalType.BOOLEAN, position);
        }
        return new BoundExpression.Function(new JsonbContainsFunction(containedBy, null), List.of(a, b),
                LogicalType.BOOLEAN, position);
    }

    private static BoundExpression exists(String operator, BoundExpression left, BoundExpression right, int position) {
        JsonbExistsFunction.Kind kind = switch (operator) {
            case "?" -> JsonbExistsFunction.Kind.ONE;
            case "?|" -> JsonbExistsFunction.Kind.ANY;
            default -> JsonbExistsFunction.Kind.ALL;
        };
        BoundExpression keys;
        if (kind == JsonbExistsFunction.Kind.ONE) {
            if (!right.type().isString()) {
                throw Coercion.noOperator(operator, left.type(), right.type(), position);
            }
            keys = Coercion.cast(right, LogicalType.TEXT, false);
        } else {
            keys = textArray(operator, left, right, position);
        }
        if (keys instanceof BoundExpression.Constant constant) {
            if (constant.value() == null) {
                return new BoundExpression.Constant(null, LogicalType.BOOLEAN, position);
            }
            return new BoundExpression.Function(new JsonbExistsFunction(kind, constant.value()), List.of(left),
                    LogicalType.BOOLEAN, position);
        }
        return new BoundExpression.Function(new JsonbExistsFunction(kind, null), List.of(left, keys),
                LogicalType.BOOLEAN, position);
    }

    private static BoundExpression delete(BoundExpression left, BoundExpression right, int position) {
        if (right.type().isIntegral()) {
            return function(JsonbFunction.Kind.DELETE_INDEX, List.of(left, Coercion.cast(right, LogicalType.BIGINT,
                    false)), LogicalType.JSONB, position);
        }
        if (right.type().isString()) {
            return function(JsonbFunction.Kind.DELETE_KEY, List.of(left, Coercion.cast(right, LogicalType.TEXT,
                    false)), LogicalType.JSONB, position);
        }
        if (right.type().isArray() && right.type().element().isString()) {
            return function(JsonbFunction.Kind.DELETE_KEYS, List.of(left, Coercion.cast(right, TEXT_ARRAY, false)),
                    LogicalType.JSONB, position);
        }
        throw Coercion.noOperator("-", left.type(), right.type(), position);
    }

    static BoundExpression function(JsonbFunction.Kind kind, List<BoundExpression> arguments, LogicalType result,
                                    int position) {
        return new BoundExpression.Function(new JsonbFunction(kind), arguments, result, position);
    }
}
