package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP] VIEW name [(column names)] [WITH (options)] AS query [WITH [CASCADED | LOCAL]
 * CHECK OPTION]}; {@code columnNames} is empty when not given; {@code checkOption} is null without a check option,
 * else "cascaded" or "local"; {@code options} are the WITH options as pg_class.reloptions keeps them
 * ({@code security_barrier=true}), in the order written.
 */
public record CreateViewStatement(QualifiedName name, boolean orReplace, boolean temporary, List<String> columnNames,
                                  Query query, int position, String checkOption, List<String> options)
        implements Statement {
    public CreateViewStatement {
        columnNames = List.copyOf(columnNames);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A view without WITH options but the check option. */
    public CreateViewStatement(QualifiedName name, boolean orReplace, boolean temporary, List<String> columnNames,
                               Query query, int position, String checkOption) {
        this(name, orReplace, temporary, columnNames, query, position, checkOption, List.of());
    }

    /** A view without a check option. */
    public CreateViewStatement(QualifiedName name, boolean orReplace, boolean temporary, List<String> columnNames,
                               Query query, int position) {
        this(name, orReplace, temporary, columnNames, query, position, null);
    }
}
