package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, ...]}: the actions in the order written, applied together
 * (all or none). RENAME forms stand alone, as PostgreSQL's grammar has them. {@code only}: ONLY was written (so far
 * only SET / DROP EXPRESSION heed it).
 */
public record AlterTableStatement(QualifiedName name, boolean ifExists, List<AlterTableAction> actions, int position,
                                  boolean only) implements Statement {
    public AlterTableStatement {
        actions = List.copyOf(actions);
    }

    /** A statement without ONLY. */
    public AlterTableStatement(QualifiedName name, boolean ifExists, List<AlterTableAction> actions, int position) {
        this(name, ifExists, actions, position, false);
    }
}
