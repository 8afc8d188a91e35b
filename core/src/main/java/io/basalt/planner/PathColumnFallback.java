package io.basalt.planner;

import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.plan.expression.BoundExpression;

/**
 * Plans the extraction a path column falls back to ({@link io.basalt.exec.function.json.PathValueFunction}) while the
 * optimizer rewrites the plan ({@code io.basalt.optimizer.rule.ReadShreddedPaths}): the same translation as every
 * other expression, reached from outside the planner package.
 */
public final class PathColumnFallback {
    private PathColumnFallback() {
    }

    /** {@code extraction} (reading the document as column 0) as a physical expression. */
    public static PhysicalExpression plan(BoundExpression extraction) {
        return ExpressionPlanner.plan(extraction);
    }
}
