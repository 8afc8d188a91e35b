package io.basalt.sql.ast;

/**
 * {@code ALTER VIEW [IF EXISTS] name action}: RENAME TO, RENAME [COLUMN] a TO b, SET SCHEMA, ALTER [COLUMN] c SET
 * DEFAULT expression / DROP DEFAULT, SET (option [= value], ...), RESET (option, ...); or, {@code materialized},
 * {@code ALTER MATERIALIZED VIEW [IF EXISTS] name} RENAME TO, RENAME [COLUMN] or SET SCHEMA.
 */
public record AlterViewStatement(QualifiedName name, boolean ifExists, Action action, boolean materialized,
                                 int position) implements Statement {
    /** ALTER VIEW (of a view that is not materialized). */
    public AlterViewStatement(QualifiedName name, boolean ifExists, Action action, int position) {
        this(name, ifExists, action, false, position);
    }

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

    /**
     * {@code SET (name [= value], ...)}: {@code options} as reloptions keeps them ({@code name=value}, checked by the
     * parser), or {@code RESET (name, ...)} ({@code reset}: {@code options} holds the names).
     */
    public record SetOptions(java.util.List<String> options, boolean reset) implements Action {
        public SetOptions {
            options = java.util.List.copyOf(options);
        }
    }
}
