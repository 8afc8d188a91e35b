package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] [element ...]} or {@code CREATE SCHEMA [IF NOT
 * EXISTS] AUTHORIZATION role [element ...]} (the schema then takes the role's name); {@code authorization} is null
 * when not given. {@code elements} are the CREATE TABLE, CREATE VIEW, CREATE INDEX, CREATE SEQUENCE, CREATE TRIGGER
 * and GRANT statements that create objects in the new schema, each with its own text.
 */
public record CreateSchemaStatement(String name, boolean ifNotExists, String authorization, int position,
                                    List<Element> elements) implements Statement {
    /** A statement inside CREATE SCHEMA and its text (without the rest of the CREATE SCHEMA statement). */
    public record Element(Statement statement, String text) {
    }

    public CreateSchemaStatement {
        elements = List.copyOf(elements);
    }

    /** A CREATE SCHEMA without elements. */
    public CreateSchemaStatement(String name, boolean ifNotExists, String authorization, int position) {
        this(name, ifNotExists, authorization, position, List.of());
    }
}
