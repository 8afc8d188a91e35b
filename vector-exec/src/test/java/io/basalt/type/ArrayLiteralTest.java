package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** array_in and array_out as PostgreSQL 15 has them, for one-dimensional arrays. */
class ArrayLiteralTest {
    @Test
    void readsElementsWithQuotesEscapesWhiteSpaceAndNulls() {
        assertThat(ArrayLiteral.parseElements("{1,2,3}")).containsExactly("1", "2", "3");
        assertThat(ArrayLiteral.parseElements("  { a b , \"c,d\" ,NULL, \"NULL\", null ,\"\"}  "))
                .containsExactly("a b", "c,d", null, "NULL", null, "");
        assertThat(ArrayLiteral.parseElements("{\"a\\\"b\",c\\,d,\\ e\\ ,x\\\\}"))
                .containsExactly("a\"b", "c,d", " e ", "x\\");
        assertThat(ArrayLiteral.parseElements("{\\NULL}")).containsExactly("NULL");
        assertThat(ArrayLiteral.parseElements("{}")).isEmpty();
        assertThat(ArrayLiteral.parseElements(" { } ")).isEmpty();
        assertThat(ArrayLiteral.parseElements("[1:2]={x,y}")).containsExactly("x", "y");
        assertThat(ArrayLiteral.parseElements("[2]={x,y}")).containsExactly("x", "y");
    }

    @Test
    void convertsElementsWithTheElementTypesInput() {
        assertThat(ArrayLiteral.parse("{1,NULL,-3}", LogicalType.INTEGER))
                .isEqualTo(ArrayValue.of(Arrays.asList(1L, null, -3L)));
        assertThatThrownBy(() -> ArrayLiteral.parse("{1,x}", LogicalType.INTEGER))
                .hasMessage("invalid input syntax for type integer: \"x\"");
    }

    @Test
    void reportsMalformedLiteralsWithPostgresDetails() {
        malformed("{1,2", "Unexpected end of input.");
        malformed("1,2", "Array value must start with \"{\" or dimension information.");
        malformed("{1,,2}", "Unexpected \",\" character.");
        malformed("{1,}", "Unexpected \"}\" character.");
        malformed("{}}", "Junk after closing right brace.");
        malformed("{\"a\"b}", "Incorrectly quoted array element.");
        malformed("{a\"b\"}", "Incorrectly quoted array element.");
        malformed("{a{}}", "Unexpected \"{\" character.");
        malformed("{\"abc", "Unexpected end of input.");
        malformed("[1:3]={1}", "Specified array dimensions do not match array contents.");
        malformed("[1:2]{1,2}", "Missing \"=\" after array dimensions.");
        malformed("[1:2", "Missing \"]\" after array dimensions.");
        malformed("[:1]={1}", "\"[\" must introduce explicitly-specified array dimensions.");
        malformed("[1:]={1}", "Missing array dimension value.");
        malformed("{{1},{1,2}}", "Multidimensional arrays must have sub-arrays with matching dimensions.");
    }

    @Test
    void refusesWhatOneDimensionalArraysCannotHold() {
        unsupported("{{1,2},{3,4}}");
        unsupported("[0:1]={1,2}");
        unsupported("[1:1][1:1]={{1}}");
    }

    @Test
    void writesElementsBareOrQuotedAsArrayOutDoes() {
        ArrayValue value = ArrayValue.of(Arrays.asList("a", "b c", "", "NULL", "null", "x,y", "q\"r", "s\\t", "{", null,
                "tab\there"));
        assertThat(ArrayLiteral.format(value, (element, index) -> (String) element))
                .isEqualTo("{a,\"b c\",\"\",\"NULL\",\"null\",\"x,y\",\"q\\\"r\",\"s\\\\t\",\"{\",NULL,\"tab\there\"}");
        assertThat(ArrayLiteral.format(ArrayValue.of(List.of()), (element, index) -> "")).isEqualTo("{}");
    }

    @Test
    void outputReadsBackAsTheSameElements() {
        List<String> elements = Arrays.asList("plain", " lead", "trail ", "a\"b\\c", "", "NULL", null, "{}", "é ✓");
        String text = ArrayLiteral.format(ArrayValue.of(elements), (element, index) -> (String) element);
        assertThat(ArrayLiteral.parseElements(text)).isEqualTo(elements);
    }

    private static void malformed(String text, String detail) {
        assertThatThrownBy(() -> ArrayLiteral.parseElements(text))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
                    assertThat(e.getMessage()).isEqualTo("malformed array literal: \"" + text + "\"");
                    assertThat(e.detail()).isEqualTo(detail);
                });
    }

    private static void unsupported(String text) {
        assertThatThrownBy(() -> ArrayLiteral.parseElements(text))
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
    }
}
