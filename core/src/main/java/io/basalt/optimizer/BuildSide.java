package io.basalt.optimizer;

import io.basalt.plan.logical.LogicalPlan;

/**
 * Which input of a join the hash join builds its table on, decided once here for the physical planner, EXPLAIN
 * and the plan costs. A join that outputs both inputs' columns builds on the smaller input by
 * {@link CardinalityEstimate}. A semi or anti join keeps rows of its left input, which it used to build on the
 * right one whatever its size (TPC-H Q4 built 3.8 million lineitem rows to test 57,000 orders); a hash semi or anti
 * join whose left input is under half its right one builds on the left instead and marks the build rows the right
 * input's rows meet (a "right" semi or anti join, as PostgreSQL 16+ names it).
 * {@code -Dbasalt.right_semi_join=off} keeps every semi and anti join built on its right input.
 */
public final class BuildSide {
    private static final boolean RIGHT_SEMI = !"off".equals(System.getProperty("basalt.right_semi_join"));

    private BuildSide() {
    }

    /** Whether {@code join} builds on its left input; {@code hashJoin}: whether it has equality keys to hash. */
    public static boolean buildsLeft(LogicalPlan.Join join, boolean hashJoin) {
        if (join.type().keepsRightColumns()) {
            return CardinalityEstimate.rows(join.left()) < CardinalityEstimate.rows(join.right());
        }
        return RIGHT_SEMI && hashJoin
                && (join.type() == LogicalPlan.JoinType.SEMI || join.type() == LogicalPlan.JoinType.ANTI)
                && 2.0 * CardinalityEstimate.rows(join.left()) < CardinalityEstimate.rows(join.right());
    }
}
