package io.basalt.binder.viewwrite;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.UpdateStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of {@link ViewWrites}: an INSERT, UPDATE or DELETE on an updatable view turned into the same statement
 * on the relation the view reads.
 */
final class StatementRewrite {
    private StatementRewrite() {
    }

    static InsertStatement insert(InsertStatement insert, UpdatableView view, ColumnSubstitution substitution) {
        List<String> viewColumns = insert.columns();
        if (viewColumns.isEmpty() && insert.source() != null) {
            int width = ViewWrites.sourceWidth(insert.source());
            List<String> all = view.view().columnNames();
            viewColumns = width < 0 || width > all.size() ? all : all.subList(0, width);
        }
        List<String> columns = new ArrayList<>();
        for (String column : viewColumns) {
            columns.add(baseColumn(view, column, "cannot insert into column"));
        }
        Query source = withViewDefaults(insert.source(), viewColumns, columns, view);
        InsertStatement.OnConflict onConflict = insert.onConflict();
        if (onConflict != null) {
            List<String> targets = new ArrayList<>();
            for (String column : onConflict.targetColumns()) {
                String base = column(view, column);
                targets.add(base == null ? column : base);
            }
            ColumnSubstitution excluded = excluded(view);
            List<UpdateStatement.Assignment> assignments = new ArrayList<>();
            for (UpdateStatement.Assignment assignment : onConflict.update()) {
                assignments.add(assignment(assignment, view, substitution, excluded));
            }
            List<Expression> targetExpressions = new ArrayList<>();
            for (Expression target : onConflict.targetExpressions()) {
                targetExpressions.add(substitution.apply(target));
            }
            onConflict = new InsertStatement.OnConflict(targets, onConflict.constraint(), assignments,
                    excluded.apply(substitution.apply(onConflict.updateWhere())), onConflict.position(),
                    substitution.apply(onConflict.targetWhere()), targetExpressions);
        }
        return new InsertStatement(view.base().name(), view.base().alias(), columns, source, onConflict,
                returning(insert.returning(), view, substitution.withRows(false, true)), insert.position(),
                insert.columnSubscripts(),
                insert.with(), insert.overriding());
    }

