package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code INSERT INTO table [AS alias] [(columns)] {VALUES ... | query | DEFAULT VALUES} [RETURNING items]}.
 * {@code columns} is empty when no column list was written; {@code source} is null for DEFAULT VALUES;
 * {@code returning} is empty without RETURNING.
 */
public record InsertStatement(QualifiedName table, String alias, List<String> columns, Query source,
                              List<SelectItem> returning, int position) implements Statement {
    public InsertStatement {
        columns = List.copyOf(columns);
        returning = List.copyOf(returning);
    }
}
