package io.basalt.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** NUMERIC sqrt/exp/ln/log/power: values and scales as PostgreSQL prints them, special values, errors. */
class NumericElementaryTest {
    private static BigDecimal n(String text) {
        return new BigDecimal(text);
    }

    @Test
    void computesWithPostgresqlResultScales() {
        assertThat(NumericElementary.sqrt(n("2")).toPlainString()).isEqualTo("1.414213562373095");
        assertThat(NumericElementary.sqrt(n("0")).toPlainString()).isEqualTo("0.000000000000000");
        assertThat(NumericElementary.exp(n("1")).toPlainString()).isEqualTo("2.7182818284590452");
        assertThat(NumericElementary.exp(n("32.999")).toPlainString()).isEqualTo("214429043492155.053");
        assertThat(NumericElementary.ln(n("2")).toPlainString()).isEqualTo("0.6931471805599453");
        assertThat(NumericElementary.ln(n("1.0000000000000001")).toPlainString()).isEqualTo("0.00000000000000010000000000000000");
        assertThat(NumericElementary.log(n("2"), n("8")).toPlainString()).isEqualTo("3.0000000000000000");
        assertThat(NumericElementary.power(n("2"), n("0.5")).toPlainString()).isEqualTo("1.4142135623730950");
        assertThat(NumericElementary.power(n("-2"), n("3")).toPlainString()).isEqualTo("-8.0000000000000000");
        assertThat(NumericElementary.power(n("3.789"), n("21.0000000000000000")).toPlainString()).isEqualTo("1409343026052.8716016316022141");
        assertThat(NumericElementary.power(n("0.12"), n("-20")).toPlainString()).isEqualTo("2608405330458882702.55");
    }

    @Test
    void followsPostgresqlForSpecialValues() {
        assertThat(NumericElementary.exp(NumericSpecial.NEGATIVE_INFINITY)).isEqualTo(BigDecimal.ZERO);
        assertThat(NumericElementary.sqrt(NumericSpecial.POSITIVE_INFINITY)).isSameAs(NumericSpecial.POSITIVE_INFINITY);
        assertThat(NumericElementary.power(NumericSpecial.NAN, n("0"))).isEqualTo(BigDecimal.ONE);
        assertThat(NumericElementary.power(n("0.5"), NumericSpecial.POSITIVE_INFINITY)).isEqualTo(BigDecimal.ZERO);
        assertThat(NumericElementary.power(NumericSpecial.NEGATIVE_INFINITY, n("3")))
                .isSameAs(NumericSpecial.NEGATIVE_INFINITY);
        assertThat(NumericElementary.log(NumericSpecial.POSITIVE_INFINITY, n("2"))).isEqualTo(BigDecimal.ZERO);
        assertThat(NumericMath.add(NumericSpecial.POSITIVE_INFINITY, NumericSpecial.NEGATIVE_INFINITY))
                .isSameAs(NumericSpecial.NAN);
        assertThat(NumericMath.divide(n("5"), NumericSpecial.NEGATIVE_INFINITY)).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void raisesPostgresqlErrors() {
        assertThatThrownBy(() -> NumericElementary.sqrt(n("-1"))).isInstanceOf(BasaltException.class)
                .hasMessage("cannot take square root of a negative number");
        assertThatThrownBy(() -> NumericElementary.ln(n("0"))).hasMessage("cannot take logarithm of zero");
        assertThatThrownBy(() -> NumericElementary.power(n("-2"), n("0.5")))
                .hasMessage("a negative number raised to a non-integer power yields a complex result");
        assertThatThrownBy(() -> NumericElementary.power(n("10"), n("2147483647")))
                .hasMessage("value overflows numeric format");
        assertThatThrownBy(() -> NumericMath.divide(NumericSpecial.POSITIVE_INFINITY, BigDecimal.ZERO))
                .hasMessage("division by zero");
    }
}
