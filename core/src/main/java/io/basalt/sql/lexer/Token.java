package io.basalt.sql.lexer;

/**
 * One token: its kind, its value ({@link TokenKind} says what the value holds: a case-folded name, a string
 * with escapes processed, a number's text, an operator), the keyword it spells if it is an unquoted keyword
 * (else null), its extent {@code [start, end)} as char offsets into the source, and its 1-based character
 * position as PostgreSQL reports it.
 */
public record Token(TokenKind kind, String value, Keyword keyword, int start, int end, int position) {

    /** Whether this is the unquoted keyword {@code expected}. */
    public boolean is(Keyword expected) {
        return keyword == expected;
    }

    public boolean is(TokenKind expected) {
        return kind == expected;
    }

    /** Whether this is the operator spelled {@code operator}. */
    public boolean isOperator(String operator) {
        return kind == TokenKind.OPERATOR && value.equals(operator);
    }
}
