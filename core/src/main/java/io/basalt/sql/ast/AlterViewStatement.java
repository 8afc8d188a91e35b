package io.basalt.sql.ast;

/**
 * {@code ALTER VIEW [IF EXISTS] name action}: RENAME TO, RENAME [COLUMN] a TO b, SET SCHEMA, ALTER [COLUMN] c SET
 * DEFAULT expression / DROP DEFAULT.
 */
public record AlterViewStatement(QualifiedName name, boolean ifExists, Action action, int position)
        implements Statement {
    /** What the statement changes. */
    public sealed interface Action {
    }

    /** {@code RENAME TO name}. */
    public record RenameTo(String name) implements Action {
    }

    /** {@code RENAME [COLUMN] column TO name}. */
    public record RenameColumn(String column, String name) implements Action {
    }

    /** {@code SET SCHEMA schema}. */
    public record SetSchema(String schema) implements Action {
    }

    /** {@code ALTER [COLUMN] column SET DEFAULT expression}, or DROP DEFAULT ({@code value} null). */
    public record SetDefault(String column, Expression value) implements Action {
    }
}
