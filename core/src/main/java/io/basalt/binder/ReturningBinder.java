package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the RETURNING list of INSERT, UPDATE or DELETE over the rows the statement changed: a projection on top
 * of the {@link LogicalPlan.Write}, whose output {@code scope} describes (the target table's columns, as the row
 * is after INSERT or UPDATE and before DELETE, then the columns of the FROM or USING items). Items are written
 * as in a SELECT list and may hold subqueries, correlated or not; aggregates are not allowed (42803).
 */
final class ReturningBinder {
    private ReturningBinder() {
    }

    static BoundQuery bind(List<SelectItem> returning, LogicalPlan.Write write, Scope scope, BindContext context,
                           Surroundings surroundings) {
        return bind(returning, (LogicalPlan) write, scope, context, surroundings);
    }

    /** RETURNING over {@code write}, the write itself or a projection of it ({@link ReturningOldNew}). */
    static BoundQuery bind(List<SelectItem> returning, LogicalPlan write, Scope scope, BindContext context,
                           Surroundings surroundings) {
        ClauseSubqueries subqueries = new ClauseSubqueries(context, surroundings, scope);
        ExpressionBinder binder = new ExpressionBinder(scope, context.parameters(), "RETURNING", subqueries);
        List<BoundExpression> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SelectItem item : returning) {
            switch (item) {
                case SelectItem.Star star -> {
                    String qualifier = star.qualifier() == null ? null : star.qualifier().last();
                    // old.* and new.* of a table without columns name nothing (and the list may end up empty)
                    boolean noColumns = scope.columns().isEmpty()
                            && ("old".equals(qualifier) || "new".equals(qualifier));
                    if (qualifier != null && !scope.hasQualifier(qualifier) && !noColumns) {
                        throw scope.missingQualifier(qualifier, star.position());
                    }
                    for (int index : scope.columnsOf(qualifier)) {
                        Scope.Column column = scope.columns().get(index);
                        items.add(new BoundExpression.ColumnRef(index, column.qualifier(), column.name(),
                                column.type(), star.position()));
                        names.add(column.name());
                    }
                }
                case SelectItem.Item expression when expression.expression()
                        instanceof io.basalt.sql.ast.Expression.FieldSelection selection
                        && selection.field().equals("*") -> {
                    // (record).* : one column per field, as in a SELECT list
                    BoundExpression record = binder.bind(selection.operand());
                    if (!record.type().isRecord()) {
                        throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, record.position(),
                                "type " + record.type().displayName() + " is not composite");
                    }
                    for (String field : record.type().record().fieldNames()) {
                        items.add(RecordExpressions.field(record, field, selection.position()));
                        names.add(field);
                    }
                }
                case SelectItem.Item expression -> {
                    items.add(binder.bind(expression.expression()));
                    names.add(expression.alias() != null ? expression.alias()
                            : ColumnNaming.figure(expression.expression()));
                }
            }
        }
        if (items.isEmpty()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, returning.getFirst().position(),
                    "RETURNING must have at least one column");
        }
        LogicalPlan input = write;
        if (!subqueries.isEmpty()) {
            // the subqueries join the changed rows, which the write produces once, as any other input
            input = subqueries.applyTo(write);
            items = subqueries.placeAll(items, scope.columns().size());
        }
        return new BoundQuery(new LogicalPlan.Project(input, items), names);
    }
}
