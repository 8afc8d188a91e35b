package io.basalt.type.json.path;

import io.basalt.type.json.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@code id} that jsonpath's {@code .keyvalue()} gives an object's members. PostgreSQL makes it the byte
 * offset of the object's container inside the jsonb value it was found in (the document, or the vars
 * object with 10,000,000,000 added), so the id is a fact of PostgreSQL's binary layout, which Basalt's own
 * encoding does not share. This class works the offsets out from the layout's rules: a container is a
 * 4-byte header and one 4-byte entry per element (per key and per value for an object, keys first), then
 * the data; numbers (numeric varlenas) and containers start 4-byte aligned; strings are their UTF-8 bytes
 * and true/false/null take no data. Objects are told apart by identity (the evaluator hands out the
 * document's own nodes); an object built during evaluation has id 0.
 */
final class KeyValueIds {
    private static final long VARS_BASE = 10_000_000_000L;

    private final Map<JsonNode, Long> offsets = new IdentityHashMap<>();

    KeyValueIds(JsonNode root, JsonNode vars) {
        if (isContainer(root)) {
            container(root, 0, 0);
        }
        if (vars != null) {
            container(vars, 0, VARS_BASE);
        }
    }

    long idOf(JsonNode.JsonObject object) {
        Long id = offsets.get(object);
        return id == null ? 0 : id;
    }

    private static boolean isContainer(JsonNode node) {
        return node instanceof JsonNode.JsonObject || node instanceof JsonNode.JsonArray;
    }

    /** Lays out the container at (aligned) {@code offset}; returns the offset just past it. */
    private long container(JsonNode node, long offset, long base) {
        long at;
        if (node instanceof JsonNode.JsonObject object) {
            offsets.put(object, base + offset);
            int count = object.keys().size();
            at = offset + 4 + 8L * count;
            for (String key : object.keys()) {
                at += key.getBytes(StandardCharsets.UTF_8).length;
            }
            for (JsonNode value : object.values()) {
                at = value(value, at, base);
            }
        } else {
            JsonNode.JsonArray array = (JsonNode.JsonArray) node;
            at = offset + 4 + 4L * array.elements().size();
            for (JsonNode element : array.elements()) {
                at = value(element, at, base);
            }
        }
        return at;
    }

    private long value(JsonNode node, long at, long base) {
        return switch (node) {
            case JsonNode.JsonObject object -> container(object, align(at), base);
            case JsonNode.JsonArray array -> container(array, align(at), base);
            case JsonNode.JsonNumber number -> align(at) + numericSize(number.value());
            case JsonNode.JsonString string -> at + string.value().getBytes(StandardCharsets.UTF_8).length;
            case JsonNode.JsonDatetime datetime -> at;
            case JsonNode.JsonBoolean bool -> at;
            case JsonNode.JsonNull nothing -> at;
        };
    }

    private static long align(long at) {
        return (at + 3) & ~3L;
    }

    /**
     * The size of PostgreSQL's numeric varlena for {@code value}: a 4-byte length, a 2-byte header (4 bytes when
     * the weight or display scale is too large for the short form), and 2 bytes per base-10000 digit, leading
     * and trailing zero digits dropped.
     */
    static int numericSize(BigDecimal value) {
        if (value.signum() == 0) {
            return 4 + 2;
        }
        int scale = Math.max(value.scale(), 0);
        String plain = value.abs().setScale(scale).toPlainString();
        int dot = plain.indexOf('.');
        String integerPart = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        if (integerPart.equals("0")) {
            integerPart = "";
        }
        // pad the integer part on the left and the fraction on the right to whole groups of four digits
        int leftPad = Math.floorMod(-integerPart.length(), 4);
        String padded = "0".repeat(leftPad) + integerPart + fraction
                + "0".repeat(Math.floorMod(-fraction.length(), 4));
        int integerGroups = (integerPart.length() + leftPad) / 4;
        int groups = padded.length() / 4;
        int first = 0;
        while (first < groups && padded.startsWith("0000", first * 4)) {
            first++;
        }
        int last = groups - 1;
        while (last > first && padded.startsWith("0000", last * 4)) {
            last--;
        }
        int weight = integerGroups - 1 - first;
        int ndigits = last - first + 1;
        boolean shortForm = scale <= 63 && weight >= -64 && weight <= 63;
        return 4 + (shortForm ? 2 : 4) + 2 * ndigits;
    }
}
