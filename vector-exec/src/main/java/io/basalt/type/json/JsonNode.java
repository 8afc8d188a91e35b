package io.basalt.type.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JSON value as a tree of Java objects: what the text parser produces, what the JSONB encoder consumes,
 * and what the functions that build or change values (jsonb_set, ||, jsonb_build_object, ...) work on.
 * Reading stored values goes through {@link JsonbReader} instead, without building a tree.
 *
 * <p>An object keeps its members in the order given, duplicates included, as the {@code json} type does;
 * {@link JsonObject#normalized()} gives JSONB's form: keys ordered by (UTF-8 length, bytes), a repeated
 * key keeping its last value.
 */
public sealed interface JsonNode {
    JsonNull NULL = new JsonNull();
    JsonBoolean TRUE = new JsonBoolean(true);
    JsonBoolean FALSE = new JsonBoolean(false);

    static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** JSON null. */
    record JsonNull() implements JsonNode {
    }

    record JsonBoolean(boolean value) implements JsonNode {
    }

    /** A number: an exact decimal whose scale is never negative (PostgreSQL's numeric display scale). */
    record JsonNumber(BigDecimal value) implements JsonNode {
        public JsonNumber {
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
    }

    record JsonString(String value) implements JsonNode {
    }

    /**
     * A date/time item, which only jsonpath's datetime methods produce; stored or printed it is the string
     * {@link JsonDatetimeText} makes of it. {@code type} is DATE, TIME, TIMETZ, TIMESTAMP or TIMESTAMPTZ and
     * {@code value} that type's physical form (days, microseconds of the day, a packed timetz, wall-clock or
     * UTC microseconds); {@code offsetSeconds} (east of UTC) is the offset a timestamptz is shown with.
     */
    record JsonDatetime(io.basalt.type.TypeId type, long value, int offsetSeconds) implements JsonNode {
    }

    record JsonArray(List<JsonNode> elements) implements JsonNode {
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    /** An object: {@code keys.get(i)} names {@code values.get(i)}. */
    record JsonObject(List<String> keys, List<JsonNode> values) implements JsonNode {
        public JsonObject {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
            if (keys.size() != values.size()) {
                throw new IllegalArgumentException("keys and values differ in number");
            }
        }

        /** JSONB's form: keys sorted by (UTF-8 length, bytes), each key once with its last value. */
        public JsonObject normalized() {
            int n = keys.size();
            byte[][] encoded = new byte[n][];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                encoded[i] = keys.get(i).getBytes(StandardCharsets.UTF_8);
                order[i] = i;
            }
            // stable: among equal keys the later one stays later
            Arrays.sort(order, (a, b) -> compareKeys(encoded[a], encoded[b]));
            List<String> sortedKeys = new ArrayList<>(n);
            List<JsonNode> sortedValues = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (k + 1 < n && compareKeys(encoded[i], encoded[order[k + 1]]) == 0) {
                    continue;
                }
                sortedKeys.add(keys.get(i));
                sortedValues.add(values.get(i));
            }
            return new JsonObject(sortedKeys, sortedValues);
        }

        /** The value of the last member named {@code key}, or null. */
        public JsonNode get(String key) {
            for (int i = keys.size() - 1; i >= 0; i--) {
                if (keys.get(i).equals(key)) {
                    return values.get(i);
                }
            }
            return null;
        }
    }

    /** JSONB's key order: shorter UTF-8 first, then unsigned bytes. */
    static int compareKeys(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compareUnsigned(a, b);
    }
}
