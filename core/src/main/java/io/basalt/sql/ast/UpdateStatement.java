package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code UPDATE [ONLY] table [*] [[AS] alias] SET assignments [FROM items] [WHERE condition] [RETURNING items]}.
 * {@code alias} is null, {@code from} and {@code returning} empty, {@code where} null when not given; {@code with}
 * is the WITH clause written before UPDATE (null without one); {@code only}: ONLY, the table without its
 * inheritance children.
 */
public record UpdateStatement(QualifiedName table, String alias, List<Assignment> assignments, List<FromItem> from,
                              Expression where, List<SelectItem> returning, int position, With with, boolean only)
        implements Statement {
    /** An UPDATE of the table and its inheritance children ({@code only} false). */
    public UpdateStatement(QualifiedName table, String alias, List<Assignment> assignments, List<FromItem> from,
                           Expression where, List<SelectItem> returning, int position, With with) {
        this(table, alias, assignments, from, where, returning, position, with, false);
    }

    public UpdateStatement {
        assignments = List.copyOf(assignments);
        from = List.copyOf(from);
        returning = List.copyOf(returning);
    }

    /** An UPDATE without a WITH clause. */
    public UpdateStatement(QualifiedName table, String alias, List<Assignment> assignments, List<FromItem> from,
                           Expression where, List<SelectItem> returning, int position) {
        this(table, alias, assignments, from, where, returning, position, null);
    }

    /** This UPDATE headed by {@code newWith}. */
    public UpdateStatement withWith(With newWith) {
        return new UpdateStatement(table, alias, assignments, from, where, returning, position, newWith, only);
    }

    /**
     * One item of SET: {@code column = value} (one column, one value), {@code (c1, c2) = [ROW](v1, v2)} (as many
     * values as columns; a value may be {@link Expression.Default}) or {@code (c1, c2) = (SELECT ...)} ({@code query}
     * set, {@code values} the sub-SELECT as written, for its position). {@code indirection} marks a column followed
     * by a field name or subscript ({@code SET a[1] = ...}); {@code columnPositions} are the columns' positions.
     * {@code subscripts} has, per column, the subscripted target ({@link Expression.Subscript}s over the
     * {@link Expression.ColumnRef}) or null when the column is assigned whole or through a field selection (which
     * Basalt does not assign yet).
     */
    public record Assignment(List<String> columns, List<Integer> columnPositions, List<Expression> values, Query query,
                             boolean indirection, int position, List<Expression> subscripts) implements Node {
        public Assignment {
            columns = List.copyOf(columns);
            columnPositions = List.copyOf(columnPositions);
            values = List.copyOf(values);
            subscripts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(subscripts));
        }

        /** An assignment without subscripted targets. */
        public Assignment(List<String> columns, List<Integer> columnPositions, List<Expression> values, Query query,
                          boolean indirection, int position) {
            this(columns, columnPositions, values, query, indirection, position,
                    java.util.Collections.nCopies(columns.size(), null));
        }

        /** The subscripted target of column {@code i}, or null. */
        public Expression subscript(int i) {
            return i < subscripts.size() ? subscripts.get(i) : null;
        }
    }
}
