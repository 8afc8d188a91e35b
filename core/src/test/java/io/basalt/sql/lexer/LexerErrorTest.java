package io.basalt.sql.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lexical errors. Every message and position here was checked against PostgreSQL 15.18. Where PostgreSQL uses
 * another SQLSTATE than 42601 (22025 for malformed Unicode escapes, 22021 for invalid UTF-8) Basalt's
 * {@link SqlState} has no constant yet; those cases check message and position only.
 */
class LexerErrorTest {

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("SELECT 'abc", 8, "unterminated quoted string at or near \"'abc\""),
                Arguments.of("SELECT 'abc\ndef", 8, "unterminated quoted string at or near \"'abc\ndef\""),
                Arguments.of("SELECT E'abc", 8, "unterminated quoted string at or near \"E'abc\""),
                Arguments.of("SELECT e'\\'' , 'x\\''", 16, "unterminated quoted string at or near \"'x\\''\""),
                Arguments.of("SELECT /* a /* b */ c", 8, "unterminated /* comment at or near \"/* a /* b */ c\""),
                Arguments.of("SELECT 1 +/* x", 11, "unterminated /* comment at or near \"/* x\""),
                Arguments.of("SELECT \"abc", 8, "unterminated quoted identifier at or near \"\"abc\""),
                Arguments.of("SELECT $$abc", 8, "unterminated dollar-quoted string at or near \"$$abc\""),
                Arguments.of("SELECT $x$abc$$", 8, "unterminated dollar-quoted string at or near \"$x$abc$$\""),
                Arguments.of("SELECT 123abc", 8, "trailing junk after numeric literal at or near \"123abc\""),
                Arguments.of("SELECT 1.5e", 8, "trailing junk after numeric literal at or near \"1.5e\""),
                Arguments.of("SELECT 1.5ea", 8, "trailing junk after numeric literal at or near \"1.5ea\""),
                Arguments.of("SELECT 1e+a", 8, "trailing junk after numeric literal at or near \"1e+\""),
                Arguments.of("SELECT 1.a", 8, "trailing junk after numeric literal at or near \"1.a\""),
                Arguments.of("SELECT 123ab$c", 8, "trailing junk after numeric literal at or near \"123ab$c\""),
                Arguments.of("SELECT 1_000", 8, "trailing junk after numeric literal at or near \"1_000\""),
                Arguments.of("SELECT 0x1Fg", 8, "trailing junk after numeric literal at or near \"0x1Fg\""),
                Arguments.of("SELECT 0x", 8, "invalid hexadecimal integer at or near \"0x\""),
                Arguments.of("SELECT $1a", 8, "trailing junk after parameter at or near \"$1a\""),
                Arguments.of("SELECT \"\"", 8, "zero-length delimited identifier at or near \"\"\"\""),
                Arguments.of("SELECT U&\"\"", 8, "zero-length delimited identifier at or near \"U&\"\"\""),
                Arguments.of("SELECT E'\\uD83Dx'", 16, "invalid Unicode surrogate pair at or near \"x\""),
                Arguments.of("SELECT E'x\\uDE00'", 11, "invalid Unicode surrogate pair at or near \"\\uDE00\""),
                Arguments.of("SELECT E'\\uD83D\\uDE00', E'\\uD83D'", 33,
                        "invalid Unicode surrogate pair at or near \"'\""),
                Arguments.of("SELECT E'\\U00110000'", 10,
                        "invalid Unicode escape value at or near \"\\U00110000\""),
                Arguments.of("SELECT U&'\\D83Dx'", 16, "invalid Unicode surrogate pair"),
                Arguments.of("SELECT U&'\\+110000'", 11, "invalid Unicode escape value"),
                Arguments.of("SELECT U&'\\0000'", 11, "invalid Unicode escape value"),
                Arguments.of("SELECT U&'a' UESCAPE 1", 22,
                        "UESCAPE must be followed by a simple string literal at or near \"1\""),
                Arguments.of("SELECT U&'x' UESCAPE", 21,
                        "UESCAPE must be followed by a simple string literal at end of input"),
                Arguments.of("SELECT U&'a' UESCAPE 'x'\n'y'", 22,
                        "invalid Unicode escape character at or near \"'x'\n'y'\""),
                Arguments.of("SELECT U&'a' UESCAPE 'ab'", 22, "invalid Unicode escape character at or near \"'ab'\""));
    }

    @ParameterizedTest
    @MethodSource("syntaxErrors")
    void reportsLikePostgreSql(String sql, int position, String message) {
        BasaltException error = catchThrowableOfType(BasaltException.class, () -> Lexer.tokenize(sql));
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
    }

    static Stream<Arguments> escapeErrors() {
        return Stream.of(
                Arguments.of("SELECT E'\\u12'", 10, "Unicode escapes must be \\uXXXX or \\UXXXXXXXX."),
                Arguments.of("SELECT U&'\\00zz'", 11, "Unicode escapes must be \\XXXX or \\+XXXXXX."),
                Arguments.of("SELECT U&'wrong: \\061'", 18, "Unicode escapes must be \\XXXX or \\+XXXXXX."));
    }

    @ParameterizedTest
    @MethodSource("escapeErrors")
    void malformedUnicodeEscapes(String sql, int position, String hint) {
        BasaltException error = catchThrowableOfType(BasaltException.class, () -> Lexer.tokenize(sql));
        assertThat(error.getMessage()).isEqualTo("invalid Unicode escape");
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.hint()).isEqualTo(hint);
    }

    static Stream<Arguments> invalidBytes() {
        return Stream.of(
                Arguments.of("SELECT E'\\000'", "invalid byte sequence for encoding \"UTF8\": 0x00"),
                Arguments.of("SELECT E'ab\\303('", "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28"),
                Arguments.of("SELECT E'\\777'", "invalid byte sequence for encoding \"UTF8\": 0xff"));
    }

    @ParameterizedTest
    @MethodSource("invalidBytes")
    void escapedBytesMustFormUtf8(String sql, String message) {
        BasaltException error = catchThrowableOfType(BasaltException.class, () -> Lexer.tokenize(sql));
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.position()).isZero();
    }
}
