package io.basalt.type.json;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** Turns a JSONB value (or a part of one) back into a {@link JsonNode} tree, for the functions that change values. */
public final class JsonbDecoder {
    private JsonbDecoder() {
    }

    public static JsonNode decode(byte[] value) {
        return decode(MemorySegment.ofArray(value), 0, value.length);
    }

    /** The value spanning {@code [at, end)} of {@code s}. */
    public static JsonNode decode(MemorySegment s, long at, long end) {
        return switch (JsonbReader.tag(s, at)) {
            case JsonbReader.NULL -> JsonNode.NULL;
            case JsonbReader.FALSE -> JsonNode.FALSE;
            case JsonbReader.TRUE -> JsonNode.TRUE;
            case JsonbReader.NUMBER -> new JsonNode.JsonNumber(JsonbReader.number(s, at, end));
            case JsonbReader.STRING -> new JsonNode.JsonString(JsonbReader.string(s, at + 1, end));
            case JsonbReader.ARRAY -> {
                int n = JsonbReader.count(s, at);
                List<JsonNode> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    elements.add(decode(s, JsonbReader.elementStart(s, at, i), JsonbReader.elementEnd(s, at, i)));
                }
                yield new JsonNode.JsonArray(elements);
            }
            case JsonbReader.OBJECT -> {
                int n = JsonbReader.count(s, at);
                List<String> keys = new ArrayList<>(n);
                List<JsonNode> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    keys.add(JsonbReader.string(s, JsonbReader.keyStart(s, at, i), JsonbReader.keyEnd(s, at, i)));
                    values.add(decode(s, JsonbReader.valueStart(s, at, i), JsonbReader.valueEnd(s, at, i)));
                }
                yield new JsonNode.JsonObject(keys, values);
            }
            default -> throw io.basalt.error.BasaltException.internal("corrupt jsonb value");
        };
    }
}
