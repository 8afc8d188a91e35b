package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.api.Test;

/** Inputs, outputs and errors are PostgreSQL 15's ({@code SELECT '...'::bytea} with bytea_output hex/escape). */
class ByteaTextTest {
    @Test
    void hexInputIgnoresCaseAndWhitespaceBetweenPairs() {
        assertThat(hex("\\xDeAdBeEf")).isEqualTo("\\xdeadbeef");
        assertThat(hex("\\x De Ad Be Ef ")).isEqualTo("\\xdeadbeef");
        assertThat(hex("\\x\n01\t02\r")).isEqualTo("\\x0102");
        assertThat(hex("\\x")).isEqualTo("\\x");
        assertThat(hex("")).isEqualTo("\\x");
    }

    @Test
    void escapeInputTakesOctalAndDoubledBackslashes() {
        assertThat(hex("DeAdBeEf")).isEqualTo("\\x4465416442654566");
        assertThat(hex("De\\000dBeEf")).isEqualTo("\\x4465006442654566");
        assertThat(hex("De\\123dBeEf")).isEqualTo("\\x4465536442654566");
        assertThat(hex("a\\\\b")).isEqualTo("\\x615c62");
        assertThat(hex("\\377\\001")).isEqualTo("\\xff01");
        // Outside ASCII a character stands for its UTF-8 bytes; "\X" is not the hex prefix.
        assertThat(hex("é")).isEqualTo("\\xc3a9");
    }

    @Test
    void badInputFailsWithPostgresMessagesAndCodes() {
        assertFails("\\xDeAdBeE", SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
        assertFails("\\xDeAdBeEx", SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"x\"");
        assertFails("\\x0 1", SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \" \"");
        assertFails("\\xü1", SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"ü\"");
        assertFails("De\\678dBeEf", SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
        assertFails("foo\\99bar", SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
        assertFails("foo\\", SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
        assertFails("\\X01", SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
        assertFails("\\12", SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
    }

    @Test
    void escapeOutputQuotesNonPrintableBytesAndBackslashes() {
        assertThat(ByteaText.formatEscape(ByteaText.parse("\\xdeadbeef"))).isEqualTo("\\336\\255\\276\\357");
        assertThat(ByteaText.formatEscape(ByteaText.parse("De\\000dBeEf"))).isEqualTo("De\\000dBeEf");
        assertThat(ByteaText.formatEscape(ByteaText.parse("\\x5c1f207e7f"))).isEqualTo("\\\\\\037 ~\\177");
    }

    @Test
    void valuesCompareAsUnsignedBytesWithPrefixesFirst() {
        ByteString empty = ByteaText.parse("");
        ByteString low = ByteaText.parse("\\x01");
        ByteString lowLonger = ByteaText.parse("\\x0100");
        ByteString high = ByteaText.parse("\\xff");
        assertThat(empty.compareTo(low)).isNegative();
        assertThat(low.compareTo(lowLonger)).isNegative();
        assertThat(lowLonger.compareTo(high)).isNegative();
        assertThat(ByteaText.parse("\\x0100")).isEqualTo(lowLonger).hasSameHashCodeAs(lowLonger);
    }

    private static String hex(String input) {
        return ByteaText.formatHex(ByteaText.parse(input));
    }

    private static void assertFails(String input, SqlState state, String message) {
        assertThatThrownBy(() -> ByteaText.parse(input)).as(input)
                .isInstanceOfSatisfying(BasaltException.class, failure -> assertThat(failure.sqlState()).isEqualTo(state))
                .hasMessage(message);
    }
}
