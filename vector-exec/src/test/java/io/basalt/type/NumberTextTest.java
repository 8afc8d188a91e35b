package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Integer and NUMERIC text input with PostgreSQL 16+'s prefixes and underscores, and its errors. */
class NumberTextTest {
    @Test
    void readsDecimalAndPrefixedIntegersWithUnderscores() {
        assertThat(NumberText.parseInteger(" 42 ", Integer.MIN_VALUE, Integer.MAX_VALUE, "integer")).isEqualTo(42);
        assertThat(NumberText.parseInteger("+0x42F", Integer.MIN_VALUE, Integer.MAX_VALUE, "integer")).isEqualTo(1071);
        assertThat(NumberText.parseInteger("0o273", Integer.MIN_VALUE, Integer.MAX_VALUE, "integer")).isEqualTo(187);
        assertThat(NumberText.parseInteger("0b_10_0101", Integer.MIN_VALUE, Integer.MAX_VALUE, "integer")).isEqualTo(37);
        assertThat(NumberText.parseInteger("1_000_000", Integer.MIN_VALUE, Integer.MAX_VALUE, "integer")).isEqualTo(1_000_000);
        assertThat(NumberText.parseInteger("-0x8000000000000000", Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(NumberText.parseInteger("9223372036854775807", Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesMalformedIntegersAsSyntaxErrorsAndLargeOnesAsOutOfRange() {
        for (String text : new String[] {"", " ", "0x", "_100", "100_", "100__000", "1 2", "- 1", "0x1G", "１"}) {
            assertThatThrownBy(() -> NumberText.parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"))
                    .isInstanceOf(BasaltException.class)
                    .hasMessage("invalid input syntax for type integer: \"" + text + "\"");
        }
        for (String text : new String[] {"2147483648", "-0x80000001", "9223372036854775808", "99999999999999999999999"}) {
            assertThatThrownBy(() -> NumberText.parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"))
                    .isInstanceOf(BasaltException.class)
                    .satisfies(e -> assertThat(((BasaltException) e).sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE))
                    .hasMessage("value \"" + text + "\" is out of range for type integer");
        }
        assertThatThrownBy(() -> NumberText.parseInteger("-9223372036854775809", Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                .hasMessageContaining("out of range for type bigint");
    }

    @Test
    void readsNumericsWithScaleExponentPrefixesAndSpecialValues() {
        assertThat(NumberText.parseNumeric(" 1_000.000_5 ")).isEqualTo(new BigDecimal("1000.0005"));
        assertThat(NumberText.parseNumeric(".5")).isEqualTo(new BigDecimal("0.5"));
        assertThat(NumberText.parseNumeric("5.")).isEqualTo(new BigDecimal("5"));
        assertThat(NumberText.parseNumeric("1.50e1")).isEqualTo(new BigDecimal("15.0"));
        assertThat(NumberText.parseNumeric("1e3")).isEqualTo(new BigDecimal("1000"));
        assertThat(NumberText.parseNumeric("-0x1F")).isEqualTo(new BigDecimal("-31"));
        assertThat(NumberText.parseNumeric("NaN")).isSameAs(NumericSpecial.NAN);
        assertThat(NumberText.parseNumeric(" -inf ")).isSameAs(NumericSpecial.NEGATIVE_INFINITY);
        assertThat(NumberText.parseNumeric("+Infinity")).isSameAs(NumericSpecial.POSITIVE_INFINITY);
    }

    @Test
    void refusesMalformedNumerics() {
        for (String text : new String[] {"", ".", "1_.5", "1._5", "e5", "1e", "1.2.3", "-nan", "1e_5", "0x"}) {
            assertThatThrownBy(() -> NumberText.parseNumeric(text))
                    .isInstanceOf(BasaltException.class)
                    .hasMessage("invalid input syntax for type numeric: \"" + text + "\"");
        }
        assertThatThrownBy(() -> NumberText.parseNumeric("1e400000")).hasMessage("value overflows numeric format");
    }
}
