package io.basalt.sql.ast;

/**
 * {@code ALTER INDEX [IF EXISTS] name action}: RENAME TO, or {@code ALTER [COLUMN] column SET STATISTICS target}
 * where the column is written as its number in the index (or its name there).
 */
public record AlterIndexStatement(QualifiedName name, boolean ifExists, Action action, int position)
        implements Statement {
    /** What the statement changes. */
    public sealed interface Action {
    }

    /** {@code RENAME TO name}. */
    public record RenameTo(String name) implements Action {
    }

    /**
     * {@code ALTER [COLUMN] column SET STATISTICS target}: {@code number} is the column's number in the index as
     * written (0 when it was written by {@code name}), {@code numberPosition} where the column stands.
     */
    public record SetStatistics(int number, String name, int target, int numberPosition) implements Action {
    }
}
