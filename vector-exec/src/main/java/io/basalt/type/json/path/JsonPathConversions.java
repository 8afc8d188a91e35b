package io.basalt.type.json.path;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonNode.JsonBoolean;
import io.basalt.type.json.JsonNode.JsonNumber;
import io.basalt.type.json.JsonNode.JsonString;
import io.basalt.type.json.JsonText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The value conversions behind the jsonpath methods .double(), .boolean(), .number(), .decimal() and
 * .string(): strings are read as the SQL type's input function reads them (float8in, boolin, numeric_in),
 * with the errors PostgreSQL 17 raises, all of them errors that {@code silent} suppresses.
 */
final class JsonPathConversions {
    private static final Set<String> SPECIAL_FLOATS = Set.of("nan", "inf", "+inf", "-inf", "infinity", "+infinity",
            "-infinity");
    private static final String NUMERIC_PATTERN = "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?";

    private JsonPathConversions() {
    }

    static BasaltException invalid(String argument, String method, String typeName) {
        return BasaltException.of(SqlState.NON_NUMERIC_SQL_JSON_ITEM, "argument \"" + argument
                + "\" of jsonpath item method ." + method + "() is invalid for type " + typeName);
    }

    static BasaltException wrongType(String method, String what) {
        return BasaltException.of(SqlState.NON_NUMERIC_SQL_JSON_ITEM,
                "jsonpath item method ." + method + "() can only be applied to " + what);
    }

    private static BasaltException notFinite(String method) {
        return BasaltException.of(SqlState.NON_NUMERIC_SQL_JSON_ITEM,
                "NaN or Infinity is not allowed for jsonpath item method ." + method + "()");
    }

    /** float8in over a .double() argument: finite values only. */
    static double parseDouble(String text) {
        String trimmed = text.strip();
        if (SPECIAL_FLOATS.contains(trimmed.toLowerCase(Locale.ROOT))) {
            throw notFinite("double");
        }
        if (!trimmed.matches(NUMERIC_PATTERN)) {
            throw invalid(text, "double", "double precision");
        }
        double value = Double.parseDouble(trimmed);
        if (Double.isInfinite(value)) {
            throw invalid(text, "double", "double precision");
        }
        return value;
    }

    /** .number(): a number as it is, or a string read as numeric. */
    static BigDecimal toNumeric(JsonNode item, String method) {
        if (item instanceof JsonNumber number) {
            return number.value();
        }
        if (item instanceof JsonString string) {
            String trimmed = string.value().strip();
            if (SPECIAL_FLOATS.contains(trimmed.toLowerCase(Locale.ROOT))) {
                throw notFinite(method);
            }
            if (!trimmed.matches(NUMERIC_PATTERN)) {
                throw invalid(string.value(), method, "numeric");
            }
            BigDecimal value = new BigDecimal(trimmed);
            return value.scale() < 0 ? value.setScale(0) : value;
        }
        throw wrongType(method, "a string or numeric value");
    }

    /** .decimal([precision [, scale]]): .number() then numeric's typmod rounding and overflow check. */
    static BigDecimal toDecimal(JsonNode item, List<BigDecimal> arguments) {
        BigDecimal value = toNumeric(item, "decimal");
        if (arguments.isEmpty()) {
            return value;
        }
        int precision = intArgument(arguments.get(0), "precision");
        int scale = arguments.size() > 1 ? intArgument(arguments.get(1), "scale") : 0;
        if (precision < 1 || precision > 1000) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC precision " + precision + " must be between 1 and 1000");
        }
        if (scale < -1000 || scale > 1000) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC scale " + scale + " must be between -1000 and 1000");
        }
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.signum() != 0 && rounded.precision() - rounded.scale() > precision - scale) {
            String shown = item instanceof JsonString string ? string.value() : value.toPlainString();
            throw invalid(shown, "decimal", "numeric");
        }
        return scale < 0 ? rounded.setScale(0) : rounded;
    }

    private static int intArgument(BigDecimal value, String what) {
        if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    what + " of jsonpath item method .decimal() is out of range for type integer");
        }
        return value.intValueExact();
    }

    /** .boolean(): a boolean as it is, an integral number (non-zero is true), or a string read by boolin. */
    static JsonNode toBoolean(JsonNode item) {
        if (item instanceof JsonBoolean) {
            return item;
        }
        if (item instanceof JsonNumber number) {
            BigDecimal value = number.value();
            if (value.stripTrailingZeros().scale() > 0 || value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw invalid(value.toPlainString(), "boolean", "boolean");
            }
            return JsonNode.of(value.signum() != 0);
        }
        if (item instanceof JsonString string) {
            Boolean value = boolIn(string.value().strip().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw invalid(string.value(), "boolean", "boolean");
            }
            return JsonNode.of(value);
        }
        throw wrongType("boolean", "a boolean, string, or numeric value");
    }

    /** boolin's words and their unique prefixes, or null. */
    private static Boolean boolIn(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if ("true".startsWith(text) || "yes".startsWith(text) || text.equals("on") || text.equals("1")) {
            return true;
        }
        if ("false".startsWith(text) || "no".startsWith(text) || text.length() >= 2 && "off".startsWith(text)
                || text.equals("0")) {
            return false;
        }
        return null;
    }

    /** .string(): a string as it is, a number or boolean as its text. */
    static JsonNode toText(JsonNode item) {
        return switch (item) {
            case JsonString string -> string;
            case JsonNumber number -> new JsonString(JsonText.format(number));
            case JsonBoolean bool -> new JsonString(bool.value() ? "true" : "false");
            case JsonNode.JsonDatetime datetime -> new JsonString(io.basalt.type.json.JsonDatetimeText.format(datetime));
            default -> throw wrongType("string", "a boolean, string, numeric, or datetime value");
        };
    }
}
