package io.basalt.engine;

import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.pipeline.OperatorProfile;
import io.basalt.plan.logical.ExplainPrinter;
import io.basalt.plan.logical.LogicalPlan;
import java.util.Locale;
import java.util.Map;

/**
 * EXPLAIN ANALYZE's per-node figures in PostgreSQL's text shape: a printed node's logical plan is mapped to the
 * operator the physical planner made of it, and that operator's {@link OperatorProfile} figures print as
 * {@code " (actual time=A..B rows=N loops=L)"}, or {@code " (actual rows=N loops=L)"} under TIMING OFF, or
 * {@code " (never executed)"} when no pipeline opened it. Rows are per loop, as PostgreSQL divides them; a write
 * without RETURNING produces none (its count is the command tag's), as in PostgreSQL. A node
 * the physical planner did not translate on its own (one folded into another's operator) prints nothing.
 */
final class ExplainActuals implements ExplainPrinter.NodeActuals {
    private final Map<LogicalPlan, PhysicalOperator> operators;
    private final OperatorProfile profile;
    private final boolean timing;

    ExplainActuals(Map<LogicalPlan, PhysicalOperator> operators, OperatorProfile profile, boolean timing) {
        this.operators = operators;
        this.profile = profile;
        this.timing = timing;
    }

    @Override
    public String text(LogicalPlan output) {
        PhysicalOperator operator = operators.get(output);
        if (operator == null) {
            return "";
        }
        OperatorProfile.Actuals actuals = profile.actuals(operator);
        if (actuals == null) {
            return " (never executed)";
        }
        // a write without RETURNING hands its row count to the command tag, not rows up the plan
        boolean silentWrite = output instanceof LogicalPlan.Write write && !write.returnsRows();
        long rows = silentWrite ? 0 : Math.round((double) actuals.rows() / actuals.loops());
        if (!timing) {
            return " (actual rows=" + rows + " loops=" + actuals.loops() + ")";
        }
        return String.format(Locale.ROOT, " (actual time=%.3f..%.3f rows=%d loops=%d)", actuals.firstMillis(),
                actuals.lastMillis(), rows, actuals.loops());
    }
}
