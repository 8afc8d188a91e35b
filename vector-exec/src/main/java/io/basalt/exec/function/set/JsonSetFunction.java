package io.basalt.exec.function.set;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonRawText;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.Jsonb;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-returning json functions: jsonb_each / jsonb_each_text (key, value), jsonb_array_elements /
 * jsonb_array_elements_text (value), jsonb_object_keys, and their json_ twins, whose argument is json text and
 * whose values are json as written there ({@link JsonRawText}: members in their order, duplicates kept). A NULL
 * argument gives no rows.
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
        if (json) {
            return rawRows((String) argument);
        }
        JsonNode node = ((Jsonb) argument).toNode();
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

    /** The json forms: members and elements as they are written in the text ({@link JsonRawText}). */
    private List<List<Object>> rawRows(String document) {
        List<List<Object>> rows = new ArrayList<>();
        if (name.endsWith("_each") || name.endsWith("_each_text")) {
            List<JsonRawText.Member> members = JsonRawText.members(document);
            if (members == null) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call " + name + " on a non-object");
            }
            for (JsonRawText.Member member : members) {
                List<Object> row = new ArrayList<>(2);
                row.add(member.key());
                row.add(text ? JsonRawText.asText(member.value()) : member.value());
                rows.add(row);
            }
        } else if (name.endsWith("_object_keys")) {
            List<JsonRawText.Member> members = JsonRawText.members(document);
            if (members == null) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call " + name + " on "
                        + (JsonRawText.elements(document) != null ? "an array" : "a scalar"));
            }
            for (JsonRawText.Member member : members) {
                List<Object> row = new ArrayList<>(1);
                row.add(member.key());
                rows.add(row);
            }
        } else {
            List<String> elements = JsonRawText.elements(document);
            if (elements == null) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, JsonRawText.members(document) != null
                        ? "cannot extract elements from an object" : "cannot extract elements from a scalar");
            }
            for (String element : elements) {
                List<Object> row = new ArrayList<>(1);
                row.add(text ? JsonRawText.asText(element) : element);
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
