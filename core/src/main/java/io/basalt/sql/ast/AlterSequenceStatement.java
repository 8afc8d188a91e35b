package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code ALTER SEQUENCE [IF EXISTS] name options} (at least one option, in the order written), or one of the forms
 * that change the sequence as a relation ({@code action}, null for the options form): RENAME TO, SET SCHEMA, SET
 * LOGGED / UNLOGGED. ALTER TABLE's RENAME TO and SET SCHEMA of a sequence are carried out as this statement.
 */
public record AlterSequenceStatement(QualifiedName name, boolean ifExists, List<SequenceOption> options,
                                     Action action, int position) implements Statement {
    public AlterSequenceStatement {
        options = List.copyOf(options);
    }

    /** The options form. */
    public AlterSequenceStatement(QualifiedName name, boolean ifExists, List<SequenceOption> options, int position) {
        this(name, ifExists, options, null, position);
    }

    /** What the statement changes besides the options. */
    public sealed interface Action {
    }

    /** {@code RENAME TO name}. */
    public record RenameTo(String name) implements Action {
    }

    /** {@code SET SCHEMA schema}. */
    public record SetSchema(String schema) implements Action {
    }

    /** {@code SET LOGGED} or {@code SET UNLOGGED}. */
    public record SetLogged(boolean logged) implements Action {
    }
}
