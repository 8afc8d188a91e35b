package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code COPY table [(columns)] FROM 'file' | STDIN [options] [WHERE condition]} and
 * {@code COPY table [(columns)] | (query) TO 'file' | STDOUT [options]}. Exactly one of {@code table} and
 * {@code query} is set; {@code columns} is empty when none were listed; {@code fileName} is null for STDIN and
 * STDOUT; {@code program} says the file name is a shell command ({@code PROGRAM}); {@code where} is null
 * without a WHERE clause. The options are as written, checked when the statement runs.
 */
public record CopyStatement(QualifiedName table, List<String> columns, Query query, boolean from, String fileName,
                            boolean program, List<CopyOption> options, Expression where, int position)
        implements Statement {
    public CopyStatement {
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("COPY names a table or a query");
        }
        columns = List.copyOf(columns);
        options = List.copyOf(requireNonNull(options, "options is null"));
    }
}
