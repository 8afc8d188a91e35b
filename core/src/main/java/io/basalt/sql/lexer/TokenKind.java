package io.basalt.sql.lexer;

/**
 * The kinds of token PostgreSQL's lexer produces. Keywords are {@link #IDENTIFIER} tokens that carry a
 * {@link Keyword}; all operators, including the one-character ones ({@code + - * / % ^ < > =}) and the
 * comparison pairs ({@code <= >= <> !=}), are {@link #OPERATOR} tokens told apart by their text.
 */
public enum TokenKind {
    /** An unquoted name, folded to lower case; a keyword when {@link Token#keyword()} is set. */
    IDENTIFIER,
    /** A {@code "double-quoted"} or {@code U&"..."} name, spelling kept. */
    QUOTED_IDENTIFIER,
    /** A string constant in any form ({@code '...'}, {@code E'...'}, {@code U&'...'}, dollar-quoted). */
    STRING,
    /** {@code B'0101'}: value holds the digits. */
    BIT_STRING,
    /** {@code X'1F'}: value holds the hexadecimal digits. */
    HEX_STRING,
    /** A numeric constant as written: {@code 42}, {@code 3.14}, {@code .5}, {@code 1.}, {@code 1e10}. */
    NUMBER,
    /** {@code $n}: value holds the digits. */
    PARAMETER,
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    COMMA,
    SEMICOLON,
    COLON,
    DOT,
    /** {@code ::} */
    TYPECAST,
    /** {@code ..} */
    DOT_DOT,
    /** {@code :=} */
    COLON_EQUALS,
    /** {@code =>} */
    EQUALS_GREATER,
    /** A character that starts no token ({@code {}, {@code \}, a lone {@code $}, ...); always a syntax error. */
    OTHER,
    END_OF_INPUT
}
