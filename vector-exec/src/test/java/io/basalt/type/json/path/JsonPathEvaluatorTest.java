package io.basalt.type.json.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonParser;
import io.basalt.type.json.JsonText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jsonpath evaluation: lax and strict accessors, filters, arithmetic and methods, against PostgreSQL 15. */
class JsonPathEvaluatorTest {
    private static List<String> query(String document, String path) {
        return query(document, path, null, false);
    }

    private static List<String> query(String document, String path, String vars, boolean silent) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : JsonPathEvaluator.query(JsonPathParser.parse(path), JsonParser.parse(document),
                vars == null ? null : JsonParser.parse(vars), silent)) {
            out.add(JsonText.format(item));
        }
        return out;
    }

    @Test
    void laxModeUnwrapsArraysAndIgnoresMissingKeys() {
        assertThat(query("{\"a\": [{\"b\": 1}, {\"b\": 2}, {\"c\": 3}]}", "$.a.b")).containsExactly("1", "2");
        assertThat(query("{\"a\": 1}", "$.b")).isEmpty();
        assertThat(query("{\"a\": 1}", "$.a[0]")).containsExactly("1");
        assertThat(query("[1, 2, 3]", "$[5]")).isEmpty();
        assertThat(query("[1, 2, 3]", "$[last - 1 to last]")).containsExactly("2", "3");
    }

    @Test
    void strictModeRaisesStructuralErrors() {
        assertThatThrownBy(() -> query("{\"a\": 1}", "strict $.b"))
                .hasMessage("JSON object does not contain key \"b\"");
        assertThatThrownBy(() -> query("[1]", "strict $[1]")).hasMessage("jsonpath array subscript is out of bounds");
        assertThatThrownBy(() -> query("1", "strict $[*]"))
                .hasMessage("jsonpath wildcard array accessor can only be applied to an array");
        assertThat(query("{\"a\": 1}", "strict $.b", null, true)).isEmpty();
    }

    @Test
    void filtersAreThreeValued() {
        String document = "[1, \"a\", 3, null, {\"x\": 5}]";
        assertThat(query(document, "$[*] ? (@ > 1)")).containsExactly("3");
        assertThat(query(document, "$[*] ? ((@ > 1) is unknown)")).containsExactly("\"a\"", "{\"x\": 5}");
        assertThat(query(document, "$[*] ? (@ != null)")).containsExactly("1", "\"a\"", "3", "{\"x\": 5}");
        assertThat(query(document, "$[*] ? (exists (@.x))")).containsExactly("{\"x\": 5}");
        assertThat(query("[\"abc\", \"ABd\", \"x\"]", "$[*] ? (@ like_regex \"^ab\" flag \"i\")"))
                .containsExactly("\"abc\"", "\"ABd\"");
        assertThat(query("[\"abc\", \"x\"]", "$[*] ? (@ starts with $p)", "{\"p\": \"ab\"}", false))
                .containsExactly("\"abc\"");
    }

    @Test
    void arithmeticAndMethods() {
        assertThat(query("{\"a\": 7, \"b\": 2}", "$.a / $.b")).containsExactly("3.5000000000000000");
        assertThat(query("[1.5, -2.5]", "$.floor()")).containsExactly("1", "-3");
        assertThat(query("[1, \"a\", [1], {}, null, true]", "$[*].type()"))
                .containsExactly("\"number\"", "\"string\"", "\"array\"", "\"object\"", "\"null\"", "\"boolean\"");
        assertThat(query("[1, 2, 3]", "$.size()")).containsExactly("3");
        assertThat(query("\"1.123456789012345678\"", "$.double()")).containsExactly("1.12345678901235");
        assertThat(query("{\"x\": 1}", "$.keyvalue()")).containsExactly("{\"id\": 0, \"key\": \"x\", \"value\": 1}");
        assertThat(query("{\"a\": {\"b\": [1, {\"c\": 2}]}}", "$.**{2}")).containsExactly("[1, {\"c\": 2}]");
        assertThat(query("[1, 2]", "$[*] == 2")).containsExactly("true");
        assertThatThrownBy(() -> query("[1, 2]", "$ + 1"))
                .hasMessage("left operand of jsonpath operator + is not a single numeric value");
        assertThatThrownBy(() -> query("1", "$ / 0")).hasMessage("division by zero");
        assertThatThrownBy(() -> query("1", "$x")).hasMessage("could not find jsonpath variable \"x\"");
    }

    @Test
    void conversionMethodsOfPostgres17() {
        assertThat(query("[1.83, \"-123\", \"+7\"]", "$.bigint()")).containsExactly("2", "-123", "7");
        assertThatThrownBy(() -> query("12345678901", "$.integer()"))
                .hasMessage("argument \"12345678901\" of jsonpath item method .integer() is invalid for type integer");
        assertThat(query("[1, 0, \"yes\", \"F\", true]", "$.boolean()"))
                .containsExactly("true", "false", "true", "false", "true");
        assertThatThrownBy(() -> query("1.23", "$.boolean()"))
                .hasMessage("argument \"1.23\" of jsonpath item method .boolean() is invalid for type boolean");
        assertThat(query("[\"1.50\", 2]", "$.number()")).containsExactly("1.50", "2");
        assertThatThrownBy(() -> query("\"inf\"", "$.number()"))
                .hasMessage("NaN or Infinity is not allowed for jsonpath item method .number()");
        assertThat(query("1234.5678", "$.decimal(6, 2)")).containsExactly("1234.57");
        assertThat(query("1234.5678", "$.decimal(+6, -2)")).containsExactly("1200");
        assertThatThrownBy(() -> query("12345.678", "$.decimal(6, 2)"))
                .hasMessage("argument \"12345.678\" of jsonpath item method .decimal() is invalid for type numeric");
        assertThatThrownBy(() -> query("1", "$.decimal(0, 6)"))
                .hasMessage("NUMERIC precision 0 must be between 1 and 1000");
        assertThat(query("1", "$.decimal(0, 6)", null, true)).isEmpty();
        assertThat(query("[1.23, \"yes\", false]", "$[*].string()"))
                .containsExactly("\"1.23\"", "\"yes\"", "\"false\"");
    }

    @Test
    void silentKeepsItemsFoundBeforeAnError() {
        assertThat(query("[1, \"2\", 3]", "+$", null, true)).containsExactly("1");
        assertThat(JsonPathEvaluator.exists(JsonPathParser.parse("-$[*]"), JsonParser.parse("[\"1\", 2]"), null,
                true)).isTrue();
        assertThat(JsonPathEvaluator.exists(JsonPathParser.parse("strict -$[*]"), JsonParser.parse("[\"1\", 2]"),
                null, true)).isNull();
    }

    @Test
    void likeRegexReadsPostgresEscapes() {
        assertThat(query("[\"a\\b\", \"a\\\\b\"]", "$[*] ? (@ like_regex \"a\\\\b\")"))
                .containsExactly("\"a\\b\"");
        assertThat(query("[\"a\\b\", \"a\\\\b\"]", "$[*] ? (@ like_regex \"a\\\\b\" flag \"q\")"))
                .containsExactly("\"a\\\\b\"");
    }
}
