package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code CREATE [TEMP] TABLE [IF NOT EXISTS] name (column definitions and table constraints)}; {@code temporary}
 * for TEMP or TEMPORARY (with GLOBAL or LOCAL, which PostgreSQL ignores).
 */
public record CreateTableStatement(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                                   List<TableConstraint> constraints, boolean temporary, int position)
        implements Statement {
    public CreateTableStatement {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }
}
