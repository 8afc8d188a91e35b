package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import java.util.List;

/**
 * The condition of {@code COPY table FROM ... WHERE condition}: bound over the table's columns (every column,
 * whether the COPY lists it or not: the unlisted ones hold their defaults, as in PostgreSQL), boolean, and free of
 * aggregates, window functions and subqueries, with PostgreSQL's errors for each.
 */
public final class CopyWhereConditions {
    private static final String CLAUSE = "COPY FROM WHERE conditions";

    private CopyWhereConditions() {
    }

    /** The bound condition over a row of {@code columns}; throws PostgreSQL's error when it is not allowed. */
    public static BoundExpression bind(Expression condition, String tableName, List<ColumnEntry> columns,
                                       BindContext context) {
        return CheckConditions.bindOverRow(condition, tableName, columns, context, CLAUSE, e ->
                e.sqlState() == SqlState.FEATURE_NOT_SUPPORTED && e.getMessage() != null
                        && e.getMessage().startsWith("subqueries in ")
                        ? BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, e.position(),
                                "cannot use subquery in COPY FROM WHERE condition")
                        : e, "WHERE");
    }
}
