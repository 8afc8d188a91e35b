package io.basalt.sql.parser;

/**
 * Thrown inside the parser when a statement uses valid PostgreSQL syntax that the syntax tree cannot express
 * yet (DISTINCT ON, WITH, ON CONFLICT, ...). The statement parser catches it, skips the rest of the statement
 * and returns an {@link io.basalt.sql.ast.UnsupportedStatement} named by {@link #description()}, so that a
 * script still parses and only that statement fails, with SQLSTATE 0A000, when executed.
 */
final class UnsupportedSyntax extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String description;

    UnsupportedSyntax(String description) {
        super(description, null, false, false);
        this.description = description;
    }

    String description() {
        return description;
    }
}
