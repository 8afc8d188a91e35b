package io.basalt.sql.ast;

import java.util.List;

/** {@code CREATE TABLE [IF NOT EXISTS] name (column definitions and table constraints)}. */
public record CreateTableStatement(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                                   List<TableConstraint> constraints, int position) implements Statement {
    public CreateTableStatement {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }
}
