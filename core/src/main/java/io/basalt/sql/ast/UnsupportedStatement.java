package io.basalt.sql.ast;

/**
 * A statement the parser recognises (by its leading keywords, e.g. {@code BEGIN}, {@code ALTER TABLE})
 * but Basalt does not execute yet. Executing it fails with SQLSTATE 0A000 naming {@code description}
 * (e.g. "ALTER TABLE"), never with a syntax error.
 */
public record UnsupportedStatement(String description, int position) implements Statement {
}
