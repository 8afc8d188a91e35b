package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP] VIEW name [(column names)] AS query}; {@code columnNames} is empty when not
 * given.
 */
public record CreateViewStatement(QualifiedName name, boolean orReplace, boolean temporary, List<String> columnNames,
                                  Query query, int position) implements Statement {
    public CreateViewStatement {
        columnNames = List.copyOf(columnNames);
    }
}
