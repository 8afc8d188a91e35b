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
 * AUTHORIZATION role} and {@code DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. Schema elements (the
 * CREATE TABLE, CREATE VIEW, ... statements CREATE SCHEMA may carry) end the statement as unsupported.
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
        if (!tokens.at(TokenKind.SEMICOLON) && !tokens.at(TokenKind.END_OF_INPUT)) {
            if (ifNotExists) {
                throw tokens.syntaxError();
            }
            throw unsupported("CREATE SCHEMA ... schema elements");
        }
        return new CreateSchemaStatement(name != null ? name : role, ifNotExists, role, create.position());
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
