package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE [TEMP | UNLOGGED] TABLE [IF NOT EXISTS] name [(column names)] AS query [WITH [NO] DATA]} and
 * {@code SELECT ... INTO [TEMP] [TABLE] name FROM ...} (which arrives here with the INTO clause taken out of
 * the query), and {@code CREATE TABLE name AS EXECUTE prepared}. {@code columnNames} renames the query's first
 * columns; empty keeps the query's names.
 */
public record CreateTableAsStatement(QualifiedName name, boolean temporary, boolean ifNotExists,
                                     List<String> columnNames, Query query, boolean withData, int position,
                                     ExecuteStatement execute)
        implements Statement {
    public CreateTableAsStatement {
        requireNonNull(name, "name is null");
        columnNames = List.copyOf(columnNames);
        if (query == null && execute == null) {
            throw new NullPointerException("query is null");
        }
    }

    /** {@code CREATE TABLE ... AS query}. */
    public CreateTableAsStatement(QualifiedName name, boolean temporary, boolean ifNotExists,
                                  List<String> columnNames, Query query, boolean withData, int position) {
        this(name, temporary, ifNotExists, columnNames, query, withData, position, null);
    }

    /**
     * {@code CREATE TABLE ... AS EXECUTE name [(arguments)]}: {@code query} is null until the session puts the
     * prepared statement's query in with {@link #withQuery}.
     */
    public static CreateTableAsStatement ofExecute(QualifiedName name, boolean temporary, boolean ifNotExists,
                                                   List<String> columnNames, ExecuteStatement execute,
                                                   boolean withData, int position) {
        return new CreateTableAsStatement(name, temporary, ifNotExists, columnNames, null, withData, position,
                requireNonNull(execute, "execute is null"));
    }

    /** This statement running {@code prepared} (the query of its EXECUTE's prepared statement). */
    public CreateTableAsStatement withQuery(Query prepared) {
        return new CreateTableAsStatement(name, temporary, ifNotExists, columnNames, prepared, withData, position,
                null);
    }
}
