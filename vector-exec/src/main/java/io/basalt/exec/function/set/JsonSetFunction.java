package io.basalt.exec.function.set;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonParser;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.Jsonb;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-returning json functions: jsonb_each / jsonb_each_text (key, value), jsonb_array_elements /
 * jsonb_array_elements_text (value), jsonb_object_keys, and their json_ twins, whose argument is json text and
 * whose values are json. A NULL argument gives no rows. A json argument is read as jsonb would read it, so
 * its members print as jsonb prints them (duplicate keys keep the last one).
 */
public final class JsonSetFunction extends ComputedRowsFunction {
    private final String name;
    private final boolean json;
    private final boolean text;
    private final List<LogicalType> outputTypes;

    /** @param name the function's name, one of those in the class comment */
    public JsonSetFunction(String name) {
        this.name = name;
        this.json = name.startsWith("json_");
        this.text = name.endsWith("_text");
        LogicalType value = text ? LogicalType.TEXT : json ? LogicalType.JSON : LogicalType.JSONB;
        if (name.endsWith("_each") || name.endsWith("_each_text")) {
            outputTypes = List.of(LogicalType.TEXT, value);
        } else if (name.endsWith("_object_keys")) {
            outputTypes = List.of(LogicalType.TEXT);
        } else {
            outputTypes = List.of(value);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<LogicalType> outputTypes() {
        return outputTypes;
    }

    @Override
    public List<List<Object>> rows(Object[] arguments) {
        List<List<Object>> rows = new ArrayList<>();
        Object argument = arguments[0];
        if (argument == null) {
            return rows;
        }
        JsonNode node = argument instanceof Jsonb jsonb ? jsonb.toNode() : JsonParser.parse((String) argument);
        if (name.endsWith("_each") || name.endsWith("_each_text")) {
            if (!(node instanceof JsonNode.JsonObject object)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call " + name + " on a non-object");
            }
            for (int i = 0; i < object.keys().size(); i++) {
                List<Object> row = new ArrayList<>(2);
                row.add(object.keys().get(i));
                row.add(member(object.values().get(i)));
                rows.add(row);
            }
        } else if (name.endsWith("_object_keys")) {
            if (!(node instanceof JsonNode.JsonObject object)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call " + name + " on "
                        + (node instanceof JsonNode.JsonArray ? "an array" : "a scalar"));
            }
            for (String key : object.keys()) {
                List<Object> row = new ArrayList<>(1);
                row.add(key);
                rows.add(row);
            }
        } else {
            if (!(node instanceof JsonNode.JsonArray array)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, node instanceof JsonNode.JsonObject
                        ? "cannot extract elements from an object" : "cannot extract elements from a scalar");
            }
            for (JsonNode element : array.elements()) {
                List<Object> row = new ArrayList<>(1);
                row.add(member(element));
                rows.add(row);
            }
        }
        return rows;
    }

    /** A member as the function returns it: jsonb, json text, or for the _text forms text (null for JSON null). */
    private Object member(JsonNode value) {
        if (text) {
            return switch (value) {
                case JsonNode.JsonNull ignored -> null;
                case JsonNode.JsonString s -> s.value();
                default -> JsonText.format(value);
            };
        }
        return json ? JsonText.format(value) : Jsonb.of(value);
    }
}
