package io.basalt.exec.function.json;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.SqlJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The functions that make JSON out of SQL values: to_json, to_jsonb, json(b)_build_object,
 * json(b)_build_array and jsonb_object. Arguments may be of any type (read from each vector's field); the
 * json forms write PostgreSQL's text layout ({@code {"a" : 1, "b" : 2}}, {@code [1, 2]}), the jsonb forms a
 * normalized value. Dates and times are converted with the session settings of the statement that planned
 * the call.
 */
public final class JsonBuildFunction implements ScalarFunction {
    public enum Kind { TO_JSON, TO_JSONB, JSON_BUILD_OBJECT, JSONB_BUILD_OBJECT, JSON_BUILD_ARRAY, JSONB_BUILD_ARRAY,
        JSONB_OBJECT, JSON_OBJECT }

    private final Kind kind;
    private final DateTimeSettings settings;

    public JsonBuildFunction(Kind kind) {
        this.kind = kind;
        this.settings = DateTimeSettings.current();
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        LogicalType[] types = new LogicalType[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            types[a] = LogicalType.of(arguments[a].getField());
        }
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < rows; i++) {
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
            }
            ValueAccess.set(out, i, compute(values, types));
        }
        return out;
    }

    private Object compute(Object[] values, LogicalType[] types) {
        return switch (kind) {
            case TO_JSON -> values[0] == null ? null : SqlJson.toText(values[0], types[0], settings);
            case TO_JSONB -> values[0] == null ? null : Jsonb.of(SqlJson.toNode(values[0], types[0], settings));
            case JSON_BUILD_ARRAY -> {
                StringBuilder out = new StringBuilder("[");
                for (int a = 0; a < values.length; a++) {
                    out.append(a > 0 ? ", " : "").append(SqlJson.toText(values[a], types[a], settings));
                }
                yield out.append(']').toString();
            }
            case JSONB_BUILD_ARRAY -> {
                List<JsonNode> elements = new ArrayList<>();
                for (int a = 0; a < values.length; a++) {
                    elements.add(SqlJson.toNode(values[a], types[a], settings));
                }
                yield Jsonb.of(new JsonNode.JsonArray(elements));
            }
            case JSON_BUILD_OBJECT -> {
                checkPairs(values.length, "json_build_object");
                StringBuilder out = new StringBuilder("{");
                for (int a = 0; a < values.length; a += 2) {
                    out.append(a > 0 ? ", " : "").append(JsonText.quote(key(values[a], types[a], a)))
                            .append(" : ").append(SqlJson.toText(values[a + 1], types[a + 1], settings));
                }
                yield out.append('}').toString();
            }
            case JSONB_BUILD_OBJECT -> {
                checkPairs(values.length, "jsonb_build_object");
                List<String> keys = new ArrayList<>();
                List<JsonNode> members = new ArrayList<>();
                for (int a = 0; a < values.length; a += 2) {
                    keys.add(key(values[a], types[a], a));
                    members.add(SqlJson.toNode(values[a + 1], types[a + 1], settings));
                }
                yield Jsonb.of(new JsonNode.JsonObject(keys, members));
            }
            case JSONB_OBJECT -> {
                JsonNode.JsonObject object = objectOfArrays(values);
                yield object == null ? null : Jsonb.of(object);
            }
            case JSON_OBJECT -> {
                JsonNode.JsonObject object = objectOfArrays(values);
                if (object == null) {
                    yield null;
                }
                StringBuilder out = new StringBuilder("{");
                for (int i = 0; i < object.keys().size(); i++) {
                    out.append(i > 0 ? ", " : "");
                    JsonText.appendString(out, object.keys().get(i));
                    out.append(" : ").append(JsonText.format(object.values().get(i)));
                }
                yield out.append('}').toString();
            }
        };
    }

    private static void checkPairs(int count, String function) {
        if (count % 2 != 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "argument list must have even number of elements")
                    .withHint("The arguments of " + function + "() must consist of alternating keys and values.");
        }
    }

    private String key(Object value, LogicalType type, int index) {
        if (value == null) {
            // PostgreSQL 18's wordings: json_build_object's differs from jsonb_build_object's
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, kind == Kind.JSON_BUILD_OBJECT
                    ? "null value not allowed for object key" : "argument " + (index + 1) + ": key must not be null");
        }
        if (type.isArray() || type.id() == io.basalt.type.TypeId.RECORD || type.id() == io.basalt.type.TypeId.JSON
                || type.id() == io.basalt.type.TypeId.JSONB) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "key value must be scalar, not array, composite, or json");
        }
        if (type.id() == io.basalt.type.TypeId.BOOLEAN) {
            return (Boolean) value ? "true" : "false"; // as JSON writes it, not as boolean's output function
        }
        return type.isString() ? (String) value : io.basalt.exec.vector.ValueAccess.text(type, value, settings);
    }

    /**
     * json(b)_object(text[]) of alternating keys and values (one dimension, or two with two columns), or
     * json(b)_object(keys text[], values text[]) (one dimension each, the same length); null for a NULL argument.
     */
    private static JsonNode.JsonObject objectOfArrays(Object[] values) {
        for (Object value : values) {
            if (value == null) {
                return null;
            }
        }
        List<Object> keys;
        List<Object> texts;
        if (values.length == 1) {
            ArrayValue array = (ArrayValue) values[0];
            List<Object> all = array.elements();
            if (array.dimensionCount() == 1 && all.size() % 2 != 0) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array must have even number of elements");
            }
            if (array.dimensionCount() == 2 && array.dimensionLength(1) != 2) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array must have two columns");
            }
            if (array.dimensionCount() > 2) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts");
            }
            keys = new ArrayList<>();
            texts = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 2) {
                keys.add(all.get(i));
                texts.add(all.get(i + 1));
            }
        } else {
            ArrayValue keyArray = (ArrayValue) values[0];
            ArrayValue valueArray = (ArrayValue) values[1];
            if (keyArray.dimensionCount() > 1 || valueArray.dimensionCount() > 1) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts");
            }
            keys = keyArray.elements();
            texts = valueArray.elements();
            if (keys.size() != texts.size()) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "mismatched array dimensions");
            }
        }
        List<String> names = new ArrayList<>();
        List<JsonNode> members = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "null value not allowed for object key");
            }
            names.add((String) keys.get(i));
            members.add(texts.get(i) == null ? JsonNode.NULL : new JsonNode.JsonString((String) texts.get(i)));
        }
        return new JsonNode.JsonObject(names, members);
    }
}
