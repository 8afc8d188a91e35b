package io.basalt.type.json.path;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonNode.JsonArray;
import io.basalt.type.json.JsonNode.JsonNumber;
import io.basalt.type.json.JsonNode.JsonObject;
import io.basalt.type.json.JsonNode.JsonString;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The jsonpath item methods of PostgreSQL 15: .type(), .size(), .double(), .ceiling(), .floor(), .abs() and
 * .keyvalue(), applied to one item (the evaluator has already unwrapped arrays in lax mode where the method
 * does that). .keyvalue()'s {@code id} is 0 for every object: PostgreSQL derives it from byte offsets in its
 * own binary layout, which Basalt's encoding does not share.
 */
final class JsonPathMethods {
    private JsonPathMethods() {
    }

    /** Adds what {@code method} gives for {@code item} to {@code out} (.keyvalue() gives one item per member). */
    static void apply(String method, JsonNode item, boolean strict, List<JsonNode> out) {
        if (method.equals("keyvalue")) {
            keyValue(item, out);
            return;
        }
        out.add(switch (method) {
            case "type" -> new JsonString(typeName(item));
            case "size" -> {
                if (item instanceof JsonArray array) {
                    yield number(BigDecimal.valueOf(array.elements().size()));
                }
                if (strict) {
                    throw BasaltException.of(SqlState.SQL_JSON_ARRAY_NOT_FOUND,
                            "jsonpath item method .size() can only be applied to an array");
                }
                yield number(BigDecimal.ONE);
            }
            case "abs", "floor", "ceiling" -> {
                if (!(item instanceof JsonNumber number)) {
                    throw BasaltException.of(SqlState.NON_NUMERIC_SQL_JSON_ITEM,
                            "jsonpath item method ." + method + "() can only be applied to a numeric value");
                }
                BigDecimal value = number.value();
                yield number(switch (method) {
                    case "abs" -> value.abs();
                    case "floor" -> value.setScale(0, RoundingMode.FLOOR);
                    default -> value.setScale(0, RoundingMode.CEILING);
                });
            }
            case "double" -> toDouble(item);
            default -> throw BasaltException.internal("unknown jsonpath method " + method);
        });
    }

    private static JsonNumber number(BigDecimal value) {
        return new JsonNumber(value);
    }

    static String typeName(JsonNode item) {
        return switch (item) {
            case JsonObject object -> "object";
            case JsonArray array -> "array";
            case JsonString string -> "string";
            case JsonNumber number -> "number";
            case JsonNode.JsonBoolean bool -> "boolean";
            case JsonNode.JsonNull nothing -> "null";
        };
    }

    /** A number stays as it is once it fits a double; a string is read as float8 and kept with 15 digits. */
    private static JsonNode toDouble(JsonNode item) {
        if (item instanceof JsonNumber number) {
            double value = number.value().doubleValue();
            if (Double.isInfinite(value)) {
                throw BasaltException.of(SqlState.NON_NUMERIC_SQL_JSON_ITEM, "numeric argument of jsonpath item"
                        + " method .double() is out of range for type double precision");
            }
            return number;
        }
        if (item instanceof JsonString string) {
            double value;
            try {
                String text = string.value().strip();
                if (text.isEmpty() || !text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new NumberFormatException(text);
                }
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw BasaltException.of(SqlState.NON_NUMERIC_SQL_JSON_ITEM, "string argument of jsonpath item"
                        + " method .double() is not a valid representation of a double precision number");
            }
            BigDecimal decimal = new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros();
            return number(decimal.scale() < 0 ? decimal.setScale(0) : decimal);
        }
        throw BasaltException.of(SqlState.NON_NUMERIC_SQL_JSON_ITEM,
                "jsonpath item method .double() can only be applied to a string or numeric value");
    }

    private static void keyValue(JsonNode item, List<JsonNode> out) {
        if (!(item instanceof JsonObject object)) {
            throw BasaltException.of(SqlState.SQL_JSON_OBJECT_NOT_FOUND,
                    "jsonpath item method .keyvalue() can only be applied to an object");
        }
        for (int i = 0; i < object.keys().size(); i++) {
            out.add(new JsonObject(List.of("id", "key", "value"),
                    List.of(number(BigDecimal.ZERO), new JsonString(object.keys().get(i)), object.values().get(i))));
        }
    }
}
