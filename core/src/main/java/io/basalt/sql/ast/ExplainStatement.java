package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code EXPLAIN [ANALYZE] [VERBOSE] statement} and {@code EXPLAIN (option [value], ...) statement}, where the
 * statement is a query, an INSERT or an EXECUTE.
 */
public record ExplainStatement(List<ExplainOption> options, Statement statement, int position) implements Statement {
    public ExplainStatement {
        options = List.copyOf(options);
        requireNonNull(statement, "statement is null");
    }
}
