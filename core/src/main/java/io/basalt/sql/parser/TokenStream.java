package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.SqlSource;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.List;

/**
 * The shared cursor over one script's tokens. Every area parser reads through it; it never moves backwards
 * except through an explicit {@link #mark()} / {@link #reset(int)} pair used for bounded lookahead. The last
 * token is always END_OF_INPUT, and reading past it keeps returning it.
 */
final class TokenStream {
    private final SqlSource source;
    private final List<Token> tokens;
    private int index;

    TokenStream(SqlSource source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    SqlSource source() {
        return source;
    }

    Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} places after the current one (0 is the current one). */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return token;
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    boolean at(Keyword keyword) {
        return peek().is(keyword);
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    boolean atOperator(String operator) {
        return peek().isOperator(operator);
    }

    boolean accept(Keyword keyword) {
        if (at(keyword)) {
            next();
            return true;
        }
        return false;
    }

    boolean accept(TokenKind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptOperator(String operator) {
        if (atOperator(operator)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Keyword keyword) {
        if (!at(keyword)) {
            throw syntaxError();
        }
        return next();
    }

    Token expect(TokenKind kind) {
        if (!at(kind)) {
            throw syntaxError();
        }
        return next();
    }

    /** {@code syntax error at or near "<current token>"} (or at end of input). */
    BasaltException syntaxError() {
        return source.syntaxError(peek());
    }

    BasaltException syntaxErrorAt(Token token) {
        return source.syntaxError(token);
    }

    /** A syntax-class error with its own message, positioned at {@code token}, without "at or near". */
    BasaltException errorAt(Token token, String message) {
        return BasaltException.at(SqlState.SYNTAX_ERROR, token.position(), message);
    }
}
