package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the condition of a CHECK constraint when its table is created: over the table's own columns (column
 * reference i is column i), boolean, without subqueries, aggregates or window functions, with PostgreSQL's
 * errors for each.
 */
public final class CheckConditions {
    private static final String CLAUSE = "check constraints";

    private CheckConditions() {
    }

    /** The bound condition; throws PostgreSQL's error when the condition is not allowed. */
    public static BoundExpression bind(Expression condition, String tableName, List<ColumnEntry> columns,
                                       BindContext context) {
        return bindOverRow(condition, tableName, columns, context, CLAUSE, CheckConditions::translated, "CHECK");
    }

    /**
     * A boolean condition over one row of {@code columns} (named by {@code tableName}) for {@code clause}: the
     * binder's failures pass through {@code translate}, and a result that is not boolean is refused as
     * {@code booleanClause}'s. CHECK constraints and COPY FROM ... WHERE are such conditions.
     */
    static BoundExpression bindOverRow(Expression condition, String tableName, List<ColumnEntry> columns,
                                       BindContext context, String clause,
                                       java.util.function.UnaryOperator<BasaltException> translate,
                                       String booleanClause) {
        List<Scope.Column> visible = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            visible.add(new Scope.Column(tableName, column.name(), column.type()));
        }
        ExpressionBinder binder = new ExpressionBinder(new Scope(visible), context.parameters(), clause);
        BoundExpression bound;
        try {
            bound = binder.bind(condition);
        } catch (BasaltException e) {
            throw translate.apply(e);
        }
        return ExpressionBinder.requireBoolean(bound, booleanClause);
    }

    /** The binder's generic "not supported" errors, reworded as PostgreSQL words them for a CHECK constraint. */
    static BasaltException translated(BasaltException e) {
        if (e.sqlState() != SqlState.FEATURE_NOT_SUPPORTED || e.getMessage() == null) {
            return e;
        }
        if (e.getMessage().startsWith("subqueries in ")) {
            return BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, e.position(),
                    "cannot use subquery in check constraint");
        }
        if (e.getMessage().startsWith("window functions ")) {
            return BasaltException.at(SqlState.WINDOWING_ERROR, e.position(),
                    "window functions are not allowed in check constraints");
        }
        return e;
    }
}
