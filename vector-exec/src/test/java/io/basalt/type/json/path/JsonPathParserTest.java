package io.basalt.type.json.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import org.junit.jupiter.api.Test;

/** jsonpath input and output: the normalized text PostgreSQL 15 prints, and its syntax errors. */
class JsonPathParserTest {
    private static String normalized(String text) {
        return JsonPath.normalize(text);
    }

    @Test
    void printsAccessorsAsPostgresDoes() {
        assertThat(normalized("$.a[*] ? (@ > 1)")).isEqualTo("$.\"a\"[*]?(@ > 1)");
        assertThat(normalized("strict $.a.b")).isEqualTo("strict $.\"a\".\"b\"");
        assertThat(normalized("lax $")).isEqualTo("$");
        assertThat(normalized("$.** {2 to last}")).isEqualTo("$.**{2 to last}");
        assertThat(normalized("$[*].** {last}")).isEqualTo("$[*].**{last}");
        assertThat(normalized("$.**")).isEqualTo("$.**");
        assertThat(normalized("$[1, 2 to 3, last - 1]")).isEqualTo("$[1,2 to 3,last - 1]");
        assertThat(normalized("$x.a")).isEqualTo("$\"x\".\"a\"");
        assertThat(normalized("$.last.strict.type.size")).isEqualTo("$.\"last\".\"strict\".\"type\".\"size\"");
        assertThat(normalized("$.\"a\\\"b\".c\\u0041")).isEqualTo("$.\"a\\\"b\".\"cA\"");
        assertThat(normalized("$.a.type().size()")).isEqualTo("$.\"a\".type().size()");
        assertThat(normalized("1.2.a")).isEqualTo("(1.2).\"a\"");
    }

    @Test
    void printsOperatorsWithPostgresParentheses() {
        assertThat(normalized("-$.a + 2 * (3 - 1)")).isEqualTo("(-$.\"a\" + 2 * (3 - 1))");
        assertThat(normalized("1 + 2 + 3")).isEqualTo("((1 + 2) + 3)");
        assertThat(normalized("1 - (2 - 3)")).isEqualTo("(1 - (2 - 3))");
        assertThat(normalized("- -1")).isEqualTo("1");
        assertThat(normalized("1.5e3")).isEqualTo("1500");
        assertThat(normalized(".1")).isEqualTo("0.1");
        assertThat(normalized("$ == 1")).isEqualTo("($ == 1)");
        assertThat(normalized("$.a ? (@.b == 1 && (@.c == 2 || !(@.d > 3)))"))
                .isEqualTo("$.\"a\"?(@.\"b\" == 1 && (@.\"c\" == 2 || !(@.\"d\" > 3)))");
        assertThat(normalized("$ ? (@ starts with \"x\" && @ like_regex \"a\" flag \"iqsm\")"))
                .isEqualTo("$?(@ starts with \"x\" && @ like_regex \"a\" flag \"ismq\")");
        assertThat(normalized("$.a ? ((@ > 1) is unknown)")).isEqualTo("$.\"a\"?((@ > 1) is unknown)");
        assertThat(normalized("exists($)")).isEqualTo("exists ($)");
        assertThat(normalized("\"a\" starts with $x")).isEqualTo("(\"a\" starts with $\"x\")");
    }

    @Test
    void rejectsWhatPostgresRejects() {
        assertThatThrownBy(() -> normalized("$.a ? ()")).isInstanceOf(BasaltException.class)
                .hasMessage("syntax error at or near \")\" of jsonpath input");
        assertThatThrownBy(() -> normalized("$[")).hasMessage("syntax error at end of jsonpath input");
        assertThatThrownBy(() -> normalized("1.a"))
                .hasMessage("trailing junk after numeric literal at or near \"1.a\" of jsonpath input");
        assertThatThrownBy(() -> normalized("00"))
                .hasMessage("trailing junk after numeric literal at or near \"00\" of jsonpath input");
        assertThatThrownBy(() -> normalized("@")).hasMessage("@ is not allowed in root expressions");
        assertThatThrownBy(() -> normalized("last")).hasMessage("LAST is allowed only in array subscripts");
        assertThatThrownBy(() -> normalized("$.a @ 1")).hasMessage("syntax error at or near \"@\" of jsonpath input");
        assertThatThrownBy(() -> normalized("true && false"))
                .hasMessage("syntax error at or near \"&&\" of jsonpath input");
        assertThatThrownBy(() -> normalized("$ ? (@.a)")).hasMessage("syntax error at or near \")\" of jsonpath input");
    }
}
