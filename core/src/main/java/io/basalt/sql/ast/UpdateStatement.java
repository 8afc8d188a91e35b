package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code UPDATE [ONLY] table [*] [[AS] alias] SET assignments [FROM items] [WHERE condition] [RETURNING items]}.
 * {@code alias} is null, {@code from} and {@code returning} empty, {@code where} null when not given.
 */
public record UpdateStatement(QualifiedName table, String alias, List<Assignment> assignments, List<FromItem> from,
                              Expression where, List<SelectItem> returning, int position) implements Statement {
    public UpdateStatement {
        assignments = List.copyOf(assignments);
        from = List.copyOf(from);
        returning = List.copyOf(returning);
    }

    /**
     * One item of SET: {@code column = value} (one column, one value), {@code (c1, c2) = [ROW](v1, v2)} (as many
     * values as columns; a value may be {@link Expression.Default}) or {@code (c1, c2) = (SELECT ...)} ({@code query}
     * set, {@code values} empty). {@code indirection} marks a column followed by a field name or subscript
     * ({@code SET a[1] = ...}), which Basalt does not assign yet; {@code columnPositions} are the columns' positions.
     */
    public record Assignment(List<String> columns, List<Integer> columnPositions, List<Expression> values, Query query,
                             boolean indirection, int position) implements Node {
        public Assignment {
            columns = List.copyOf(columns);
            columnPositions = List.copyOf(columnPositions);
            values = List.copyOf(values);
        }
    }
}
