package io.basalt.type.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The numeric template compiler, printer and reader, with PostgreSQL 15's results. */
class NumberTemplateTest {
    private static String print(String template, String value) {
        return NumberTemplatePrinter.print(NumberTemplate.compile(template), new BigDecimal(value));
    }

    @Test
    void countsDigitPositionsAndZeroFill() {
        NumberTemplate template = NumberTemplate.compile("99099.0");
        assertThat(template.integerDigits).isEqualTo(5);
        assertThat(template.fractionDigits).isEqualTo(1);
        assertThat(template.zeroStart).isEqualTo(2);
        assertThat(NumberTemplate.compile("9V99").integerDigits).isEqualTo(3);
    }

    @Test
    void refusesCombinationsPostgresqlRefuses() {
        assertThatThrownBy(() -> NumberTemplate.compile("9.9.9")).isInstanceOf(BasaltException.class)
                .hasMessage("multiple decimal points");
        assertThatThrownBy(() -> NumberTemplate.compile("SMI99")).hasMessage("cannot use \"S\" and \"MI\" together");
        assertThatThrownBy(() -> NumberTemplate.compile("FM9.9EEEE"))
                .hasMessage("\"EEEE\" is incompatible with other formats");
    }

    @Test
    void printsSignsPaddingAndOverflow() {
        assertThat(print("999", "-5")).isEqualTo("  -5");
        assertThat(print("000", "5")).isEqualTo(" 005");
        assertThat(print("9,999.99", "1234.5")).isEqualTo(" 1,234.50");
        assertThat(print("FM9,999.99", "1234.5")).isEqualTo("1,234.5");
        assertThat(print("S9999", "12")).isEqualTo("  +12");
        assertThat(print("999PR", "-5")).isEqualTo("  <5>");
        assertThat(print("PL999", "485")).isEqualTo("+ 485");
        assertThat(print("99.9", "-123.45")).isEqualTo("-##.#");
        assertThat(print("FM9.99", "0.001")).isEqualTo("0.");
        assertThat(print("FMRN", "1999")).isEqualTo("MCMXCIX");
        assertThat(print("999TH", "22")).isEqualTo("  22ND");
        assertThat(print("9.999EEEE", "-1234.5")).isEqualTo("-1.235e+03");
    }

    @Test
    void doublesKeepTheirPrecision() {
        assertThat(NumberTemplatePrinter.print(NumberTemplate.compile("9.9999999999"), 0.1f, true)).isEqualTo("  .10000");
        assertThat(NumberTemplatePrinter.print(NumberTemplate.compile("99.9"), Double.POSITIVE_INFINITY, false))
                .isEqualTo(" ##.#");
    }

    @Test
    void readsNumbers() {
        assertThat(NumberTemplateReader.read(NumberTemplate.compile("99G999G999D999G999"), "-34,338,492.654,878"))
                .isEqualByComparingTo("-34338492.654878");
        assertThat(NumberTemplateReader.read(NumberTemplate.compile("999999.999999PR"), "<564646.654564>"))
                .isEqualByComparingTo("-564646.654564");
        assertThat(NumberTemplateReader.read(NumberTemplate.compile(" 9 9 . 9 9 S"), " . 0 1-").toPlainString())
                .isEqualTo("-0.01");
        // PostgreSQL 18's scale (V multiplies by power(10, -2)); PostgreSQL 15 divides and gives 1234.5600000000000000
        assertThat(NumberTemplateReader.read(NumberTemplate.compile("99999V99"), "123456").toPlainString())
                .isEqualTo("1234.560000000000000000");
    }
}
