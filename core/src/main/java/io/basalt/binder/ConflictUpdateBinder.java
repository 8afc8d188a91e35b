package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.UpdateStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the DO UPDATE action of INSERT ... ON CONFLICT: its SET list and WHERE condition over the stored row
 * (named by the INSERT's alias or else the table's name) followed by the proposed row, named {@code excluded},
 * as PostgreSQL scopes them (an unqualified column that both have is ambiguous). Each column that SET does not
 * name keeps its stored value. Subqueries in SET or WHERE (including {@code SET (a, b) = (SELECT ...)}) may read both
 * rows; with any, the action becomes a plan over the conflicting rows ({@link LogicalPlan.ComputedConflictUpdate}):
 * WHERE's subqueries and filter first, then SET's subqueries and the new versions.
 */
final class ConflictUpdateBinder {
    /** The name under which SET and WHERE see the row that INSERT proposed. */
    static final String EXCLUDED = "excluded";

    private ConflictUpdateBinder() {
    }

    /** The scope of SET and WHERE: the target's columns, then EXCLUDED's. */
    static Scope scope(TableEntry table, String alias) {
        List<Scope.Column> columns = new ArrayList<>(targetColumns(table, alias));
        columns.addAll(excludedColumns(table));
        return new Scope(columns);
    }

