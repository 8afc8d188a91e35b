package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(column names)] AS query [WITH [NO] DATA]};
 * {@code columnNames} is empty when not given.
 */
public record CreateMaterializedViewStatement(QualifiedName name, boolean ifNotExists, List<String> columnNames,
                                              Query query, boolean withData, int position) implements Statement {
    public CreateMaterializedViewStatement {
        columnNames = List.copyOf(columnNames);
    }
}
