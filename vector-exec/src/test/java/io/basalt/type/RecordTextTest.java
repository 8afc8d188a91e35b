package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordTextTest {
    private static final LogicalType PAIR = LogicalType.recordOf(new RecordType("pair", List.of("n", "t"),
            List.of(LogicalType.INTEGER, LogicalType.TEXT)));

    @Test
    void formatsFieldsAsRecordOutDoes() {
        RecordValue record = RecordValue.of(Arrays.asList(1L, null, "", " x", "a\"b", "a,b", "back\\slash", "plain"));
        String text = RecordText.format(record, (value, index) -> value.toString());
        assertThat(text).isEqualTo("(1,,\"\",\" x\",\"a\"\"b\",\"a,b\",\"back\\\\slash\",plain)");
    }

    @Test
    void parsesWhatItFormats() {
        for (RecordValue value : List.of(RecordValue.of(7L, "a b"), RecordValue.of(null, ""), RecordValue.of(null, null),
                RecordValue.of(-3L, "q\"uo\\te,(x)"))) {
            String text = (String) ValueConversion.convert(value, PAIR, LogicalType.TEXT, true);
            assertThat(ValueConversion.parse(text, PAIR)).isEqualTo(value);
        }
    }

    @Test
    void readsBackslashEscapesAndKeepsUnquotedSpaces() {
        assertThat(ValueConversion.parse("(1,a\\,b)", PAIR)).isEqualTo(RecordValue.of(1L, "a,b"));
        assertThat(ValueConversion.parse(" (1, x )", PAIR)).isEqualTo(RecordValue.of(1L, " x "));
    }

    @Test
    void rejectsMalformedLiteralsWithPostgresDetails() {
        assertMalformed("1,a", "Missing left parenthesis.");
        assertMalformed("(1)", "Too few columns.");
        assertMalformed("(1,a,b)", "Too many columns.");
        assertMalformed("(1,a", "Unexpected end of input.");
        assertMalformed("(1,\"a)", "Unexpected end of input.");
        assertMalformed("(1,a) x", "Junk after right parenthesis.");
    }

    private static void assertMalformed(String text, String detail) {
        assertThatThrownBy(() -> ValueConversion.parse(text, PAIR))
                .isInstanceOfSatisfying(BasaltException.class, failure -> {
                    assertThat(failure.getMessage()).contains("malformed record literal: \"" + text + "\"");
                    assertThat(failure.detail()).isEqualTo(detail);
                });
    }

    @Test
    void recordTypesSurviveTheirEncoding() {
        LogicalType nested = LogicalType.recordOf(new RecordType(null, List.of("p", "ps", "x[]"),
                List.of(PAIR, LogicalType.arrayOf(PAIR), LogicalType.arrayOf(LogicalType.numeric(10, 2)))));
        assertThat(LogicalType.decode(nested.encode())).isEqualTo(nested);
        assertThat(LogicalType.decode(LogicalType.arrayOf(nested).encode())).isEqualTo(LogicalType.arrayOf(nested));
        assertThat(LogicalType.of(nested.arrowField("c"))).isEqualTo(nested);
    }
}
