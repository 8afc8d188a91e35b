package io.basalt.sql.parser;

import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UnsupportedStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;

/**
 * Dispatches one statement on its leading keyword to the area parser that knows it. A statement that turns
 * out to use syntax the tree cannot express is skipped to its end and returned as an
 * {@link UnsupportedStatement}; a statement whose leading word is no statement at all is a syntax error at
 * that word, as in PostgreSQL.
 */
final class StatementParser extends ParserBase {
    StatementParser(Grammar grammar) {
        super(grammar);
    }

    /** One statement, the cursor left at the {@code ;} or end of input that should follow it. */
    Statement statement() {
        Token first = current();
        int mark = tokens.mark();
        try {
            return dispatch(first);
        } catch (UnsupportedSyntax unsupported) {
            grammar.utility().skipStatement(mark, false);
            return new UnsupportedStatement(unsupported.description(), first.position());
        }
    }

    private Statement dispatch(Token first) {
        if (first.is(TokenKind.LEFT_PAREN) || first.is(Keyword.SELECT) || first.is(Keyword.VALUES)
                || first.is(Keyword.TABLE) || first.is(Keyword.WITH)) {
            return new QueryStatement(grammar.queries().query(), first.position());
        }
        if (first.is(Keyword.INSERT)) {
            return grammar.dml().insert();
        }
        if (first.is(Keyword.CREATE) && grammar.ddl().atCreateTable()) {
            return grammar.ddl().createTable();
        }
        if (first.is(Keyword.DROP) && tokens.peek(1).is(Keyword.TABLE)) {
            return grammar.ddl().dropTable();
        }
        return grammar.utility().statement();
    }
}
