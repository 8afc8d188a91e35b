package io.basalt.type.json;

import io.basalt.type.DecimalCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes a {@link JsonNode} tree into JSONB's binary form (see {@link JsonbReader} for the layout). Objects
 * are normalized on the way (keys ordered, duplicates resolved last-wins), so any tree may be written.
 */
public final class JsonbWriter {
    private byte[] out;
    private int length;

    private JsonbWriter() {
        out = new byte[64];
    }

    public static byte[] encode(JsonNode value) {
        JsonbWriter writer = new JsonbWriter();
        writer.write(value);
        return java.util.Arrays.copyOf(writer.out, writer.length);
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }

    private void put(byte b) {
        ensure(1);
        out[length++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, length, bytes.length);
        length += bytes.length;
    }

    private void putInt(int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
    }

    private int reserve(int bytes) {
        ensure(bytes);
        int at = length;
        length += bytes;
        return at;
    }

    private void write(JsonNode value) {
        switch (value) {
            case JsonNode.JsonNull ignored -> put(JsonbReader.NULL);
            case JsonNode.JsonBoolean b -> put(b.value() ? JsonbReader.TRUE : JsonbReader.FALSE);
            case JsonNode.JsonNumber n -> {
                put(JsonbReader.NUMBER);
                put(DecimalCodec.encode(n.value()));
            }
            case JsonNode.JsonString s -> {
                put(JsonbReader.STRING);
                put(s.value().getBytes(StandardCharsets.UTF_8));
            }
            case JsonNode.JsonDatetime d -> {
                put(JsonbReader.STRING);
                put(JsonDatetimeText.format(d).getBytes(StandardCharsets.UTF_8));
            }
            case JsonNode.JsonArray a -> {
                List<JsonNode> elements = a.elements();
                int n = elements.size();
                put(JsonbReader.ARRAY);
                putInt(reserve(4), n);
                int table = reserve(4 * n);
                int base = length;
                for (int i = 0; i < n; i++) {
                    write(elements.get(i));
                    putInt(table + 4 * i, length - base);
                }
            }
            case JsonNode.JsonObject o -> {
                JsonNode.JsonObject object = o.normalized();
                int n = object.keys().size();
                put(JsonbReader.OBJECT);
                putInt(reserve(4), n);
                int keyTable = reserve(4 * n);
                int valueTable = reserve(4 * n);
                int base = length;
                for (int i = 0; i < n; i++) {
                    put(object.keys().get(i).getBytes(StandardCharsets.UTF_8));
                    putInt(keyTable + 4 * i, length - base);
                }
                base = length;
                for (int i = 0; i < n; i++) {
                    write(object.values().get(i));
                    putInt(valueTable + 4 * i, length - base);
                }
            }
        }
    }
}
