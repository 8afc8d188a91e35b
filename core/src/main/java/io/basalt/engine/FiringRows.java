package io.basalt.engine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.StatementRows;
import io.basalt.routine.ValueCasts;
import io.basalt.rule.RuleRelation;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a write fires a relation's rules or INSTEAD OF triggers for, computed before anything is written:
 * for INSERT the new rows (the source's values cast to the relation's column types, the columns not written
 * filled from the view's column defaults or NULL), for UPDATE the old row and the new row of each row the
 * statement reaches, for DELETE the old rows. UPDATE and DELETE read them with a SELECT over the relation and the
 * statement's FROM / USING items, under the statement's WHERE, so every expression is bound in the scope the
 * statement itself gives it.
 */
final class FiringRows {
    /**
     * The rows: each holds the old row's values (when {@code hasOld}) then the new row's (when {@code hasNew}),
     * {@code width} values each, typed by {@code types}.
     */
    record Rows(int width, boolean hasOld, boolean hasNew, List<LogicalType> types, List<Object[]> rows) {
        /** Where the new row starts in a row. */
        int newStart() {
            return hasOld ? width : 0;
        }
    }

    private FiringRows() {
    }

    /** The new rows of an INSERT into {@code relation}. */
    static Rows ofInsert(InsertStatement insert, RuleRelation relation, RoutineRuntime runtime,
                         List<BoundExpression.Constant> parameters) {
        int width = relation.columnNames().size();
        List<Integer> targets = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            for (int c = 0; c < width; c++) {
                targets.add(c);
            }
        } else {
            for (String column : insert.columns()) {
                int index = relation.columnIndex(column);
                if (index < 0) {
                    throw BasaltException.at(SqlState.UNDEFINED_COLUMN, insert.position(), "column \"" + column
                            + "\" of relation \"" + relation.name() + "\" does not exist");
                }
                targets.add(index);
            }
        }
        List<Object[]> sourceRows = new ArrayList<>();
        List<LogicalType> sourceTypes = List.of();
        List<boolean[]> defaults = new ArrayList<>();
        if (insert.source() == null) {
            sourceRows.add(new Object[0]);
            defaults.add(new boolean[0]);
            targets = List.of();
        } else {
            Query source = insert.source();
            if (source.body() instanceof QueryBody.Values values && source.orderBy().isEmpty()) {
                List<List<Expression>> rows = new ArrayList<>();
                for (List<Expression> row : values.rows()) {
                    boolean[] isDefault = new boolean[row.size()];
                    List<Expression> replaced = new ArrayList<>();
                    for (int c = 0; c < row.size(); c++) {
                        isDefault[c] = row.get(c) instanceof Expression.Default;
                        replaced.add(isDefault[c] ? new Expression.NullLiteral(row.get(c).position()) : row.get(c));
                    }
                    rows.add(replaced);
                    defaults.add(isDefault);
                }
                source = new Query(source.with(), new QueryBody.Values(rows, values.position()), source.orderBy(),
                        source.limit(), source.offset(), source.position());
            }
            StatementRows read = runtime.run(new QueryStatement(source, source.position()), parameters);
            sourceRows.addAll(read.rows());
            sourceTypes = read.types();
            if (!read.rows().isEmpty() && sourceTypes.size() > targets.size()) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, insert.position(),
                        "INSERT has more expressions than target columns");
            }
            if (insert.columns().isEmpty()) {
                targets = targets.subList(0, Math.min(targets.size(), sourceTypes.size()));
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < sourceRows.size(); r++) {
            Object[] source = sourceRows.get(r);
            boolean[] isDefault = r < defaults.size() ? defaults.get(r) : new boolean[0];
            Object[] row = new Object[width];
            boolean[] written = new boolean[width];
            for (int i = 0; i < targets.size() && i < source.length; i++) {
                int column = targets.get(i);
                written[column] = !(i < isDefault.length && isDefault[i]);
                if (written[column]) {
                    row[column] = ValueCasts.to(new BoundExpression.Constant(source[i], sourceTypes.get(i), 0),
                            relation.columnTypes().get(column), runtime).value();
                }
            }
            for (int c = 0; c < width; c++) {
                if (!written[c]) {
                    row[c] = defaultValue(relation, c, runtime);
                }
            }
            rows.add(row);
        }
        return new Rows(width, false, true, relation.columnTypes(), rows);
    }

    /** The value a view column's DEFAULT gives (NULL without one). */
    private static Object defaultValue(RuleRelation relation, int column, RoutineRuntime runtime) {
        if (!relation.view()) {
            return null;
        }
        Expression expression = relation.viewEntry().columnDefaults().get(column);
        if (expression == null) {
            return null;
        }
        QueryBody.Select select = new QueryBody.Select(false, List.of(new SelectItem.Item(expression, null, 0)),
                List.of(), null, List.of(), null, 0);
        StatementRows read = runtime.run(new QueryStatement(new Query(select, List.of(), null, null, 0), 0),
                List.of());
        return ValueCasts.to(new BoundExpression.Constant(read.rows().getFirst()[0], read.types().getFirst(), 0),
                relation.columnTypes().get(column), runtime).value();
    }

    /** The old and new rows of an UPDATE of {@code relation}. */
    static Rows ofUpdate(UpdateStatement update, RuleRelation relation, RoutineRuntime runtime,
                         List<BoundExpression.Constant> parameters) {
        int width = relation.columnNames().size();
        Expression[] assigned = new Expression[width];
        for (UpdateStatement.Assignment assignment : update.assignments()) {
            if (assignment.query() != null || assignment.indirection()
                    || assignment.columns().size() != assignment.values().size()) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, assignment.position(),
                        "this SET clause on a relation with rules or INSTEAD OF triggers is not supported yet");
            }
            for (int i = 0; i < assignment.columns().size(); i++) {
                String column = assignment.columns().get(i);
                int index = relation.columnIndex(column);
                if (index < 0) {
                    throw BasaltException.at(SqlState.UNDEFINED_COLUMN, assignment.columnPositions().get(i),
                            "column \"" + column + "\" of relation \"" + relation.name() + "\" does not exist");
                }
                Expression value = assignment.values().get(i);
                assigned[index] = value instanceof Expression.Default ? new Expression.NullLiteral(value.position())
                        : value;
            }
        }
        String qualifier = update.alias() != null ? update.alias() : update.table().last();
        List<SelectItem> items = new ArrayList<>();
        for (String column : relation.columnNames()) {
            items.add(new SelectItem.Item(new Expression.ColumnRef(List.of(qualifier, column), update.position()),
                    null, update.position()));
        }
        for (int c = 0; c < width; c++) {
            Expression value = assigned[c] != null ? assigned[c]
                    : new Expression.ColumnRef(List.of(qualifier, relation.columnNames().get(c)), update.position());
            items.add(new SelectItem.Item(value, null, update.position()));
        }
        List<FromItem> from = new ArrayList<>();
        from.add(new FromItem.Table(update.table(), update.alias(), List.of(), update.position(), update.only()));
        from.addAll(update.from());
        StatementRows read = read(items, from, update.where(), update.with(), update.position(), runtime,
                parameters);
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : read.rows()) {
            Object[] cast = row.clone();
            for (int c = 0; c < width; c++) {
                cast[width + c] = ValueCasts.to(new BoundExpression.Constant(row[width + c],
                        read.types().get(width + c), 0), relation.columnTypes().get(c), runtime).value();
            }
            rows.add(cast);
        }
        List<LogicalType> types = new ArrayList<>(relation.columnTypes());
        types.addAll(relation.columnTypes());
        return new Rows(width, true, true, types, rows);
    }

    /** The old rows of a DELETE from {@code relation}. */
    static Rows ofDelete(DeleteStatement delete, RuleRelation relation, RoutineRuntime runtime,
                         List<BoundExpression.Constant> parameters) {
        String qualifier = delete.alias() != null ? delete.alias() : delete.table().last();
        List<SelectItem> items = new ArrayList<>();
        for (String column : relation.columnNames()) {
            items.add(new SelectItem.Item(new Expression.ColumnRef(List.of(qualifier, column), delete.position()),
                    null, delete.position()));
        }
        List<FromItem> from = new ArrayList<>();
        from.add(new FromItem.Table(delete.table(), delete.alias(), List.of(), delete.position(), delete.only()));
        from.addAll(delete.using());
        StatementRows read = read(items, from, delete.where(), delete.with(), delete.position(), runtime,
                parameters);
        return new Rows(relation.columnNames().size(), true, false, relation.columnTypes(), read.rows());
    }

    private static StatementRows read(List<SelectItem> items, List<FromItem> from, Expression where,
                                      io.basalt.sql.ast.With with, int position, RoutineRuntime runtime,
                                      List<BoundExpression.Constant> parameters) {
        QueryBody.Select select = new QueryBody.Select(false, items, from, where, List.of(), null, position);
        return runtime.run(new QueryStatement(new Query(with, select, List.of(), null, null, position), position),
                parameters);
    }
}
