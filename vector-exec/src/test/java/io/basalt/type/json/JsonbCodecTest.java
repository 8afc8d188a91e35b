package io.basalt.type.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The JSON parser, the JSONB encoding and the in-place reader: round trips, PostgreSQL's output and errors. */
class JsonbCodecTest {
    private static String roundTrip(String text) {
        return Jsonb.parse(text).toString();
    }

    @Test
    void outputIsPostgresNormalizedForm() {
        assertThat(roundTrip("{\"b\":1, \"a\": [1, 2.50, \"x\\\"y\"], \"a\": null, \"aa\": {}}"))
                .isEqualTo("{\"a\": null, \"b\": 1, \"aa\": {}}");
        assertThat(roundTrip(" [1, -0, 1e2, 1.0E-2, true, false, null, \"\", [], {}] "))
                .isEqualTo("[1, 0, 100, 0.010, true, false, null, \"\", [], {}]");
        assertThat(roundTrip("\"\\u00e9\\ud83d\\ude00\\t\\u0001/\"")).isEqualTo("\"é😀\\t\\u0001/\"");
        assertThat(roundTrip("12345678901234567890.123456789000")).isEqualTo("12345678901234567890.123456789000");
    }

    @Test
    void keysAreOrderedByLengthThenBytesAndTheLastDuplicateWins() {
        Jsonb value = Jsonb.parse("{\"zz\": 1, \"b\": 2, \"aaa\": 3, \"ab\": 4, \"a\": 5, \"b\": 6}");
        assertThat(value.toString()).isEqualTo("{\"a\": 5, \"b\": 6, \"ab\": 4, \"zz\": 1, \"aaa\": 3}");
        MemorySegment s = value.segment();
        assertThat(JsonbReader.count(s, 0)).isEqualTo(5);
        for (String key : List.of("a", "b", "ab", "zz", "aaa")) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            int index = JsonbReader.findKey(s, 0, MemorySegment.ofArray(bytes), 0, bytes.length);
            assertThat(index).as(key).isNotNegative();
            assertThat(JsonbReader.string(s, JsonbReader.keyStart(s, 0, index), JsonbReader.keyEnd(s, 0, index)))
                    .isEqualTo(key);
        }
        byte[] missing = "c".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonbReader.findKey(s, 0, MemorySegment.ofArray(missing), 0, 1)).isEqualTo(-1);
    }

    @Test
    void randomDocumentsSurviveEncodeDecode() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            JsonNode node = randomNode(random, 0);
            String text = JsonText.format(node);
            Jsonb encoded = Jsonb.of(node);
            assertThat(encoded.toString()).isEqualTo(JsonText.format(JsonbDecoder.decode(encoded.bytes())));
            assertThat(Jsonb.parse(encoded.toString())).isEqualTo(encoded);
            assertThat(Jsonb.parse(text).compareTo(encoded)).isZero();
            assertThat(Jsonb.parse(text).hashCode()).isEqualTo(encoded.hashCode());
        }
    }

    private static JsonNode randomNode(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> JsonNode.NULL;
            case 1 -> JsonNode.of(random.nextBoolean());
            case 2 -> new JsonNode.JsonNumber(java.math.BigDecimal.valueOf(random.nextLong(-100_000, 100_000),
                    random.nextInt(4)));
            case 3, 4 -> new JsonNode.JsonString("s" + random.nextInt(30) + (random.nextBoolean() ? "\"ü\n" : ""));
            case 5 -> {
                List<JsonNode> elements = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    elements.add(randomNode(random, depth + 1));
                }
                yield new JsonNode.JsonArray(elements);
            }
            default -> {
                List<String> keys = new ArrayList<>();
                List<JsonNode> values = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    keys.add("k" + random.nextInt(12));
                    values.add(randomNode(random, depth + 1));
                }
                yield new JsonNode.JsonObject(keys, values);
            }
        };
    }

    @Test
    void equalityAndOrderFollowPostgres() {
        assertThat(Jsonb.parse("1.0")).isEqualTo(Jsonb.parse("1"));
        assertThat(Jsonb.parse("{\"a\": [1, 2.00]}").hashCode()).isEqualTo(Jsonb.parse("{\"a\":[1.0,2]}").hashCode());
        assertThat(Jsonb.parse("[]").compareTo(Jsonb.parse("null"))).isNegative();
        assertThat(Jsonb.parse("1").compareTo(Jsonb.parse("[]"))).isPositive();
        assertThat(Jsonb.parse("1").compareTo(Jsonb.parse("[5]"))).isNegative();
        assertThat(Jsonb.parse("\"a\"").compareTo(Jsonb.parse("1"))).isNegative();
        assertThat(Jsonb.parse("true").compareTo(Jsonb.parse("1"))).isPositive();
        assertThat(Jsonb.parse("{\"b\": 1}").compareTo(Jsonb.parse("{\"aa\": 1}"))).isPositive();
        assertThat(Jsonb.parse("[1, [2]]").compareTo(Jsonb.parse("[1, [1, 1]]"))).isNegative();
    }

    @Test
    void containmentFollowsPostgresArrayRules() {
        assertThat(contains("[1, [2, 3]]", "[[2]]")).isTrue();
        assertThat(contains("[1]", "1")).isTrue();
        assertThat(contains("1", "[1]")).isFalse();
        assertThat(contains("{\"a\": {\"b\": 1, \"c\": 2}}", "{\"a\": {\"b\": 1.0}}")).isTrue();
        assertThat(contains("{\"a\": [1, 2, 3]}", "{\"a\": [3, 1, 1]}")).isTrue();
        assertThat(contains("{\"a\": [1]}", "{\"a\": 1}")).isFalse();
        assertThat(contains("[1, 2]", "[[1]]")).isFalse();
        assertThat(contains("{\"a\": 1}", "[]")).isFalse();
    }

    private static boolean contains(String a, String b) {
        Jsonb x = Jsonb.parse(a);
        Jsonb y = Jsonb.parse(b);
        return JsonbContainment.contains(x.segment(), 0, x.bytes().length, y.segment(), 0, y.bytes().length);
    }

    @Test
    void inputErrorsReadAsPostgresReportsThem() {
        assertError("{\"a\":}", "Expected JSON value, but found \"}\".", "JSON data, line 1: {\"a\":}");
        assertError("", "The input string ended unexpectedly.", "JSON data, line 1: ");
        assertError("{\"a\" 1}", "Expected \":\", but found \"1\".", "JSON data, line 1: {\"a\" 1...");
        assertError("[1,\n2,\n x]", "Token \"x\" is invalid.", "JSON data, line 3:  x...");
        assertError("01", "Token \"01\" is invalid.", "JSON data, line 1: 01");
        assertError("\"\\x\"", "Escape sequence \"\\x\" is invalid.", "JSON data, line 1: \"\\x...");
        assertError("\"a\tb\"", "Character with value 0x09 must be escaped.", "JSON data, line 1: \"a...");
        assertError("\"\\ud83d\"", "Unicode low surrogate must follow a high surrogate.", "JSON data, line 1: \"\\ud83d\"");
        assertThatThrownBy(() -> Jsonb.parse("\"\\u0000\"")).isInstanceOf(BasaltException.class)
                .hasMessage("unsupported Unicode escape sequence");
        assertThat(JsonParser.validate("\"\\u0000\"")).isEqualTo("\"\\u0000\"");
    }

    private static void assertError(String text, String detail, String context) {
        assertThatThrownBy(() -> Jsonb.parse(text)).isInstanceOfSatisfying(BasaltException.class, error -> {
            assertThat(error.getMessage()).isEqualTo("invalid input syntax for type json");
            assertThat(error.detail()).isEqualTo(detail);
            assertThat(error.context()).isEqualTo(context);
        });
    }

    @Test
    void prettyPrintsWithFourSpaces() {
        assertThat(JsonText.pretty(Jsonb.parse("{\"a\": [1, {}], \"b\": []}").toNode()))
                .isEqualTo("{\n    \"a\": [\n        1,\n        {\n        }\n    ],\n    \"b\": [\n    ]\n}");
    }
}
