package io.basalt.sql.parser;

import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code INSERT INTO table [AS alias] [(columns)] {VALUES ... | query | DEFAULT VALUES} [RETURNING ...]}.
 * UPDATE, DELETE and MERGE are not in the syntax tree yet and are recognised by
 * {@link UtilityStatementParser}; {@code ON CONFLICT}, {@code OVERRIDING} and assignments to fields or
 * subscripts of a column end the statement as unsupported.
 */
final class DmlParser extends ParserBase {
    DmlParser(Grammar grammar) {
        super(grammar);
    }

    InsertStatement insert() {
        Token insert = tokens.expect(Keyword.INSERT);
        tokens.expect(Keyword.INTO);
        QualifiedName table = grammar.names().qualifiedName();
        String alias = tokens.accept(Keyword.AS) ? grammar.names().columnId() : null;
        List<String> columns = List.of();
        if (tokens.at(TokenKind.LEFT_PAREN) && !startsParenthesizedQuery()) {
            columns = columnList();
        }
        if (tokens.at(Keyword.OVERRIDING)) {
            throw unsupported("OVERRIDING");
        }
        Query source = null;
        if (tokens.accept(Keyword.DEFAULT)) {
            tokens.expect(Keyword.VALUES);
        } else {
            source = grammar.queries().query();
        }
        if (tokens.at(Keyword.ON) && tokens.peek(1).is(Keyword.CONFLICT)) {
            throw unsupported("ON CONFLICT");
        }
        List<SelectItem> returning = List.of();
        if (tokens.accept(Keyword.RETURNING)) {
            returning = grammar.selects().targetList();
        }
        return new InsertStatement(table, alias, columns, source, returning, insert.position());
    }

    /** {@code INSERT INTO t (SELECT ...)}: the parenthesis opens the source, not a column list. */
    private boolean startsParenthesizedQuery() {
        return QueryParser.isQueryStart(tokens.peek(1)) || tokens.peek(1).is(TokenKind.LEFT_PAREN);
    }

    private List<String> columnList() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<String> columns = new ArrayList<>();
        do {
            columns.add(grammar.names().columnId());
            if (tokens.at(TokenKind.DOT) || tokens.at(TokenKind.LEFT_BRACKET)) {
                throw unsupported("INSERT into a field or subscript of a column");
            }
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return columns;
    }
}