    /** The target's columns as RETURNING and DO UPDATE see them. */
    static List<Scope.Column> targetColumns(TableEntry table, String alias) {
        String qualifier = alias != null ? alias : table.name();
        List<Scope.Column> columns = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            columns.add(new Scope.Column(qualifier, column.name(), column.type(), alias != null ? table.name() : null));
        }
        return columns;
    }

    /** EXCLUDED's columns: a row of the table. */
    static List<Scope.Column> excludedColumns(TableEntry table) {
        List<Scope.Column> columns = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            columns.add(new Scope.Column(EXCLUDED, column.name(), column.type()));
        }
        return columns;
    }

    /** The DO UPDATE action, or null for DO NOTHING (and without ON CONFLICT). */
    static LogicalPlan.ConflictUpdate bind(InsertStatement insert, TableEntry table, BindContext context,
                                           Surroundings surroundings) {
        InsertStatement.OnConflict onConflict = insert.onConflict();
        if (onConflict == null || onConflict.doNothing()) {
            return null;
        }
        Scope scope = scope(table, insert.alias());
        int width = table.columns().size();
        List<BoundExpression> newRow = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            Scope.Column column = scope.columns().get(c);
            newRow.add(new BoundExpression.ColumnRef(c, column.qualifier(), column.name(), column.type(), 0));
        }
        ClauseSubqueries setSubqueries = new ClauseSubqueries(context, surroundings, scope);
        ExpressionBinder binder = new ExpressionBinder(scope, context.parameters(), "UPDATE", setSubqueries);
        boolean[] assigned = new boolean[width];
        boolean[] indirect = new boolean[width];
        for (UpdateStatement.Assignment written : onConflict.update()) {
            UpdateStatement.Assignment assignment = written.query() == null
                    ? MultipleAssignment.expandStars(written, scope)
                    : MultipleAssignment.expand(written, scope, context, surroundings);
            for (int i = 0; i < assignment.columns().size(); i++) {
                int column = UpdateBinder.targetColumn(table, assignment, i, insert.alias());
                Expression target = assignment.subscript(i);
                if (target != null && (!assigned[column] || indirect[column])
                        && !(assignment.values().get(i) instanceof Expression.Default)) {
                    // assignments into parts of one column combine, in order; its domain is checked at the end
                    ColumnEntry entry = table.columns().get(column);
                    BoundExpression value = IndirectAssignments.convertLeaf(binder.bind(assignment.values().get(i)),
                            target, entry, assignment.values().get(i).position());
                    newRow.set(column, IndirectAssignments.assign(newRow.get(column), target, value, entry, binder));
                    assigned[column] = true;
                    indirect[column] = true;
                    continue;
                }
                if (assigned[column]) {
                    throw BasaltException.of(SqlState.SYNTAX_ERROR,
                            "multiple assignments to same column \"" + table.columns().get(column).name() + "\"");
                }
                assigned[column] = true;
                Expression value = assignment.values().get(i);
                ColumnEntry entry = table.columns().get(column);
                if (value instanceof Expression.Default) {
                    newRow.set(column, InsertBinder.defaultValue(entry, context));
                } else {
                    IdentityColumns.checkUpdate(entry);
                    if (entry.generated()) {
                        throw GeneratedColumns.updateError(entry);
                    }
                    newRow.set(column, InsertBinder.assign(binder.bind(value), entry, value.position()));
                }
            }
        }
        for (int c = 0; c < width; c++) {
            if (indirect[c]) {
                newRow.set(c, DomainChecks.enforce(newRow.get(c), table.columns().get(c).type(), context.parameters()));
            }
        }
        BoundExpression condition = null;
        ClauseSubqueries whereSubqueries = new ClauseSubqueries(context, surroundings, scope);
        if (onConflict.updateWhere() != null) {
            condition = new ExpressionBinder(scope, context.parameters(), "WHERE", whereSubqueries)
                    .bindCondition(onConflict.updateWhere(), "WHERE");
        }
        if (GeneratedColumns.any(table.columns())) {
            newRow = GeneratedColumns.recompute(newRow, table, context);
        }
        if (setSubqueries.isEmpty() && whereSubqueries.isEmpty()) {
            return new LogicalPlan.ConflictUpdate(newRow, condition, null);
        }
        return new LogicalPlan.ConflictUpdate(newRow, condition, null, null,
                computed(scope, newRow, condition, setSubqueries, whereSubqueries));
    }

    /**
     * The plan of an action with subqueries: the pairs (scope's columns, then their position), WHERE's subqueries
     * applied and its condition kept, then SET's subqueries applied and the new row projected beside the position.
     */
    private static LogicalPlan.ComputedConflictUpdate computed(Scope scope, List<BoundExpression> newRow,
                                                               BoundExpression condition,
                                                               ClauseSubqueries setSubqueries,
                                                               ClauseSubqueries whereSubqueries) {
        List<io.basalt.type.LogicalType> types = new ArrayList<>();
        for (Scope.Column column : scope.columns()) {
            types.add(column.type());
        }
        int position = types.size();
        types.add(io.basalt.type.LogicalType.INTEGER);
        io.basalt.exec.operator.scan.LentRows input = new io.basalt.exec.operator.scan.LentRows(EXCLUDED, types);
        int[] columns = new int[types.size()];
        List<BoundExpression> pairColumns = new ArrayList<>(types.size());
        for (int c = 0; c < columns.length; c++) {
            columns[c] = c;
            pairColumns.add(new BoundExpression.ColumnRef(c, null, "column" + c, types.get(c), 0));
        }
        LogicalPlan plan = new LogicalPlan.Scan(input, columns, types);
        if (condition != null) {
            if (!whereSubqueries.isEmpty()) {
                plan = whereSubqueries.applyTo(plan);
                condition = whereSubqueries.place(condition, types.size());
            }
            plan = new LogicalPlan.Filter(plan, List.of(condition));
            if (!whereSubqueries.isEmpty()) {
                plan = new LogicalPlan.Project(plan, pairColumns);
            }
        }
        if (!setSubqueries.isEmpty()) {
            plan = setSubqueries.applyTo(plan);
            newRow = setSubqueries.placeAll(newRow, types.size());
        }
        List<BoundExpression> output = new ArrayList<>(newRow);
        output.add(pairColumns.get(position));
        return new LogicalPlan.ComputedConflictUpdate(new LogicalPlan.Project(plan, output), input);
    }
}
