package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected strings are PostgreSQL 15's output for the same values (SELECT x::float8). */
class TextFormatTest {
    @Test
    void doublesUseShortestRoundTripDigits() {
        assertThat(TextFormat.formatDouble(0.1)).isEqualTo("0.1");
        assertThat(TextFormat.formatDouble(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(TextFormat.formatDouble(100.0)).isEqualTo("100");
        assertThat(TextFormat.formatDouble(-2.5)).isEqualTo("-2.5");
        assertThat(TextFormat.formatDouble(0.0001)).isEqualTo("0.0001");
        assertThat(TextFormat.formatDouble(0.00001)).isEqualTo("1e-05");
        assertThat(TextFormat.formatDouble(123456789012345.0)).isEqualTo("123456789012345");
        assertThat(TextFormat.formatDouble(1234567890123456.0)).isEqualTo("1.234567890123456e+15");
        assertThat(TextFormat.formatDouble(1e100)).isEqualTo("1e+100");
        assertThat(TextFormat.formatDouble(-1.5e-300)).isEqualTo("-1.5e-300");
    }

    @Test
    void specialDoubles() {
        assertThat(TextFormat.formatDouble(Double.NaN)).isEqualTo("NaN");
        assertThat(TextFormat.formatDouble(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(TextFormat.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(TextFormat.formatDouble(0.0)).isEqualTo("0");
        assertThat(TextFormat.formatDouble(-0.0)).isEqualTo("-0");
    }

    @Test
    void zeroOrFewerExtraFloatDigitsPrintSignificantDigitsAsPercentG() {
        assertThat(TextFormat.formatDouble(131.10703231895047, 0)).isEqualTo("131.10703231895");
        assertThat(TextFormat.formatDouble(-0.000012345678901234567, 0)).isEqualTo("-1.23456789012346e-05");
        assertThat(TextFormat.formatDouble(123456789012345678.0, 0)).isEqualTo("1.23456789012346e+17");
        assertThat(TextFormat.formatDouble(131.10703231895047, -15)).as("at least one digit").isEqualTo("1e+02");
        assertThat(TextFormat.formatDouble(0.5, -15)).isEqualTo("0.5");
        assertThat(TextFormat.formatDouble(-0.0, 0)).isEqualTo("-0");
        assertThat(TextFormat.formatDouble(Double.NaN, 0)).isEqualTo("NaN");
        assertThat(TextFormat.formatDouble(0.1, 1)).as("positive: shortest").isEqualTo("0.1");
        assertThat(TextFormat.formatReal(1.2345678, 0)).isEqualTo("1.23457");
        assertThat(TextFormat.formatReal(100000, -3)).isEqualTo("1e+05");
        assertThat(TextFormat.formatReal(100000, 0)).isEqualTo("100000");
    }

    @Test
    void datesAndNumerics() {
        assertThat(TextFormat.formatDate(0)).isEqualTo("1970-01-01");
        assertThat(TextFormat.formatDate(java.time.LocalDate.of(2024, 2, 29).toEpochDay())).isEqualTo("2024-02-29");
        assertThat(TextFormat.formatDate(java.time.LocalDate.of(0, 1, 1).toEpochDay())).isEqualTo("0001-01-01 BC");
        assertThat(TextFormat.formatScaledLong(12345, 2)).isEqualTo("123.45");
        assertThat(TextFormat.formatScaledLong(-5, 2)).isEqualTo("-0.05");
        assertThat(TextFormat.formatScaledLong(50, 2)).isEqualTo("0.50");
    }
}
