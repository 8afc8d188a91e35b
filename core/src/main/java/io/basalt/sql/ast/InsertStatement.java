package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code INSERT INTO table [AS alias] [(columns)] {VALUES ... | query | DEFAULT VALUES} [ON CONFLICT ...]
 * [RETURNING items]}. {@code columns} is empty when no column list was written; {@code source} is null for
 * DEFAULT VALUES; {@code onConflict} is null without ON CONFLICT; {@code returning} is empty without RETURNING;
 * {@code columnSubscripts} (see {@link #columnSubscript}); {@code with} is the WITH clause written before INSERT
 * (null without one); {@code overriding} is the OVERRIDING clause, null without one.
 */
public record InsertStatement(QualifiedName table, String alias, List<String> columns, Query source,
                              OnConflict onConflict, List<SelectItem> returning, int position,
                              List<Expression> columnSubscripts, With with, Overriding overriding)
        implements Statement {
    /** {@code OVERRIDING SYSTEM VALUE} (identity values written are kept) or {@code OVERRIDING USER VALUE}. */
    public enum Overriding {
        SYSTEM_VALUE, USER_VALUE
    }

    public InsertStatement {
        columns = List.copyOf(columns);
        returning = List.copyOf(returning);
        columnSubscripts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(columnSubscripts));
    }

    /**
     * An INSERT whose target columns are written whole. ({@code columnSubscripts} has, per target column, its
     * subscripted form {@code a[1:2]} as {@link Expression.Subscript}s over the column, or null.)
     */
    public InsertStatement(QualifiedName table, String alias, List<String> columns, Query source,
                           OnConflict onConflict, List<SelectItem> returning, int position) {
        this(table, alias, columns, source, onConflict, returning, position, List.of(), null, null);
    }

    /** An INSERT without an OVERRIDING clause. */
    public InsertStatement(QualifiedName table, String alias, List<String> columns, Query source,
                           OnConflict onConflict, List<SelectItem> returning, int position,
                           List<Expression> columnSubscripts, With with) {
        this(table, alias, columns, source, onConflict, returning, position, columnSubscripts, with, null);
    }

    /** An INSERT with subscripted target columns and without a WITH clause. */
    public InsertStatement(QualifiedName table, String alias, List<String> columns, Query source,
                           OnConflict onConflict, List<SelectItem> returning, int position,
                           List<Expression> columnSubscripts) {
        this(table, alias, columns, source, onConflict, returning, position, columnSubscripts, null, null);
    }

    /**
     * The form of target column {@code i} through an indirection (subscripts, fields), or null when it is written
     * plain (the list then holds null or a bare {@link Expression.ColumnRef} for its position).
     */
    public Expression columnSubscript(int i) {
        Expression target = i < columnSubscripts.size() ? columnSubscripts.get(i) : null;
        return target instanceof Expression.ColumnRef ? null : target;
    }

    /** Where target column {@code i} is written, or the statement's position when that is not known. */
    public int columnPosition(int i) {
        Expression target = i < columnSubscripts.size() ? columnSubscripts.get(i) : null;
        while (target instanceof Expression.Subscript || target instanceof Expression.FieldSelection) {
            target = target instanceof Expression.Subscript subscript ? subscript.operand()
                    : ((Expression.FieldSelection) target).operand();
        }
        return target != null ? target.position() : position;
    }

    /** This INSERT headed by {@code newWith}. */
    public InsertStatement withWith(With newWith) {
        return new InsertStatement(table, alias, columns, source, onConflict, returning, position, columnSubscripts,
                newWith, overriding);
    }

    /** An INSERT without ON CONFLICT. */
    public InsertStatement(QualifiedName table, String alias, List<String> columns, Query source,
                           List<SelectItem> returning, int position) {
        this(table, alias, columns, source, null, returning, position);
    }

    /**
     * {@code ON CONFLICT [(columns) [WHERE predicate] | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ...
     * [WHERE ...]}: the conflict target ({@code targetColumns} empty and {@code constraint} null when none is
     * written; {@code targetWhere} the predicate that lets a partial unique index arbitrate, null when none;
     * {@code targetExpressions} the expressions of the target, {@code (lower(x))}, that an index over expressions
     * must have) and the action ({@code update} empty for DO NOTHING).
     */
    public record OnConflict(List<String> targetColumns, String constraint, List<UpdateStatement.Assignment> update,
                             Expression updateWhere, int position, Expression targetWhere,
                             List<Expression> targetExpressions) implements Node {
        public OnConflict {
            targetColumns = List.copyOf(targetColumns);
            update = List.copyOf(update);
            targetExpressions = targetExpressions == null ? List.of() : List.copyOf(targetExpressions);
        }

        /** A target without expressions. */
        public OnConflict(List<String> targetColumns, String constraint, List<UpdateStatement.Assignment> update,
                          Expression updateWhere, int position, Expression targetWhere) {
            this(targetColumns, constraint, update, updateWhere, position, targetWhere, List.of());
        }

        /** Whether a target (columns or expressions) is written in parentheses. */
        public boolean hasTarget() {
            return !targetColumns.isEmpty() || !targetExpressions.isEmpty();
        }

        public boolean doNothing() {
            return update.isEmpty();
        }
    }
}
