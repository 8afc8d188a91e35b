package io.basalt.sql.parser;

import io.basalt.sql.ast.CreateIndexStatement;
import io.basalt.sql.ast.DropIndexStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method] (elements)
 * [INCLUDE (columns)] [NULLS [NOT] DISTINCT] [WITH (storage parameters)] [TABLESPACE name] [WHERE predicate]} and
 * {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. An element is a column, a
 * function call or a parenthesised expression, then {@code [COLLATE name] [opclass] [ASC | DESC]
 * [NULLS FIRST | LAST]}. CONCURRENTLY, storage parameters and tablespaces change how PostgreSQL builds and
 * stores the index, not what it means, and are accepted; COLLATE takes the collations Basalt has (see
 * {@link ParserBase#acceptCollate}).
 */
final class IndexParser extends ParserBase {
    IndexParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor is at {@code CREATE [UNIQUE] INDEX}. */
    boolean atCreateIndex() {
        return tokens.at(Keyword.CREATE) && (tokens.peek(1).is(Keyword.INDEX)
                || tokens.peek(1).is(Keyword.UNIQUE) && tokens.peek(2).is(Keyword.INDEX));
    }

    CreateIndexStatement createIndex() {
        Token create = tokens.expect(Keyword.CREATE);
        boolean unique = tokens.accept(Keyword.UNIQUE);
        tokens.expect(Keyword.INDEX);
        tokens.accept(Keyword.CONCURRENTLY);
        boolean ifNotExists = false;
        String name = null;
        if (tokens.at(Keyword.IF) && tokens.peek(1).is(Keyword.NOT)) {
            tokens.next();
            tokens.next();
            tokens.expect(Keyword.EXISTS);
            ifNotExists = true;
            name = grammar.names().columnId();
        } else if (!tokens.at(Keyword.ON)) {
            name = grammar.names().columnId();
        }
        tokens.expect(Keyword.ON);
        tokens.accept(Keyword.ONLY);
        QualifiedName table = grammar.names().qualifiedName();
        String method = "btree";
        if (tokens.accept(Keyword.USING)) {
            method = grammar.names().columnId().toLowerCase(Locale.ROOT);
        }
        tokens.expect(TokenKind.LEFT_PAREN);
        List<CreateIndexStatement.Element> elements = new ArrayList<>();
        do {
            elements.add(element());
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        List<String> include = List.of();
        if (tokens.accept(Keyword.INCLUDE)) {
            include = grammar.names().parenthesizedColumnIdList();
        }
        boolean nullsNotDistinct = false;
        if (tokens.accept(Keyword.NULLS)) {
            nullsNotDistinct = tokens.accept(Keyword.NOT);
            tokens.expect(Keyword.DISTINCT);
        }
        if (tokens.accept(Keyword.WITH)) {
            // validated as PostgreSQL does, not kept: see docs/STATUS.md
            io.basalt.catalog.StorageParameters.checkIndex(method, new StorageParameterParser(tokens).list());
        }
        if (tokens.accept(Keyword.TABLESPACE)) {
            grammar.names().columnId();
        }
        Expression where = null;
        if (tokens.accept(Keyword.WHERE)) {
            where = grammar.expressions().expression();
        }
        return new CreateIndexStatement(name, table, unique, ifNotExists, method, elements, include,
                nullsNotDistinct, where, create.position());
    }

    private CreateIndexStatement.Element element() {
        Token start = current();
        String column = null;
        Expression expression;
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            expression = grammar.expressions().expression();
            tokens.expect(TokenKind.RIGHT_PAREN);
        } else {
            expression = grammar.expressions().expression();
            if (expression instanceof Expression.ColumnRef ref && ref.parts().size() == 1) {
                column = ref.parts().getFirst();
            }
        }
        acceptCollate();
        String operatorClass = null;
        if (current().kind() == TokenKind.IDENTIFIER && !tokens.at(Keyword.ASC) && !tokens.at(Keyword.DESC)
                && !tokens.at(Keyword.NULLS)) {
            operatorClass = grammar.names().qualifiedName().toString();
        }
        boolean descending = false;
        if (tokens.accept(Keyword.DESC)) {
            descending = true;
        } else {
            tokens.accept(Keyword.ASC);
        }
        Boolean nullsFirst = null;
        if (tokens.accept(Keyword.NULLS)) {
            nullsFirst = tokens.accept(Keyword.FIRST);
            if (!nullsFirst) {
                tokens.expect(Keyword.LAST);
            }
        }
        return new CreateIndexStatement.Element(column, column == null ? expression : null, operatorClass,
                descending, nullsFirst, start.position());
    }

    DropIndexStatement dropIndex() {
        Token drop = tokens.expect(Keyword.DROP);
        tokens.expect(Keyword.INDEX);
        tokens.accept(Keyword.CONCURRENTLY);
        boolean ifExists = acceptIfExists();
        List<QualifiedName> names = qualifiedNameList();
        boolean cascade = acceptDropBehavior();
        return new DropIndexStatement(names, ifExists, cascade, drop.position());
    }
}
