package io.basalt.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names written as text, split and folded as PostgreSQL's regclass input does. */
class SequenceNamesTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            s => s
            Seq => seq
            `  s  ` => s
            public.S => public|s
            "My Seq" => My Seq
            "a""b".c => a"b|c
            " x " . "Y" => %x%|Y
            db.public.s => db|public|s
            ÄB => Äb
            """)
    void splitsAndFolds(String text, String parts) {
        // % stands for a space the CSV source would trim
        assertThat(SequenceNames.split(text)).isEqualTo(List.of(parts.replace('%', ' ').split("\\|")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "s.", ".s", "\"open", "a b", "a..b"})
    void rejectsTextThatIsNoName(String text) {
        assertThatThrownBy(() -> SequenceNames.split(text)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_NAME);
            assertThat(e.getMessage()).isEqualTo("invalid name syntax");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            s => s
            s_1 => s_1
            S => "S"
            1s => "1s"
            a b => "a b"
            a"b => "a""b"
            """)
    void quotesNamesThatNeedIt(String name, String quoted) {
        assertThat(SequenceNames.quoted(name)).isEqualTo(quoted);
    }
}