    /**
     * The INSERT's rows with the view's column defaults: a view column left out that has one gets it (added to
     * {@code columns}), and a DEFAULT written in VALUES for such a column is replaced by it.
     */
    private static Query withViewDefaults(Query source, List<String> viewColumns, List<String> columns,
                                          UpdatableView view) {
        List<String> names = view.view().columnNames();
        List<Expression> added = new ArrayList<>();
        for (int c = 0; c < names.size() && c < view.baseColumns().size(); c++) {
            Expression value = view.view().columnDefaults().get(c);
            if (value != null && view.baseColumns().get(c) != null && !viewColumns.contains(names.get(c))) {
                added.add(value);
                columns.add(view.baseColumns().get(c));
            }
        }
        boolean explicitDefaults = false;
        for (String column : viewColumns) {
            explicitDefaults |= view.view().columnDefaults().get(names.indexOf(column)) != null;
        }
        if (added.isEmpty() && !explicitDefaults) {
            return source;
        }
        int position = source == null ? 0 : source.position();
        if (source == null) {
            return new Query(new QueryBody.Values(List.of(added), position), List.of(), null, null, position);
        }
        if (source.body() instanceof QueryBody.Values values && source.orderBy().isEmpty() && source.limit() == null
                && source.offset() == null && source.with() == null) {
            List<List<Expression>> rows = new ArrayList<>();
            for (List<Expression> row : values.rows()) {
                List<Expression> filled = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    Expression value = row.get(c);
                    if (value instanceof Expression.Default && c < viewColumns.size()) {
                        Expression viewDefault = view.view().columnDefaults().get(names.indexOf(viewColumns.get(c)));
                        value = viewDefault != null ? viewDefault : value;
                    }
                    filled.add(value);
                }
                filled.addAll(added);
                rows.add(filled);
            }
            return new Query(new QueryBody.Values(rows, values.position()), List.of(), null, null, position);
        }
        if (added.isEmpty()) {
            return source;
        }
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem.Star(null, position));
        for (Expression value : added) {
            items.add(new SelectItem.Item(value, null, position));
        }
        FromItem.Subquery rows = new FromItem.Subquery(source, false, "rows_written", List.of(), position);
        return new Query(new QueryBody.Select(false, items, List.of(rows), null, List.of(), null, position),
                List.of(), null, null, position);
    }

    static UpdateStatement update(UpdateStatement update, UpdatableView view, ColumnSubstitution substitution) {
        List<UpdateStatement.Assignment> assignments = new ArrayList<>();
        for (UpdateStatement.Assignment assignment : update.assignments()) {
            assignments.add(assignment(assignment, view, substitution, null));
        }
        return new UpdateStatement(view.base().name(), view.base().alias(), assignments, update.from(),
                where(substitution.apply(update.where()), view.where()),
                returning(update.returning(), view, substitution.withRows(true, true)), update.position(), update.with(),
                false);
    }

    static DeleteStatement delete(DeleteStatement delete, UpdatableView view, ColumnSubstitution substitution) {
        return new DeleteStatement(view.base().name(), view.base().alias(), delete.using(),
                where(substitution.apply(delete.where()), view.where()),
                returning(delete.returning(), view, substitution.withRows(true, false)), delete.position(),
                delete.with(), false);
    }

    private static Expression where(Expression statement, Expression view) {
        if (view == null) {
            return statement;
        }
        return statement == null ? view : new Expression.Binary("AND", statement, view, statement.position());
    }

    private static UpdateStatement.Assignment assignment(UpdateStatement.Assignment assignment, UpdatableView view,
                                                         ColumnSubstitution substitution,
                                                         ColumnSubstitution excluded) {
        List<String> columns = new ArrayList<>();
        for (String column : assignment.columns()) {
            columns.add(baseColumn(view, column, "cannot update column"));
        }
        List<Expression> values = substitution.all(assignment.values());
        if (excluded != null) {
            values = excluded.all(values);
        }
        return new UpdateStatement.Assignment(columns, assignment.columnPositions(), values, assignment.query(),
                assignment.indirection(), assignment.position(), assignment.subscripts());
    }

    /** {@code excluded.c} of a view column as {@code excluded.} its base column. */
    private static ColumnSubstitution excluded(UpdatableView view) {
        Map<String, Expression> columns = new HashMap<>();
        for (int c = 0; c < view.baseColumns().size(); c++) {
            String base = view.baseColumns().get(c);
            if (base != null) {
                columns.put(view.view().columnNames().get(c), new Expression.ColumnRef(List.of("excluded", base), 0));
            }
        }
        return new ColumnSubstitution(columns, Set.of("excluded"), true);
    }

    /** The base column view column {@code column} is; the errors PostgreSQL gives otherwise. */
    private static String baseColumn(UpdatableView view, String column, String action) {
        int index = view.view().columnNames().indexOf(column);
        if (index < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                    + view.view().name() + "\" does not exist");
        }
        String base = index < view.baseColumns().size() ? view.baseColumns().get(index) : null;
        if (base == null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, action + " \"" + column + "\" of view \""
                            + view.view().name() + "\"")
                    .withDetail("View columns that are not columns of their base relation are not updatable.");
        }
        return base;
    }

    private static String column(UpdatableView view, String column) {
        int index = view.view().columnNames().indexOf(column);
        return index < 0 || index >= view.baseColumns().size() ? null : view.baseColumns().get(index);
    }

    /** RETURNING over the view's columns: {@code *} is the view's columns, each under the view's name for it. */
    private static List<SelectItem> returning(List<SelectItem> items, UpdatableView view,
                                              ColumnSubstitution substitution) {
        List<SelectItem> result = new ArrayList<>();
        for (SelectItem item : items) {
            switch (item) {
                case SelectItem.Star star -> {
                    for (int c = 0; c < view.expressions().size(); c++) {
                        result.add(new SelectItem.Item(view.expressions().get(c), view.view().columnNames().get(c),
                                star.position()));
                    }
                }
                case SelectItem.Item expression -> {
                    String alias = expression.alias();
                    if (alias == null && expression.expression() instanceof Expression.ColumnRef reference) {
                        alias = reference.parts().getLast();
                    }
                    result.add(new SelectItem.Item(substitution.apply(expression.expression()), alias,
                            expression.position()));
                }
            }
        }
        return result;
    }
}
