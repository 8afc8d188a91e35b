package io.basalt.exec.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.ByteString;
import io.basalt.type.ByteaText;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Encoded forms and errors are PostgreSQL 15's ({@code encode}/{@code decode}). */
class BinaryEncodingTest {
    private static final ByteString SAMPLE = ByteaText.parse("\\x00015c7f80ff41");

    @Test
    void encodesAsPostgres() {
        assertThat(BinaryEncoding.named("hex").encode(SAMPLE)).isEqualTo("00015c7f80ff41");
        assertThat(BinaryEncoding.named("HEX").encode(SAMPLE)).isEqualTo("00015c7f80ff41");
        assertThat(BinaryEncoding.named("base64").encode(SAMPLE)).isEqualTo("AAFcf4D/QQ==");
        assertThat(BinaryEncoding.named("escape").encode(SAMPLE)).isEqualTo("\\000\u0001\\\\\u007f\\200\\377A");
    }

    @Test
    void base64BreaksLinesAfter76CharactersEvenAtTheEnd() {
        String line = "YWFh".repeat(19);
        assertThat(BinaryEncoding.BASE64.encode(ByteString.wrap("a".repeat(57).getBytes()))).isEqualTo(line + "\n");
        assertThat(BinaryEncoding.BASE64.encode(ByteString.wrap("a".repeat(58).getBytes()))).isEqualTo(line + "\nYQ==");
    }

    @Test
    void everyEncodingRoundTrips() {
        SplittableRandom random = new SplittableRandom(11);
        for (int length : new int[] {0, 1, 2, 3, 56, 57, 58, 200}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            ByteString value = ByteString.wrap(bytes);
            for (BinaryEncoding encoding : BinaryEncoding.values()) {
                assertThat(encoding.decode(encoding.encode(value))).as("%s of %d bytes", encoding, length).isEqualTo(value);
            }
        }
    }

    @Test
    void decodingSkipsWhitespaceAndFollowsPostgresEndRules() {
        assertThat(BinaryEncoding.BASE64.decode("AAFc f4D/\nQQ==")).isEqualTo(SAMPLE);
        assertThat(BinaryEncoding.BASE64.decode("YQ==YQ==")).isEqualTo(ByteaText.parse("\\x6161"));
        assertThat(BinaryEncoding.HEX.decode("00 01")).isEqualTo(ByteaText.parse("\\x0001"));
        assertThat(BinaryEncoding.ESCAPE.decode("a\\000b\\\\c\\377")).isEqualTo(ByteaText.parse("\\x6100625c63ff"));
    }

    @Test
    void badInputFailsWithPostgresMessages() {
        assertFails(() -> BinaryEncoding.named("foo"), SqlState.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"foo\"");
        assertFails(() -> BinaryEncoding.BASE64.decode("A"), SqlState.INVALID_PARAMETER_VALUE, "invalid base64 end sequence");
        assertFails(() -> BinaryEncoding.BASE64.decode("YQ==a"), SqlState.INVALID_PARAMETER_VALUE,
                "invalid base64 end sequence");
        assertFails(() -> BinaryEncoding.BASE64.decode("A==="), SqlState.INVALID_PARAMETER_VALUE,
                "unexpected \"=\" while decoding base64 sequence");
        assertFails(() -> BinaryEncoding.BASE64.decode("A*"), SqlState.INVALID_PARAMETER_VALUE,
                "invalid symbol \"*\" found while decoding base64 sequence");
        assertFails(() -> BinaryEncoding.HEX.decode("1"), SqlState.INVALID_PARAMETER_VALUE,
                "invalid hexadecimal data: odd number of digits");
        assertFails(() -> BinaryEncoding.ESCAPE.decode("\\8"), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type bytea");
    }

    private static void assertFails(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, SqlState state,
                                    String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(BasaltException.class, failure -> assertThat(failure.sqlState()).isEqualTo(state))
                .hasMessage(message);
    }
}
