package io.basalt.type.json;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * The jsonb functions and operators that build a changed value, with PostgreSQL 15's rules and errors:
 * {@code ||}, {@code -} (key, index, keys), {@code #-}, jsonb_set, jsonb_insert and jsonb_strip_nulls. They
 * work on {@link JsonNode} trees; the result is encoded again by the caller.
 */
public final class JsonbEditing {
    /** What a path operation does at the end of the path. */
    public enum PathOperation { REPLACE, CREATE, INSERT_BEFORE, INSERT_AFTER, DELETE }

    private JsonbEditing() {
    }

    /** {@code a || b}: objects merge (the right side wins); anything else concatenates as arrays. */
    public static JsonNode concat(JsonNode a, JsonNode b) {
        if (a instanceof JsonNode.JsonObject left && b instanceof JsonNode.JsonObject right) {
            List<String> keys = new ArrayList<>(left.keys());
            List<JsonNode> values = new ArrayList<>(left.values());
            keys.addAll(right.keys());
            values.addAll(right.values());
            return new JsonNode.JsonObject(keys, values).normalized();
        }
        List<JsonNode> elements = new ArrayList<>(elementsOf(a));
        elements.addAll(elementsOf(b));
        return new JsonNode.JsonArray(elements);
    }

    private static List<JsonNode> elementsOf(JsonNode value) {
        return value instanceof JsonNode.JsonArray array ? array.elements() : List.of(value);
    }

    /** {@code value - key} (or {@code - keys}): members, or string elements, so named are removed. */
    public static JsonNode deleteKeys(JsonNode value, List<String> keys) {
        return switch (value) {
            case JsonNode.JsonObject object -> {
                List<String> kept = new ArrayList<>();
                List<JsonNode> values = new ArrayList<>();
                for (int i = 0; i < object.keys().size(); i++) {
                    if (!keys.contains(object.keys().get(i))) {
                        kept.add(object.keys().get(i));
                        values.add(object.values().get(i));
                    }
                }
                yield new JsonNode.JsonObject(kept, values);
            }
            case JsonNode.JsonArray array -> {
                List<JsonNode> kept = new ArrayList<>();
                for (JsonNode element : array.elements()) {
                    if (!(element instanceof JsonNode.JsonString s && keys.contains(s.value()))) {
                        kept.add(element);
                    }
                }
                yield new JsonNode.JsonArray(kept);
            }
            default -> throw invalid("cannot delete from scalar");
        };
    }

    /** {@code value - index}: the element removed (negative counts from the end); out of range changes nothing. */
    public static JsonNode deleteIndex(JsonNode value, long index) {
        if (value instanceof JsonNode.JsonObject) {
            throw invalid("cannot delete from object using integer index");
        }
        if (!(value instanceof JsonNode.JsonArray array)) {
            throw invalid("cannot delete from scalar");
        }
        int n = array.elements().size();
        long at = index < 0 ? n + index : index;
        if (at < 0 || at >= n) {
            return value;
        }
        List<JsonNode> kept = new ArrayList<>(array.elements());
        kept.remove((int) at);
        return new JsonNode.JsonArray(kept);
    }

    /**
     * jsonb_set, jsonb_insert and {@code #-}: follows {@code path} and applies {@code operation} with
     * {@code newValue} at its end. Path elements are checked null-free by the caller.
     */
    public static JsonNode setPath(JsonNode target, List<String> path, JsonNode newValue, PathOperation operation) {
        if (!(target instanceof JsonNode.JsonObject) && !(target instanceof JsonNode.JsonArray)) {
            throw invalid(operation == PathOperation.DELETE ? "cannot delete path in scalar" : "cannot set path in scalar");
        }
        if (path.isEmpty()) {
            return target;
        }
        return setPath(target, path, 0, newValue, operation);
    }

    private static JsonNode setPath(JsonNode value, List<String> path, int level, JsonNode newValue,
                                    PathOperation operation) {
        boolean last = level == path.size() - 1;
        String step = path.get(level);
        switch (value) {
            case JsonNode.JsonObject object -> {
                List<String> keys = new ArrayList<>(object.keys());
                List<JsonNode> values = new ArrayList<>(object.values());
                int found = keys.indexOf(step);
                if (found >= 0) {
                    if (!last) {
                        values.set(found, setPath(values.get(found), path, level + 1, newValue, operation));
                    } else if (operation == PathOperation.INSERT_BEFORE || operation == PathOperation.INSERT_AFTER) {
                        throw invalid("cannot replace existing key")
                                .withHint("Try using the function jsonb_set to replace key value.");
                    } else if (operation == PathOperation.DELETE) {
                        keys.remove(found);
                        values.remove(found);
                    } else {
                        values.set(found, newValue);
                    }
                } else if (last && creates(operation)) {
                    keys.add(step);
                    values.add(newValue);
                }
                return new JsonNode.JsonObject(keys, values);
            }
            case JsonNode.JsonArray array -> {
                List<JsonNode> elements = new ArrayList<>(array.elements());
                int n = elements.size();
                long index = integerStep(step, level);
                if (index < 0) {
                    index = -index > n ? Long.MIN_VALUE : n + index;
                }
                if (last) {
                    if ((index == Long.MIN_VALUE || n == 0) && creates(operation)) {
                        elements.addFirst(newValue);
                    } else if (index >= 0 && index < n) {
                        int at = (int) index;
                        switch (operation) {
                            case REPLACE, CREATE -> elements.set(at, newValue);
                            case INSERT_BEFORE -> elements.add(at, newValue);
                            case INSERT_AFTER -> elements.add(at + 1, newValue);
                            case DELETE -> elements.remove(at);
                        }
                    } else if (creates(operation) && index != Long.MIN_VALUE) {
                        elements.add(newValue);
                    }
                } else if (index >= 0 && index < n) {
                    elements.set((int) index, setPath(elements.get((int) index), path, level + 1, newValue, operation));
                }
                return new JsonNode.JsonArray(elements);
            }
            default -> {
                return value;
            }
        }
    }

    private static boolean creates(PathOperation operation) {
        return operation == PathOperation.CREATE || operation == PathOperation.INSERT_BEFORE
                || operation == PathOperation.INSERT_AFTER;
    }

    /** A path element used as an array index: an integer, else PostgreSQL's 22P02. */
    private static long integerStep(String step, int level) {
        try {
            String trimmed = step.stripLeading();
            long value = Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
            if (value == (int) value) {
                return value;
            }
        } catch (NumberFormatException notInteger) {
            // reported below
        }
        throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "path element at position " + (level + 1) + " is not an integer: \"" + step + "\"");
    }

    /** jsonb_strip_nulls: object members whose value is null removed, at every depth. */
    public static JsonNode stripNulls(JsonNode value) {
        return stripNulls(value, false);
    }

    /** jsonb_strip_nulls(value, strip_in_arrays): with {@code inArrays} null array elements go too. */
    public static JsonNode stripNulls(JsonNode value, boolean inArrays) {
        return switch (value) {
            case JsonNode.JsonObject object -> {
                List<String> keys = new ArrayList<>();
                List<JsonNode> values = new ArrayList<>();
                for (int i = 0; i < object.keys().size(); i++) {
                    if (!(object.values().get(i) instanceof JsonNode.JsonNull)) {
                        keys.add(object.keys().get(i));
                        values.add(stripNulls(object.values().get(i), inArrays));
                    }
                }
                yield new JsonNode.JsonObject(keys, values);
            }
            case JsonNode.JsonArray array -> {
                List<JsonNode> elements = new ArrayList<>();
                for (JsonNode element : array.elements()) {
                    if (!inArrays || !(element instanceof JsonNode.JsonNull)) {
                        elements.add(stripNulls(element, inArrays));
                    }
                }
                yield new JsonNode.JsonArray(elements);
            }
            default -> value;
        };
    }

    static BasaltException invalid(String message) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
