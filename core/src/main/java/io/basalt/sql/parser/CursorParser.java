package io.basalt.sql.parser;

import io.basalt.sql.ast.CursorStatement;
import io.basalt.sql.ast.CursorStatement.Direction;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;

/**
 * DECLARE ... CURSOR, FETCH, MOVE and CLOSE, in PostgreSQL's grammar: DECLARE's options in any order before
 * CURSOR (BINARY, INSENSITIVE, [NO] SCROLL), then [WITH[OUT] HOLD] FOR a query; FETCH's directions NEXT, PRIOR,
 * FIRST, LAST, ABSOLUTE n, RELATIVE n, n, ALL, FORWARD [n | ALL], BACKWARD [n | ALL], each with an optional
 * FROM or IN before the cursor's name.
 */
final class CursorParser extends ParserBase {
    CursorParser(Grammar grammar) {
        super(grammar);
    }

    CursorStatement.Declare declare() {
        Token declare = tokens.expect(Keyword.DECLARE);
        String name = grammar.names().columnId();
        boolean scroll = true;
        while (!tokens.at(Keyword.CURSOR)) {
            if (tokens.accept(Keyword.NO)) {
                tokens.expect(Keyword.SCROLL);
                scroll = false;
            } else if (tokens.accept(Keyword.SCROLL)) {
                scroll = true;
            } else if (tokens.at(Keyword.BINARY)) {
                throw unsupported("binary cursors");
            } else if (!tokens.accept(Keyword.INSENSITIVE) && !tokens.accept(Keyword.ASENSITIVE)) {
                throw tokens.syntaxError();
            }
        }
        tokens.expect(Keyword.CURSOR);
        boolean hold = false;
        if (tokens.accept(Keyword.WITH)) {
            tokens.expect(Keyword.HOLD);
            hold = true;
        } else if (tokens.accept(Keyword.WITHOUT)) {
            tokens.expect(Keyword.HOLD);
        }
        tokens.expect(Keyword.FOR);
        Query query;
        if (tokens.at(Keyword.WITH)) {
            Statement statement = grammar.queries().withStatement();
            if (!(statement instanceof QueryStatement withQuery)) {
                throw unsupported("a data-modifying statement in a cursor");
            }
            query = withQuery.query();
        } else {
            query = grammar.queries().query();
        }
        return new CursorStatement.Declare(name, scroll, hold, query, declare.position());
    }

    CursorStatement.Fetch fetch() {
        Token first = tokens.next();
        boolean move = first.is(Keyword.MOVE);
        Direction direction = Direction.FORWARD;
        long count = 1;
        if (tokens.accept(Keyword.NEXT)) {
            count = 1;
        } else if (tokens.accept(Keyword.PRIOR)) {
            direction = Direction.BACKWARD;
        } else if (tokens.accept(Keyword.FIRST)) {
            direction = Direction.ABSOLUTE;
        } else if (tokens.accept(Keyword.LAST)) {
            direction = Direction.ABSOLUTE;
            count = -1;
        } else if (tokens.accept(Keyword.ABSOLUTE)) {
            direction = Direction.ABSOLUTE;
            count = signedInteger();
        } else if (tokens.accept(Keyword.RELATIVE)) {
            direction = Direction.RELATIVE;
            count = signedInteger();
        } else if (tokens.accept(Keyword.ALL)) {
            count = CursorStatement.Fetch.ALL;
        } else if (tokens.at(Keyword.FORWARD) || tokens.at(Keyword.BACKWARD)) {
            direction = tokens.next().is(Keyword.FORWARD) ? Direction.FORWARD : Direction.BACKWARD;
            if (tokens.accept(Keyword.ALL)) {
                count = CursorStatement.Fetch.ALL;
            } else if (atSignedInteger()) {
                count = signedInteger();
            }
        } else if (atSignedInteger()) {
            count = signedInteger();
        }
        if (!tokens.accept(Keyword.FROM)) {
            tokens.accept(Keyword.IN);
        }
        String name = grammar.names().columnId();
        return new CursorStatement.Fetch(move, direction, count, name, first.position());
    }

    CursorStatement.Close close() {
        Token close = tokens.expect(Keyword.CLOSE);
        if (tokens.accept(Keyword.ALL)) {
            return new CursorStatement.Close(null, close.position());
        }
        return new CursorStatement.Close(grammar.names().columnId(), close.position());
    }

    private boolean atSignedInteger() {
        Token token = current();
        return token.is(TokenKind.NUMBER)
                || (token.isOperator("-") || token.isOperator("+")) && tokens.peek(1).is(TokenKind.NUMBER);
    }

    /** PostgreSQL's SignedIconst: an optionally signed integer that fits a 64-bit count. */
    private long signedInteger() {
        boolean negative = false;
        if (current().isOperator("-") || current().isOperator("+")) {
            negative = tokens.next().isOperator("-");
        }
        Token number = current();
        if (!number.is(TokenKind.NUMBER) || !number.value().matches("[0-9]{1,18}")) {
            throw tokens.syntaxError();
        }
        tokens.next();
        long value = Long.parseLong(number.value());
        return negative ? -value : value;
    }
}
