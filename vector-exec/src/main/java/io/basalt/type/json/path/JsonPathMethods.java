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
 * The jsonpath item methods: PostgreSQL 15's .type(), .size(), .double(), .ceiling(), .floor(), .abs() and
 * .keyvalue(), and the conversions PostgreSQL 17 added (.bigint(), .integer(), .boolean(), .number(),
 * .decimal([precision [, scale]]), .string()), with PostgreSQL 17's wording for failed conversions. Each is
 * applied to one item (the evaluator has already unwrapped arrays in lax mode where the method does that).
 * .keyvalue()'s {@code id} is the one PostgreSQL derives from its own binary layout ({@link KeyValueIds}).
 */
final class JsonPathMethods {
    private JsonPathMethods() {
    }

    /** Adds what {@code method} gives for {@code item} to {@code out} (.keyvalue() gives one item per member). */
    static void apply(JsonPathNode.Method node, JsonNode item, JsonPathEvaluator evaluator, List<JsonNode> out) {
        String method = node.name();
        boolean strict = evaluator.strict();
        if (method.equals("keyvalue")) {
            keyValue(item, evaluator, out);
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
            case "bigint" -> integral(item, method, "bigint", Long.MIN_VALUE, Long.MAX_VALUE);
            case "integer" -> integral(item, method, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "boolean" -> JsonPathConversions.toBoolean(item);
            case "number" -> number(JsonPathConversions.toNumeric(item, method));
            case "decimal" -> number(JsonPathConversions.toDecimal(item, node.arguments()));
            case "string" -> JsonPathConversions.toText(item);
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
            case JsonNode.JsonDatetime datetime -> datetime.type().pgName();
        };
    }

    /** A number stays as it is once it fits a double; a string is read as float8 and kept with 15 digits. */
    private static JsonNode toDouble(JsonNode item) {
        if (item instanceof JsonNumber number) {
            if (Double.isInfinite(number.value().doubleValue())) {
                throw JsonPathConversions.invalid(number.value().toPlainString(), "double", "double precision");
            }
            return number;
        }
        if (item instanceof JsonString string) {
            double value = JsonPathConversions.parseDouble(string.value());
            BigDecimal decimal = new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros();
            return number(decimal.scale() < 0 ? decimal.setScale(0) : decimal);
        }
        throw JsonPathConversions.wrongType("double", "a string or numeric value");
    }

    /** .bigint() / .integer(): a number rounded half away from zero, or a string read as the type. */
    private static JsonNode integral(JsonNode item, String method, String typeName, long min, long max) {
        BigDecimal value;
        String shown;
        if (item instanceof JsonNumber number) {
            value = number.value().setScale(0, RoundingMode.HALF_UP);
            shown = number.value().toPlainString();
        } else if (item instanceof JsonString string) {
            shown = string.value();
            String text = shown.strip();
            if (!text.matches("[+-]?\\d+")) {
                throw JsonPathConversions.invalid(shown, method, typeName);
            }
            value = new BigDecimal(text);
        } else {
            throw JsonPathConversions.wrongType(method, "a string or numeric value");
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw JsonPathConversions.invalid(shown, method, typeName);
        }
        return number(value);
    }

    private static void keyValue(JsonNode item, JsonPathEvaluator evaluator, List<JsonNode> out) {
        if (!(item instanceof JsonObject object)) {
            throw BasaltException.of(SqlState.SQL_JSON_OBJECT_NOT_FOUND,
                    "jsonpath item method .keyvalue() can only be applied to an object");
        }
        JsonNumber id = object.keys().isEmpty() ? null : number(BigDecimal.valueOf(evaluator.keyValueId(object)));
        for (int i = 0; i < object.keys().size(); i++) {
            out.add(new JsonObject(List.of("id", "key", "value"),
                    List.of(id, new JsonString(object.keys().get(i)), object.values().get(i))));
        }
    }
}
