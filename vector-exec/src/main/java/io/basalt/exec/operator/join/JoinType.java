package io.basalt.exec.operator.join;

/**
 * How a join treats rows without a partner, named from the probe side's point of view (the planner maps a
 * query's LEFT join onto RIGHT when it builds on the left input).
 *
 * <p>A probe row "matches" a build row when their keys are equal (NULL keys never are) and the residual
 * condition, if any, is true for the pair.
 */
public enum JoinType {
    /** Matching pairs only. */
    INNER,
    /** Matching pairs, and every unmatched probe row with NULLs for the build columns. */
    LEFT,
    /** Matching pairs, and every unmatched build row with NULLs for the probe columns. */
    RIGHT,
    /** LEFT and RIGHT together. */
    FULL,
    /** Each probe row that has at least one match, once, with the probe columns only. */
    SEMI,
    /** Each probe row that has no match (including rows with a NULL key), with the probe columns only. */
    ANTI;

    /** Whether the output holds the build side's columns. */
    public boolean emitsBuildColumns() {
        return this != SEMI && this != ANTI;
    }

    /** Whether matching pairs themselves are output (not only a verdict on the probe row). */
    boolean emitsPairs() {
        return emitsBuildColumns();
    }

    /** Whether probe rows without a match appear in the output. */
    boolean keepsUnmatchedProbeRows() {
        return this == LEFT || this == FULL || this == ANTI;
    }

    /** Whether build rows without a match appear in the output (after the probe side ended). */
    boolean keepsUnmatchedBuildRows() {
        return this == RIGHT || this == FULL;
    }
}
