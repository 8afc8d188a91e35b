package io.basalt.sql.parser;

import io.basalt.sql.ast.LockStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import java.util.List;

/**
 * {@code LOCK [TABLE] [ONLY] name [*] [, ...] [IN lockmode MODE] [NOWAIT]} with PostgreSQL's eight lock modes
 * (ACCESS SHARE, ROW SHARE, ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE, SHARE, SHARE ROW EXCLUSIVE, EXCLUSIVE,
 * ACCESS EXCLUSIVE); any other word in the mode is a syntax error at that word.
 */
final class LockParser extends ParserBase {
    LockParser(Grammar grammar) {
        super(grammar);
    }

    LockStatement lock() {
        Token first = tokens.expect(Keyword.LOCK);
        tokens.accept(Keyword.TABLE);
        List<QualifiedName> tables = grammar.names().relationList();
        String mode = "ACCESS EXCLUSIVE";
        if (tokens.accept(Keyword.IN)) {
            mode = mode();
            tokens.expect(Keyword.MODE);
        }
        boolean nowait = tokens.accept(Keyword.NOWAIT);
        return new LockStatement(tables, mode, nowait, first.position());
    }

    private String mode() {
        if (tokens.accept(Keyword.ACCESS)) {
            if (tokens.accept(Keyword.SHARE)) {
                return "ACCESS SHARE";
            }
            tokens.expect(Keyword.EXCLUSIVE);
            return "ACCESS EXCLUSIVE";
        }
        if (tokens.accept(Keyword.ROW)) {
            if (tokens.accept(Keyword.SHARE)) {
                return "ROW SHARE";
            }
            tokens.expect(Keyword.EXCLUSIVE);
            return "ROW EXCLUSIVE";
        }
        if (tokens.accept(Keyword.SHARE)) {
            if (tokens.accept(Keyword.UPDATE)) {
                tokens.expect(Keyword.EXCLUSIVE);
                return "SHARE UPDATE EXCLUSIVE";
            }
            if (tokens.accept(Keyword.ROW)) {
                tokens.expect(Keyword.EXCLUSIVE);
                return "SHARE ROW EXCLUSIVE";
            }
            return "SHARE";
        }
        tokens.expect(Keyword.EXCLUSIVE);
        return "EXCLUSIVE";
    }
}
