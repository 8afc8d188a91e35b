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
        BoundExpression bound = bindCondition(condition, tableName, columns, context);
        java.util.BitSet read = new java.util.BitSet();
        io.basalt.plan.expression.ColumnReferences.collect(bound, read);
        for (int c = read.nextSetBit(0); c >= 0 && c < columns.size(); c = read.nextSetBit(c + 1)) {
            if (columns.get(c).generated()) {
                // generated columns get their values after the condition filtered the row
                throw BasaltException.of(SqlState.INVALID_COLUMN_REFERENCE,
                                "generated columns are not supported in " + CLAUSE)
                        .withDetail("Column \"" + columns.get(c).name() + "\" is a generated column.");
            }
        }
        return bound;
    }

    private static BoundExpression bindCondition(Expression condition, String tableName, List<ColumnEntry> columns,
                                                 BindContext context) {
        return CheckConditions.bindOverRow(condition, tableName, columns, context, CLAUSE, e ->
                e.sqlState() == SqlState.FEATURE_NOT_SUPPORTED && e.getMessage() != null
                        && e.getMessage().startsWith("subqueries in ")
                        ? BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, e.position(),
                                "cannot use subquery in COPY FROM WHERE condition")
                        : e, "WHERE");
    }
}
