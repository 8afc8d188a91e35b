package io.basalt.sql.parser;

import io.basalt.sql.ast.CreateSchemaStatement;
import io.basalt.sql.ast.DropSchemaStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]}, {@code CREATE SCHEMA [IF NOT EXISTS]
 * AUTHORIZATION role}, each with the schema elements that may follow (CREATE TABLE, VIEW, INDEX, SEQUENCE, TRIGGER
 * and GRANT statements, parsed as statements of their own), and {@code DROP SCHEMA [IF EXISTS] name [, ...]
 * [CASCADE | RESTRICT]}.
 */
final class SchemaParser extends ParserBase {
    SchemaParser(Grammar grammar) {
        super(grammar);
    }

    CreateSchemaStatement createSchema() {
        Token create = tokens.expect(Keyword.CREATE);
        tokens.expect(Keyword.SCHEMA);
        boolean ifNotExists = false;
        if (tokens.at(Keyword.IF) && tokens.peek(1).is(Keyword.NOT)) {
            tokens.next();
            tokens.next();
            tokens.expect(Keyword.EXISTS);
            ifNotExists = true;
        }
        String name = null;
        if (!tokens.at(Keyword.AUTHORIZATION)) {
            name = grammar.names().columnId();
        }
        String role = null;
        if (tokens.accept(Keyword.AUTHORIZATION)) {
            role = grammar.names().columnId();
        }
        List<CreateSchemaStatement.Element> elements = new ArrayList<>();
        while (!ifNotExists && (tokens.at(Keyword.CREATE) || tokens.at(Keyword.GRANT))) {
            elements.add(element());
        }
        if (!tokens.at(TokenKind.SEMICOLON) && !tokens.at(TokenKind.END_OF_INPUT)) {
            throw tokens.syntaxError();
        }
        return new CreateSchemaStatement(name != null ? name : role, ifNotExists, role, create.position(), elements);
    }

    /**
     * One schema element: a CREATE TABLE, VIEW, INDEX, SEQUENCE or TRIGGER, or a GRANT (PostgreSQL's
     * {@code schema_stmt}); anything else is a syntax error at its first word.
     */
    private CreateSchemaStatement.Element element() {
        Token first = tokens.peek();
        if (first.is(Keyword.CREATE)) {
            int kind = elementKind();
            if (kind < 0) {
                // PostgreSQL's grammar fails at the word naming what is created
                for (int skipped = 0; skipped < -kind; skipped++) {
                    tokens.next();
                }
                throw tokens.syntaxError();
            }
        }
        io.basalt.sql.ast.Statement statement = grammar.statements().statement();
        int end = tokens.peek().start();
        String text = tokens.source().text().substring(first.start(), Math.max(first.start(), end)).strip();
        return new CreateSchemaStatement.Element(statement, text);
    }

    /**
     * How many tokens after the CREATE at hand the word naming what it creates is; negated when a schema element
     * may not create that.
     */
    private int elementKind() {
        int ahead = 1;
        if (tokens.peek(ahead).is(Keyword.OR) || tokens.peek(ahead).is(Keyword.UNIQUE)) {
            ahead += tokens.peek(ahead).is(Keyword.OR) ? 2 : 1;
        }
        while (tokens.peek(ahead).is(Keyword.TEMPORARY) || tokens.peek(ahead).is(Keyword.TEMP)
                || tokens.peek(ahead).is(Keyword.LOCAL) || tokens.peek(ahead).is(Keyword.GLOBAL)
                || tokens.peek(ahead).is(Keyword.UNLOGGED) || tokens.peek(ahead).is(Keyword.RECURSIVE)
                || tokens.peek(ahead).is(Keyword.CONSTRAINT)) {
            ahead++;
        }
        Token kind = tokens.peek(ahead);
        boolean allowed = kind.is(Keyword.TABLE) || kind.is(Keyword.VIEW) || kind.is(Keyword.INDEX)
                || kind.is(Keyword.SEQUENCE) || kind.is(Keyword.TRIGGER);
        return allowed ? ahead : -ahead;
    }

    DropSchemaStatement dropSchema() {
        Token drop = tokens.expect(Keyword.DROP);
        tokens.expect(Keyword.SCHEMA);
        boolean ifExists = acceptIfExists();
        List<String> names = new ArrayList<>();
        do {
            names.add(grammar.names().columnId());
        } while (tokens.accept(TokenKind.COMMA));
        boolean cascade = acceptDropBehavior();
        return new DropSchemaStatement(names, ifExists, cascade, drop.position());
    }
}
