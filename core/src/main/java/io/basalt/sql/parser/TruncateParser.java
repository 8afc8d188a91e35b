package io.basalt.sql.parser;

import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TruncateStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
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
        List<QualifiedName> tables = new ArrayList<>();
        do {
            tables.add(relation());
        } while (tokens.accept(TokenKind.COMMA));
        boolean restartIdentity = false;
        if (tokens.at(Keyword.RESTART) || tokens.at(Keyword.CONTINUE)) {
            restartIdentity = tokens.next().is(Keyword.RESTART);
            tokens.expect(Keyword.IDENTITY);
        }
        boolean cascade = acceptDropBehavior();
        return new TruncateStatement(tables, restartIdentity, cascade, truncate.position());
    }

    /** PostgreSQL's {@code relation_expr}: {@code name}, {@code name *}, {@code ONLY name} or {@code ONLY (name)}. */
    private QualifiedName relation() {
        if (tokens.accept(Keyword.ONLY)) {
            if (tokens.accept(TokenKind.LEFT_PAREN)) {
                QualifiedName name = grammar.names().qualifiedName();
                tokens.expect(TokenKind.RIGHT_PAREN);
                return name;
            }
            return grammar.names().qualifiedName();
        }
        QualifiedName name = grammar.names().qualifiedName();
        tokens.acceptOperator("*");
        return name;
    }
}
