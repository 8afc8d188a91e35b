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
 * name keeps its stored value. Subqueries in SET or WHERE are not supported yet (0A000).
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
    static LogicalPlan.ConflictUpdate bind(InsertStatement insert, TableEntry table, BindContext context) {
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
        ExpressionBinder binder = new ExpressionBinder(scope, context.parameters(), "UPDATE");
        boolean[] assigned = new boolean[width];
        boolean[] indirect = new boolean[width];
        for (UpdateStatement.Assignment written : onConflict.update()) {
            if (written.query() != null) {
                throw ExpressionBinder.notYet("a multiple-column UPDATE from a sub-SELECT", written.position());
            }
            UpdateStatement.Assignment assignment = MultipleAssignment.expandStars(written, scope);
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
        if (onConflict.updateWhere() != null) {
            condition = new ExpressionBinder(scope, context.parameters(), "WHERE")
                    .bindCondition(onConflict.updateWhere(), "WHERE");
        }
        if (GeneratedColumns.any(table.columns())) {
            newRow = GeneratedColumns.recompute(newRow, table, context);
        }
        return new LogicalPlan.ConflictUpdate(newRow, condition, null);
    }
}
