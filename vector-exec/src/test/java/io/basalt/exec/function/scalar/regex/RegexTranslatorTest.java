package io.basalt.exec.function.scalar.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ARE-to-Java translation: spellings that differ, flags, and PostgreSQL's errors for malformed patterns. */
class RegexTranslatorTest {
    private static boolean finds(String pattern, String flags, String text) {
        return RegexTranslator.compile(pattern, RegexFlags.parse(flags, "regexp_like", false)).matcher(text).find();
    }

    @Test
    void wordBoundaryEscapes() {
        assertThat(finds("\\mworld\\M", "", "hello world")).isTrue();
        assertThat(finds("\\mor", "", "hello world")).isFalse();
        assertThat(finds("\\yor", "", "or else")).isTrue();
        assertThat(finds("l\\Yl", "", "hello")).isTrue();
        assertThat(finds("[[:<:]]w", "", "a word")).isTrue();
    }

    @Test
    void backspaceAndBackslashEscapesAreNotJavas() {
        assertThat(RegexTranslator.translate("a\\bc", RegexFlags.DEFAULT)).isEqualTo("a\\x08c");
        assertThat(finds("a\\Bc", "", "a\\c")).isTrue();
        assertThat(finds("\\u0041", "", "A")).isTrue();
    }

    @Test
    void posixClassesAndBracketSpecials() {
        assertThat(finds("^[[:alpha:]][[:digit:]][[:space:]]$", "", "a1 ")).isTrue();
        assertThat(finds("[[:upper:]]", "", "abc")).isFalse();
        assertThat(finds("[[:upper:]]", "i", "abc")).isTrue();
        assertThat(finds("[[]", "", "x[y")).isTrue();
        assertThat(finds("[a&&b]", "", "&")).isTrue();
        assertThat(finds("[]a]", "", "]")).isTrue();
        assertThat(finds("[[.-.]]", "", "-")).isTrue();
    }

    @Test
    void dollarMatchesOnlyAtTheVeryEndUnlessNewlineSensitive() {
        assertThat(finds("b$", "", "ab\n")).isFalse();
        assertThat(finds("b$", "n", "ab\ncd")).isTrue();
        assertThat(finds("^c", "n", "ab\ncd")).isTrue();
        assertThat(finds("^c", "", "ab\ncd")).isFalse();
        assertThat(finds("a.d", "", "a\nd")).isTrue();
        assertThat(finds("a.d", "n", "a\nd")).isFalse();
        assertThat(finds("a[^x]d", "n", "a\nd")).isFalse();
    }

    @Test
    void directorsEmbeddedOptionsAndExpandedSyntax() {
        assertThat(finds("***=a.c", "", "abc")).isFalse();
        assertThat(finds("***=a.c", "", "a.c")).isTrue();
        assertThat(finds("(?i)abc", "", "ABC")).isTrue();
        assertThat(finds(" a . c # comment", "x", "abc")).isTrue();
        assertThat(finds("a[ ]c", "x", "a c")).isTrue();
        assertThat(finds("a.c", "q", "abc")).isFalse();
    }

    @Test
    void literalBracesAndQuantifiers() {
        assertThat(finds("a{x", "", "a{x")).isTrue();
        assertThat(finds("^a{2,3}$", "", "aaa")).isTrue();
        assertThat(finds("^a*?b", "", "aab")).isTrue();
        assertThat(RegexTranslator.compile("(a)(b)\\2", RegexFlags.DEFAULT)).isInstanceOf(Pattern.class);
    }

    @Test
    void aNonGreedyGroupPrefersTheShortestMatchInside() {
        assertThat(RegexTranslator.translate("(a*b+){1,1}?x", RegexFlags.DEFAULT)).isEqualTo("(a*?b+?){1,1}?x");
        assertThat(RegexTranslator.translate("(?:a*?[*+]\\x41){1,1}?", RegexFlags.DEFAULT))
                .isEqualTo("(?:a*?[*+]\\x{41}){1,1}?");
        java.util.regex.Matcher matcher = RegexTranslator.compile("^(?:a*){1,1}?(.*){1,1}(?:g*)$", RegexFlags.DEFAULT)
                .matcher("abcdefg");
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).isEqualTo("abcdefg");
    }

    @Test
    void malformedPatternsFailAsInPostgres() {
        assertError("(a", "invalid regular expression: parentheses () not balanced");
        assertError("a)", "invalid regular expression: parentheses () not balanced");
        assertError("[a", "invalid regular expression: brackets [] not balanced");
        assertError("*a", "invalid regular expression: quantifier operand invalid");
        assertError("a**", "invalid regular expression: quantifier operand invalid");
        assertError("a{3,1}", "invalid regular expression: invalid repetition count(s)");
        assertError("a{1", "invalid regular expression: braces {} not balanced");
        assertError("(a)\\2", "invalid regular expression: invalid backreference number");
        assertError("a\\", "invalid regular expression: invalid escape \\ sequence");
        assertError("\\q", "invalid regular expression: invalid escape \\ sequence");
        assertError("[[:foo:]]", "invalid regular expression: invalid character class");
    }

    @Test
    void flagsAreCheckedPerFunction() {
        assertThatThrownBy(() -> RegexFlags.parse("gz", "regexp_replace", true))
                .isInstanceOf(BasaltException.class).hasMessageContaining("invalid regular expression option: \"z\"");
        assertThatThrownBy(() -> RegexFlags.parse("g", "regexp_like", false))
                .hasMessageContaining("regexp_like() does not support the \"global\" option");
        assertThat(RegexFlags.parse("ic", "regexp_like", false).caseInsensitive()).isFalse();
        assertThat(RegexFlags.parse("g", "regexp_replace", true).global()).isTrue();
    }

    @Test
    void similarToPatternsTranslateAsPostgresSpellsThem() {
        assertThat(SimilarEscapeFunction.translate("abc%#\"x_\"#\"%[^]a]\\.(b)", "#"))
                .isEqualTo("^(?:abc.*){1,1}?(x.\"){1,1}(?:.*[^]a]\\\\\\.(?:b))$");
        assertThat(SimilarEscapeFunction.translate("a\\%b", "\\")).isEqualTo("^(?:a\\%b)$");
        assertThat(SimilarEscapeFunction.translate("a[]b]c$^", "\\")).isEqualTo("^(?:a[]b]c\\$\\^)$");
    }

    private static void assertError(String pattern, String message) {
        assertThatThrownBy(() -> RegexTranslator.compile(pattern, RegexFlags.DEFAULT))
                .isInstanceOf(BasaltException.class).hasMessage(message);
    }
}
