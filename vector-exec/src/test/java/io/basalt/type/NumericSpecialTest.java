package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NaN and the infinities as BigDecimal sentinels: PostgreSQL's order from either side, codec, conversions. */
class NumericSpecialTest {
    @Test
    void ordersNegativeInfinityFiniteValuesInfinityThenNaN() {
        List<BigDecimal> values = new ArrayList<>(List.of(NumericSpecial.NAN, new BigDecimal("1e1000"),
                NumericSpecial.POSITIVE_INFINITY, new BigDecimal("-1e1000"), NumericSpecial.NEGATIVE_INFINITY,
                BigDecimal.ZERO, new BigDecimal("-0.5")));
        Collections.sort(values);
        assertThat(values).containsExactly(NumericSpecial.NEGATIVE_INFINITY, new BigDecimal("-1e1000"),
                new BigDecimal("-0.5"), BigDecimal.ZERO, new BigDecimal("1e1000"), NumericSpecial.POSITIVE_INFINITY,
                NumericSpecial.NAN);
        assertThat(BigDecimal.ONE.compareTo(NumericSpecial.NAN)).isNegative();
        assertThat(NumericSpecial.NAN.compareTo(NumericSpecial.NAN)).isZero();
        assertThat(BigDecimal.ZERO.equals(NumericSpecial.NAN)).isFalse();
        assertThat(NumericSpecial.NAN.equals(NumericSpecial.NAN)).isTrue();
    }

    @Test
    void roundTripsThroughTheVarBinaryForm() {
        for (BigDecimal value : List.of(NumericSpecial.NAN, NumericSpecial.POSITIVE_INFINITY,
                NumericSpecial.NEGATIVE_INFINITY, new BigDecimal("-12.340"), BigDecimal.ZERO)) {
            BigDecimal decoded = DecimalCodec.decode(DecimalCodec.encode(value));
            assertThat(decoded).isEqualTo(value);
            assertThat(decoded.scale()).isEqualTo(value.scale());
        }
    }

    @Test
    void printsNegatesAndConvertsToDouble() {
        assertThat(NumericSpecial.NEGATIVE_INFINITY.toPlainString()).isEqualTo("-Infinity");
        assertThat(NumericSpecial.POSITIVE_INFINITY.negate()).isSameAs(NumericSpecial.NEGATIVE_INFINITY);
        assertThat(NumericSpecial.NAN.abs()).isSameAs(NumericSpecial.NAN);
        assertThat(NumericSpecial.NEGATIVE_INFINITY.doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NumericSpecial.ofDouble(Double.NaN)).isSameAs(NumericSpecial.NAN);
        assertThat(NumericSpecial.ofDouble(1.5)).isNull();
        assertThat(TextFormat.formatScaledLong(NumericSpecial.SCALED_LONG_NAN, 2)).isEqualTo("NaN");
    }

    @Test
    void failsLoudlyWhenArithmeticReachesASpecialValue() {
        assertThatThrownBy(() -> NumericSpecial.NAN.add(BigDecimal.ONE)).isInstanceOf(BasaltException.class);
        assertThatThrownBy(() -> NumericSpecial.POSITIVE_INFINITY.setScale(2)).isInstanceOf(BasaltException.class);
    }

    @Test
    void convertsIntoConstrainedNumericsAsPostgresqlDoes() {
        assertThat(ValueConversion.fromDecimal(NumericSpecial.NAN, LogicalType.numeric(4, 2)))
                .isEqualTo(NumericSpecial.SCALED_LONG_NAN);
        assertThat(ValueConversion.toDecimal(NumericSpecial.SCALED_LONG_NAN, LogicalType.numeric(4, 2)))
                .isSameAs(NumericSpecial.NAN);
        assertThatThrownBy(() -> ValueConversion.fromDecimal(NumericSpecial.POSITIVE_INFINITY, LogicalType.numeric(4, 2)))
                .isInstanceOf(BasaltException.class).hasMessage("numeric field overflow");
    }
}
