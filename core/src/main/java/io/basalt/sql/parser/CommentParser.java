package io.basalt.sql.parser;

import io.basalt.sql.ast.CommentStatement;
import io.basalt.sql.ast.CommentStatement.ObjectKind;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.Locale;

/**
 * {@code COMMENT ON kind name IS {'text' | NULL}} for tables, views, materialized views, sequences, indexes,
 * columns ({@code COLUMN table.column}), table and domain constraints ({@code CONSTRAINT name ON [DOMAIN] name}),
 * schemas, types and domains. Comments on other kinds of object (functions, aggregates, roles, ...) are
 * {@link UnsupportedSyntax}.
 */
final class CommentParser extends ParserBase {
    CommentParser(Grammar grammar) {
        super(grammar);
    }

    CommentStatement comment() {
        Token first = tokens.expect(Keyword.COMMENT);
        tokens.expect(Keyword.ON);
        ObjectKind kind = kind();
        QualifiedName name;
        QualifiedName on = null;
        if (kind == ObjectKind.TABLE_CONSTRAINT) {
            name = QualifiedName.of(grammar.names().columnId(), current().position());
            tokens.expect(Keyword.ON);
            if (tokens.accept(Keyword.DOMAIN)) {
                kind = ObjectKind.DOMAIN_CONSTRAINT;
            }
            on = grammar.names().qualifiedName();
        } else if (kind == ObjectKind.SCHEMA) {
            name = QualifiedName.of(grammar.names().columnId(), current().position());
        } else {
            name = grammar.names().qualifiedName();
        }
        tokens.expect(Keyword.IS);
        String text = null;
        if (!tokens.accept(Keyword.NULL)) {
            text = tokens.expect(TokenKind.STRING).value();
        }
        return new CommentStatement(kind, name, on, text, first.position());
    }

    private ObjectKind kind() {
        Token token = current();
        if (tokens.accept(Keyword.TABLE)) {
            return ObjectKind.TABLE;
        }
        if (tokens.accept(Keyword.VIEW)) {
            return ObjectKind.VIEW;
        }
        if (tokens.at(Keyword.MATERIALIZED) && tokens.peek(1).is(Keyword.VIEW)) {
            tokens.next();
            tokens.next();
            return ObjectKind.MATERIALIZED_VIEW;
        }
        if (tokens.accept(Keyword.SEQUENCE)) {
            return ObjectKind.SEQUENCE;
        }
        if (tokens.accept(Keyword.INDEX)) {
            return ObjectKind.INDEX;
        }
        if (tokens.accept(Keyword.COLUMN)) {
            return ObjectKind.COLUMN;
        }
        if (tokens.accept(Keyword.CONSTRAINT)) {
            return ObjectKind.TABLE_CONSTRAINT;
        }
        if (tokens.accept(Keyword.SCHEMA)) {
            return ObjectKind.SCHEMA;
        }
        if (tokens.accept(Keyword.TYPE)) {
            return ObjectKind.TYPE;
        }
        if (tokens.accept(Keyword.DOMAIN)) {
            return ObjectKind.DOMAIN;
        }
        if (token.keyword() == null) {
            throw tokens.syntaxError();
        }
        throw unsupported("COMMENT ON " + token.value().toUpperCase(Locale.ROOT));
    }
}
