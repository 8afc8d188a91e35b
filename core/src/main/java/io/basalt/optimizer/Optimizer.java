package io.basalt.optimizer;

import io.basalt.optimizer.rule.OptimizerRule;
import io.basalt.optimizer.rule.PruneColumns;
import io.basalt.plan.logical.LogicalPlan;
import java.util.List;

/** The rule catalogue, in the order the rules run. */
public final class Optimizer {
    private static final List<OptimizerRule> RULES = List.of(
            new PruneColumns());

    private Optimizer() {
    }

    public static LogicalPlan optimize(LogicalPlan plan) {
        LogicalPlan current = plan;
        for (OptimizerRule rule : RULES) {
            current = rule.apply(current);
        }
        return current;
    }
}
