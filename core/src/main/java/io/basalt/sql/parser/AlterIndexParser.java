package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterIndexStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;

/**
 * {@code ALTER INDEX [IF EXISTS] name RENAME TO new} and {@code ALTER INDEX [IF EXISTS] name ALTER [COLUMN]
 * {number | name} SET STATISTICS target}. The other forms (SET / RESET of storage parameters, SET TABLESPACE,
 * ATTACH PARTITION, DEPENDS ON EXTENSION, ALL IN TABLESPACE) end the statement as unsupported.
 */
final class AlterIndexParser extends ParserBase {
    AlterIndexParser(Grammar grammar) {
        super(grammar);
    }

    AlterIndexStatement alterIndex() {
        Token alter = tokens.expect(Keyword.ALTER);
        tokens.expect(Keyword.INDEX);
        if (tokens.at(Keyword.ALL)) {
            throw unsupported("ALTER INDEX ALL IN TABLESPACE");
        }
        boolean ifExists = acceptIfExists();
        QualifiedName name = grammar.names().qualifiedName();
        if (tokens.accept(Keyword.RENAME)) {
            tokens.expect(Keyword.TO);
            return new AlterIndexStatement(name, ifExists,
                    new AlterIndexStatement.RenameTo(grammar.names().columnId()), alter.position());
        }
        if (tokens.accept(Keyword.ALTER)) {
            tokens.accept(Keyword.COLUMN);
            Token column = current();
            int number = 0;
            String columnName = null;
            if (column.is(TokenKind.NUMBER)) {
                tokens.next();
                // PostgreSQL's grammar checks the range where the number is written
                if (!column.value().matches("[0-9]{1,9}") || Integer.parseInt(column.value()) <= 0
                        || Integer.parseInt(column.value()) > Short.MAX_VALUE) {
                    throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, column.position(),
                            "column number must be in range from 1 to 32767");
                }
                number = Integer.parseInt(column.value());
            } else {
                columnName = grammar.names().columnId();
            }
            tokens.expect(Keyword.SET);
            tokens.expect(Keyword.STATISTICS);
            boolean negative = false;
            if (current().isOperator("-") || current().isOperator("+")) {
                negative = tokens.next().isOperator("-");
            }
            Token target = current();
            if (!target.is(TokenKind.NUMBER) || !target.value().matches("[0-9]{1,9}")) {
                throw tokens.syntaxError();
            }
            tokens.next();
            int value = Integer.parseInt(target.value());
            return new AlterIndexStatement(name, ifExists, new AlterIndexStatement.SetStatistics(number, columnName,
                    negative ? -value : value, column.position()), alter.position());
        }
        Token what = current();
        if (what.keyword() == null || what.is(Keyword.SET) && tokens.peek(1).is(Keyword.SCHEMA)) {
            if (what.is(Keyword.SET)) {
                tokens.next(); // PostgreSQL's grammar has no ALTER INDEX ... SET SCHEMA: the error is at SCHEMA
            }
            throw tokens.syntaxError();
        }
        throw unsupported("ALTER INDEX ... " + what.keyword().name());
    }
}
