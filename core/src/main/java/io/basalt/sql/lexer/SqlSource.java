package io.basalt.sql.lexer;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * The text of one SQL string being lexed and parsed, and the one place that turns offsets into it into what
 * users see: 1-based character positions (counted in Unicode code points, as PostgreSQL counts characters)
 * and syntax errors worded as PostgreSQL words them, {@code <message> at or near "<text as written>"} or
 * {@code <message> at end of input}.
 */
public final class SqlSource {
    private final String text;
    /** Code-point position of every char index, or null when the text has no surrogate pairs (the common case). */
    private final int[] positions;

    public SqlSource(String text) {
        this.text = requireNonNull(text, "text is null");
        this.positions = text.codePointCount(0, text.length()) == text.length() ? null : codePointPositions(text);
    }

    private static int[] codePointPositions(String text) {
        int[] result = new int[text.length() + 1];
        int position = 1;
        for (int i = 0; i < text.length(); i++) {
            result[i] = position;
            if (!(Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                position++;
            }
        }
        result[text.length()] = position;
        return result;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** The 1-based character position of the char at {@code index}; {@code length()} maps to one past the end. */
    public int positionOf(int index) {
        return positions == null ? index + 1 : positions[index];
    }

    /** The position PostgreSQL reports for errors at the end of the input: one past the last character. */
    public int endPosition() {
        return positionOf(text.length());
    }

    /** {@code message at or near "text[start, end)"} at the position of {@code start}. */
    public BasaltException errorAtOrNear(String message, int start, int end) {
        if (start >= text.length()) {
            return errorAtEnd(message);
        }
        return BasaltException.at(SqlState.SYNTAX_ERROR, positionOf(start),
                message + " at or near \"" + text.substring(start, end) + "\"");
    }

    /** {@code message at end of input}, positioned one past the last character. */
    public BasaltException errorAtEnd(String message) {
        return BasaltException.at(SqlState.SYNTAX_ERROR, endPosition(), message + " at end of input");
    }

    /** {@code syntax error at or near "..."} for a token, or {@code syntax error at end of input}. */
    public BasaltException syntaxError(Token token) {
        if (token.kind() == TokenKind.END_OF_INPUT) {
            return errorAtEnd("syntax error");
        }
        return errorAtOrNear("syntax error", token.start(), token.end());
    }

    /**
     * An error at the char at {@code index} with no "at or near" text, as PostgreSQL reports problems found
     * inside a literal. PostgreSQL's SQLSTATE for a malformed Unicode escape is 22025 (invalid escape sequence);
     * {@link SqlState} has no such constant yet, so these are reported as syntax errors.
     */
    public BasaltException errorAt(String message, int index) {
        return BasaltException.at(SqlState.SYNTAX_ERROR, positionOf(Math.min(index, text.length())), message);
    }

    /** The token's text exactly as written in the source. */
    public String textOf(Token token) {
        return text.substring(token.start(), token.end());
    }
}
