package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP] VIEW name [(column names)] [WITH (options)] AS query [WITH [CASCADED | LOCAL]
 * CHECK OPTION]}; {@code columnNames} is empty when not given; {@code checkOption} is null without a check option,
 * else "cascaded" or "local".
 */
public record CreateViewStatement(QualifiedName name, boolean orReplace, boolean temporary, List<String> columnNames,
                                  Query query, int position, String checkOption) implements Statement {
    public CreateViewStatement {
        columnNames = List.copyOf(columnNames);
    }

    /** A view without a check option. */
    public CreateViewStatement(QualifiedName name, boolean orReplace, boolean temporary, List<String> columnNames,
                               Query query, int position) {
        this(name, orReplace, temporary, columnNames, query, position, null);
    }
}
