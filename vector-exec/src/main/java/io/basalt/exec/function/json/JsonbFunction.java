package io.basalt.exec.function.json;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.JsonbEditing;
import io.basalt.type.json.JsonbReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;

/**
 * The jsonb functions and operators that build new values or inspect one as a whole: {@code ||}, {@code -},
 * {@code #-}, jsonb_set, jsonb_set_lax, jsonb_insert, jsonb_strip_nulls (and json_strip_nulls, over json
 * text, keeping its members' order), jsonb_pretty, jsonb_typeof and jsonb_array_length. They are not scan-speed paths: each row's arguments are read as values and changed as
 * trees. NULL in an argument gives NULL, except for jsonb_set_lax's new value.
 */
public final class JsonbFunction implements ScalarFunction {
    public enum Kind {
        CONCAT("||"), DELETE_KEY("-"), DELETE_INDEX("-"), DELETE_KEYS("-"), DELETE_PATH("#-"), SET("jsonb_set"),
        SET_LAX("jsonb_set_lax"), INSERT("jsonb_insert"), STRIP_NULLS("jsonb_strip_nulls"), PRETTY("jsonb_pretty"),
        TYPEOF("jsonb_typeof"), ARRAY_LENGTH("jsonb_array_length"), JSON_STRIP_NULLS("json_strip_nulls");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }
    }

    private final Kind kind;

    public JsonbFunction(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.displayName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < rows; i++) {
            boolean anyNull = false;
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
                anyNull |= values[a] == null && !(kind == Kind.SET_LAX && a == 2);
            }
            if (!anyNull) {
                ValueAccess.set(out, i, compute(values));
            }
        }
        return out;
    }

    private Object compute(Object[] v) {
        return switch (kind) {
            case CONCAT -> Jsonb.of(JsonbEditing.concat(node(v[0]), node(v[1])));
            case DELETE_KEY -> Jsonb.of(JsonbEditing.deleteKeys(node(v[0]), List.of((String) v[1])));
            case DELETE_INDEX -> Jsonb.of(JsonbEditing.deleteIndex(node(v[0]), (Long) v[1]));
            case DELETE_KEYS -> Jsonb.of(JsonbEditing.deleteKeys(node(v[0]), strings((ArrayValue) v[1], false)));
            case DELETE_PATH -> Jsonb.of(JsonbEditing.setPath(node(v[0]), strings((ArrayValue) v[1], true), null,
                    JsonbEditing.PathOperation.DELETE));
            case SET -> Jsonb.of(JsonbEditing.setPath(node(v[0]), strings((ArrayValue) v[1], true), node(v[2]),
                    v.length > 3 && !(Boolean) v[3] ? JsonbEditing.PathOperation.REPLACE
                            : JsonbEditing.PathOperation.CREATE));
            case SET_LAX -> setLax(v);
            case INSERT -> Jsonb.of(JsonbEditing.setPath(node(v[0]), strings((ArrayValue) v[1], true), node(v[2]),
                    v.length > 3 && (Boolean) v[3] ? JsonbEditing.PathOperation.INSERT_AFTER
                            : JsonbEditing.PathOperation.INSERT_BEFORE));
            case STRIP_NULLS -> Jsonb.of(JsonbEditing.stripNulls(node(v[0]), v.length > 1 && (Boolean) v[1]));
            case JSON_STRIP_NULLS -> JsonText.compact(JsonbEditing.stripNulls(
                    io.basalt.type.json.JsonParser.parse((String) v[0]), v.length > 1 && (Boolean) v[1]));
            case PRETTY -> JsonText.pretty(node(v[0]));
            case TYPEOF -> typeOf(((Jsonb) v[0]).tag());
            case ARRAY_LENGTH -> {
                Jsonb value = (Jsonb) v[0];
                if (value.tag() != JsonbReader.ARRAY) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, value.tag() == JsonbReader.OBJECT
                            ? "cannot get array length of a non-array" : "cannot get array length of a scalar");
                }
                yield (long) JsonbReader.count(value.segment(), 0);
            }
        };
    }

    private static Object setLax(Object[] v) {
        String treatment = ((String) v[4]).toLowerCase(Locale.ROOT);
        if (!List.of("delete_key", "return_target", "use_json_null", "raise_exception").contains(treatment)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "null_value_treatment must be \"delete_key\","
                    + " \"return_target\", \"use_json_null\", or \"raise_exception\"");
        }
        List<String> path = strings((ArrayValue) v[1], true);
        JsonbEditing.PathOperation operation = (Boolean) v[3] ? JsonbEditing.PathOperation.CREATE
                : JsonbEditing.PathOperation.REPLACE;
        if (v[2] != null) {
            return Jsonb.of(JsonbEditing.setPath(node(v[0]), path, node(v[2]), operation));
        }
        return switch (treatment) {
            case "raise_exception" -> throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                            "JSON value must not be null")
                    .withDetail("Exception was raised because null_value_treatment is \"raise_exception\".")
                    .withHint("To avoid, either change the null_value_treatment argument or ensure that an SQL NULL"
                            + " is not passed.");
            case "return_target" -> v[0];
            case "delete_key" -> Jsonb.of(JsonbEditing.setPath(node(v[0]), path, null,
                    JsonbEditing.PathOperation.DELETE));
            default -> Jsonb.of(JsonbEditing.setPath(node(v[0]), path, JsonNode.NULL, operation));
        };
    }

    /** jsonb_typeof's names. */
    public static String typeOf(byte tag) {
        return switch (tag) {
            case JsonbReader.NULL -> "null";
            case JsonbReader.STRING -> "string";
            case JsonbReader.NUMBER -> "number";
            case JsonbReader.TRUE, JsonbReader.FALSE -> "boolean";
            case JsonbReader.ARRAY -> "array";
            default -> "object";
        };
    }

    private static JsonNode node(Object value) {
        return ((Jsonb) value).toNode();
    }

    /**
     * The strings of a text[]; for a path ({@code nullsFail}) a NULL element is PostgreSQL's 22004 error,
     * otherwise NULL elements are skipped.
     */
    private static List<String> strings(ArrayValue array, boolean nullsFail) {
        List<String> out = new ArrayList<>(array.length());
        for (int i = 0; i < array.length(); i++) {
            Object element = array.get(i);
            if (element == null) {
                if (nullsFail) {
                    throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                            "path element at position " + (i + 1) + " is null");
                }
                continue;
            }
            out.add((String) element);
        }
        return out;
    }
}
