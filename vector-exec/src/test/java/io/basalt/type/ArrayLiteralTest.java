package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** array_in and array_out as PostgreSQL 15 has them. */
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
    void readsShapesWithDimensionsAndLowerBounds() {
        ArrayValue square = ArrayLiteral.parse("{{1,2},{3,4}}", LogicalType.INTEGER);
        assertThat(square.lengths()).containsExactly(2, 2);
        assertThat(square.lowerBounds()).containsExactly(1, 1);
        assertThat(square.elements()).containsExactly(1L, 2L, 3L, 4L);
        ArrayValue shifted = ArrayLiteral.parse("[0:1][-1:1]={{1,2,3},{4,5,NULL}}", LogicalType.INTEGER);
        assertThat(shifted.lengths()).containsExactly(2, 3);
        assertThat(shifted.lowerBounds()).containsExactly(0, -1);
        assertThat(shifted.hasPlainShape()).isFalse();
        assertThat(ArrayLiteral.parse("[1:2]={1,2}", LogicalType.INTEGER).hasPlainShape()).isTrue();
        assertThat(ArrayLiteral.parse("{}", LogicalType.INTEGER).dimensionCount()).isZero();
        malformed("[1:2][1:2]={1,2}", "Specified array dimensions do not match array contents.");
        malformed("[1:1]={}", "Specified array dimensions do not match array contents.");
    }

    @Test
    void refusesBoundsPostgresRefuses() {
        assertThatThrownBy(() -> ArrayLiteral.parseElements("[1:0]={}"))
                .hasMessage("upper bound cannot be less than lower bound");
        assertThatThrownBy(() -> ArrayLiteral.parseElements("[2147483646:2147483647]={1,2}"))
                .hasMessage("array lower bound is too large: 2147483646");
        assertThatThrownBy(() -> ArrayLiteral.parseElements("{{{{{{{1}}}}}}}"))
                .hasMessage("number of array dimensions (7) exceeds the maximum allowed (6)");
    }

    @Test
    void writesShapesAsArrayOutDoes() {
        assertThat(format("{{1,2},{3,4}}")).isEqualTo("{{1,2},{3,4}}");
        assertThat(format("[0:1]={1,2}")).isEqualTo("[0:1]={1,2}");
        assertThat(format("[1:1][3:4]={{1,NULL}}")).isEqualTo("[1:1][3:4]={{1,NULL}}");
        assertThat(format("{{{1},{2}},{{3},{4}}}")).isEqualTo("{{{1},{2}},{{3},{4}}}");
        assertThat(format("[5:5]={x}")).isEqualTo("[5:5]={x}");
    }

    private static String format(String literal) {
        return ArrayLiteral.format(ArrayLiteral.parse(literal, LogicalType.TEXT), (element, index) -> (String) element);
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

}
