package io.basalt.optimizer.rule;

import io.basalt.plan.logical.LogicalPlan;

/**
 * One rewrite of the logical plan. A rule keeps the plan's meaning and its output columns; its class
 * comment shows the plan before and after.
 */
public interface OptimizerRule {
    LogicalPlan apply(LogicalPlan plan);
}
