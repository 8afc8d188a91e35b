package io.basalt.type.json;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code UPDATE t SET j[s1][s2]... = value} on jsonb, as PostgreSQL's jsonb subscripting assigns: the path is
 * followed through objects (by key) and arrays (by integer index, negative counting from the end), and what is
 * missing is created: a missing key is added, an index past the end pads the array with nulls, and the rest
 * of the path becomes nested objects or arrays (an array where the next subscript reads as an integer). An
 * index before the start of an array, or a path that runs into a scalar, is an error.
 */
public final class JsonbSubscriptAssignment {
    private JsonbSubscriptAssignment() {
    }

    /** {@code target} with {@code value} placed at {@code path} (non-empty, no nulls). */
    public static JsonNode assign(JsonNode target, List<String> path, JsonNode value) {
        return set(target, path, 0, value);
    }

    private static BasaltException scalarInPath() {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot replace existing key")
                .withDetail("The path assumes key is a composite object, but it is a scalar value.");
    }

    private static JsonNode set(JsonNode node, List<String> path, int level, JsonNode value) {
        boolean last = level == path.size() - 1;
        String step = path.get(level);
        switch (node) {
            case JsonNode.JsonObject object -> {
                List<String> keys = new ArrayList<>(object.keys());
                List<JsonNode> values = new ArrayList<>(object.values());
                int found = keys.indexOf(step);
                if (found >= 0) {
                    values.set(found, last ? value : set(values.get(found), path, level + 1, value));
                } else {
                    keys.add(step);
                    values.add(build(path, level + 1, value));
                }
                return new JsonNode.JsonObject(keys, values);
            }
            case JsonNode.JsonArray array -> {
                List<JsonNode> elements = new ArrayList<>(array.elements());
                int n = elements.size();
                long index = index(step, level);
                if (index < 0) {
                    if (-index > n) {
                        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                                "path element at position " + (level + 1) + " is out of range: " + index);
                    }
                    index += n;
                }
                if (index < n) {
                    int at = (int) index;
                    elements.set(at, last ? value : set(elements.get(at), path, level + 1, value));
                } else {
                    for (long i = n; i < index; i++) {
                        elements.add(JsonNode.NULL);
                    }
                    elements.add(build(path, level + 1, value));
                }
                return new JsonNode.JsonArray(elements);
            }
            default -> throw scalarInPath();
        }
    }

    /** The value for the path from {@code from} on when nothing of it exists yet. */
    private static JsonNode build(List<String> path, int from, JsonNode value) {
        if (from == path.size()) {
            return value;
        }
        String step = path.get(from);
        JsonNode inner = build(path, from + 1, value);
        Integer index = integer(step);
        if (index == null) {
            return new JsonNode.JsonObject(List.of(step), List.of(inner));
        }
        List<JsonNode> elements = new ArrayList<>();
        for (int i = 0; i < index; i++) {
            elements.add(JsonNode.NULL);
        }
        elements.add(inner);
        return new JsonNode.JsonArray(elements);
    }

    private static long index(String step, int level) {
        Integer index = integer(step);
        if (index == null) {
            throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                    "path element at position " + (level + 1) + " is not an integer: \"" + step + "\"");
        }
        return index;
    }

    /** The step read as strtoint reads it (leading spaces, a sign, digits, nothing after), or null. */
    private static Integer integer(String step) {
        String trimmed = step.stripLeading();
        if (trimmed.startsWith("+")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty() || !trimmed.matches("-?\\d+")) {
            return null;
        }
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }
}
