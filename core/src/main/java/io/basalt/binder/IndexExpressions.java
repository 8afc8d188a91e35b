package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the expressions of CREATE INDEX over the table's columns: key expressions, and the WHERE predicate of a
 * partial index, which must be boolean. Names that do not resolve fail as PostgreSQL reports them.
 */
public final class IndexExpressions {
    private IndexExpressions() {
    }

    public static BoundExpression bindKey(Expression expression, String tableName, List<ColumnEntry> columns,
                                          BindContext context) {
        return binder(tableName, columns, context, "index expressions").bind(expression);
    }

    public static BoundExpression bindPredicate(Expression predicate, String tableName, List<ColumnEntry> columns,
                                                BindContext context) {
        BoundExpression bound = binder(tableName, columns, context, "index predicates").bind(predicate);
        return ExpressionBinder.requireBoolean(bound, "WHERE");
    }

    private static ExpressionBinder binder(String tableName, List<ColumnEntry> columns, BindContext context,
                                           String clause) {
        List<Scope.Column> visible = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            visible.add(new Scope.Column(tableName, column.name(), column.type()));
        }
        return new ExpressionBinder(new Scope(visible), context.parameters(), clause);
    }
}
