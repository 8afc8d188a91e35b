package io.basalt.planner;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.storage.table.RowCondition;

/**
 * Turns the bound WHERE predicate of a partial unique index into the condition its store's unique key asks about
 * each row, and the key expressions of a unique index over expressions into what computes them, planned over the
 * table's full row (column i of the row is the table's column i).
 */
public final class IndexPredicatePlanner {
    private IndexPredicatePlanner() {
    }

    public static RowCondition plan(BoundExpression predicate) {
        return new RowCondition(ExpressionPlanner.plan(predicate));
    }

    /** A key expression of a unique index over expressions, planned over the table's full row. */
    public static io.basalt.exec.expression.PhysicalExpression planKey(BoundExpression expression) {
        return ExpressionPlanner.plan(expression);
    }
}
