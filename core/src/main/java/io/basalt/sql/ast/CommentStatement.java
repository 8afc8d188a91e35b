package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code COMMENT ON object IS 'text' | NULL} for the objects Basalt keeps comments on.
 *
 * @param name the object's name; for COLUMN the qualified column ({@code [schema.]table.column}); for the
 *     constraint kinds the constraint's name alone
 * @param on the table or domain of a constraint (null for the other kinds)
 * @param text the comment, or null for {@code IS NULL} (an empty string removes the comment too)
 */
public record CommentStatement(ObjectKind kind, QualifiedName name, QualifiedName on, String text, int position)
        implements Statement {
    /** The kinds of object a comment can be on. */
    public enum ObjectKind {
        TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE, INDEX, COLUMN, TABLE_CONSTRAINT, DOMAIN_CONSTRAINT, SCHEMA, TYPE,
        DOMAIN
    }

    public CommentStatement {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
    }
}
