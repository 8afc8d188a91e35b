package io.basalt.sql.parser;

import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TruncateStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import java.util.List;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name [*] [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]},
 * including PostgreSQL's {@code ONLY (name)}.
 */
final class TruncateParser extends ParserBase {
    TruncateParser(Grammar grammar) {
        super(grammar);
    }

    TruncateStatement truncate() {
        Token truncate = tokens.expect(Keyword.TRUNCATE);
        tokens.accept(Keyword.TABLE);
        List<QualifiedName> tables = grammar.names().relationList();
        boolean restartIdentity = false;
        if (tokens.at(Keyword.RESTART) || tokens.at(Keyword.CONTINUE)) {
            restartIdentity = tokens.next().is(Keyword.RESTART);
            tokens.expect(Keyword.IDENTITY);
        }
        boolean cascade = acceptDropBehavior();
        return new TruncateStatement(tables, restartIdentity, cascade, truncate.position());
    }
}
