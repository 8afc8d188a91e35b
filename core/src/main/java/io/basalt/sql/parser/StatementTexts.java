package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Lexer;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A query string cut into the texts of its statements, as PostgreSQL's simple query protocol takes it apart: at the
 * semicolons outside parentheses, quotes, comments and the {@code BEGIN ATOMIC ... END} bodies of routines. Pieces
 * with nothing but blanks and comments are dropped. Text the lexer refuses (an unterminated quote) is left whole,
 * so that running it reports the error.
 */
public final class StatementTexts {
    private StatementTexts() {
    }

    public static List<String> split(String sql) {
        List<Token> tokens;
        try {
            tokens = Lexer.tokenize(sql);
        } catch (BasaltException lexical) {
            return List.of(sql);
        }
        List<String> statements = new ArrayList<>();
        int start = 0;
        int parentheses = 0;
        int atomic = 0;
        boolean content = false;
        Token previous = null;
        for (Token token : tokens) {
            if (token.is(TokenKind.END_OF_INPUT)) {
                break;
            }
            if (token.is(TokenKind.LEFT_PAREN)) {
                parentheses++;
            } else if (token.is(TokenKind.RIGHT_PAREN)) {
                parentheses = Math.max(0, parentheses - 1);
            } else if (token.is(Keyword.ATOMIC) && previous != null && previous.is(Keyword.BEGIN)) {
                atomic++;
            } else if (atomic > 0 && token.is(Keyword.CASE)) {
                atomic++;
            } else if (atomic > 0 && token.is(Keyword.END)) {
                atomic--;
            }
            if (token.is(TokenKind.SEMICOLON) && parentheses == 0 && atomic == 0) {
                if (content) {
                    statements.add(sql.substring(start, token.start()));
                }
                start = token.end();
                content = false;
            } else {
                content = true;
            }
            previous = token;
        }
        if (content) {
            statements.add(sql.substring(start));
        }
        return statements.isEmpty() ? List.of(sql) : statements;
    }
}
