package io.basalt.sql.ast;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]} or {@code CREATE SCHEMA [IF NOT EXISTS]
 * AUTHORIZATION role} (the schema then takes the role's name); {@code authorization} is null when not given.
 */
public record CreateSchemaStatement(String name, boolean ifNotExists, String authorization, int position)
        implements Statement {
}
