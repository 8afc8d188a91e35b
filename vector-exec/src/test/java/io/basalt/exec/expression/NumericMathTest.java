package io.basalt.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Expected quotients are PostgreSQL 15's results for {@code SELECT a::numeric / b::numeric}. */
class NumericMathTest {
    private static String divide(String a, String b) {
        return NumericMath.divide(new BigDecimal(a), new BigDecimal(b)).toPlainString();
    }

    @Test
    void quotientScaleFollowsPostgres() {
        assertThat(divide("6", "3")).isEqualTo("2.0000000000000000");
        assertThat(divide("1", "3")).isEqualTo("0.33333333333333333333");
        assertThat(divide("10", "4")).isEqualTo("2.5000000000000000");
        assertThat(divide("100000", "3")).isEqualTo("33333.333333333333");
        assertThat(divide("1.50", "2")).isEqualTo("0.75000000000000000000");
        assertThat(divide("-7", "2")).isEqualTo("-3.5000000000000000");
        assertThat(divide("2", "3")).isEqualTo("0.66666666666666666667");
    }

    @Test
    void divisionByZeroIsAnError() {
        assertThatThrownBy(() -> divide("1", "0"))
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.DIVISION_BY_ZERO));
    }
}
