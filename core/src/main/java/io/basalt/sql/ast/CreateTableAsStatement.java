package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE [TEMP | UNLOGGED] TABLE [IF NOT EXISTS] name [(column names)] AS query [WITH [NO] DATA]} and
 * {@code SELECT ... INTO [TEMP] [TABLE] name FROM ...} (which arrives here with the INTO clause taken out of
 * the query). {@code columnNames} renames the query's first columns; empty keeps the query's names.
 */
public record CreateTableAsStatement(QualifiedName name, boolean temporary, boolean ifNotExists,
                                     List<String> columnNames, Query query, boolean withData, int position)
        implements Statement {
    public CreateTableAsStatement {
        requireNonNull(name, "name is null");
        columnNames = List.copyOf(columnNames);
        requireNonNull(query, "query is null");
    }
}
