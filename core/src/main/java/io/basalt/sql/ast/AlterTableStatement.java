package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, ...]}: the actions in the order written, applied together
 * (all or none). RENAME forms stand alone, as PostgreSQL's grammar has them.
 */
public record AlterTableStatement(QualifiedName name, boolean ifExists, List<AlterTableAction> actions, int position)
        implements Statement {
    public AlterTableStatement {
        actions = List.copyOf(actions);
    }
}
