package io.basalt.exec.operator.join;

/**
 * How a join treats rows without a partner, named from the probe side's point of view (the planner maps a
 * query's LEFT join onto RIGHT when it builds on the left input, and a query's semi or anti join onto RIGHT_SEMI
 * or RIGHT_ANTI when the rows it keeps are the smaller input).
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
    ANTI,
    /**
     * Each build row that has at least one match, once, with the build columns only: output after the probe side
     * ended, from the build rows' matched flags.
     */
    RIGHT_SEMI,
    /** Each build row that has no match (including rows with a NULL key), with the build columns only. */
    RIGHT_ANTI;

    /** Whether the output holds the build side's columns. */
    public boolean emitsBuildColumns() {
        return this != SEMI && this != ANTI;
    }

    /** Whether the output holds the probe side's columns. */
    public boolean emitsProbeColumns() {
        return this != RIGHT_SEMI && this != RIGHT_ANTI;
    }

    /** Whether matching pairs themselves are output (not only a verdict on the probe or build row). */
    boolean emitsPairs() {
        return this == INNER || this == LEFT || this == RIGHT || this == FULL;
    }

    /** Whether probe rows without a match appear in the output. */
    boolean keepsUnmatchedProbeRows() {
        return this == LEFT || this == FULL || this == ANTI;
    }

    /** Whether build rows without a match appear in the output (after the probe side ended). */
    boolean keepsUnmatchedBuildRows() {
        return this == RIGHT || this == FULL || this == RIGHT_ANTI;
    }

    /** Whether the probe records which build rows matched, for output after the probe side ended. */
    boolean marksBuildRows() {
        return keepsUnmatchedBuildRows() || this == RIGHT_SEMI;
    }

    /** Whether every probe row may stop at its first match (nothing but a verdict on the probe row is wanted). */
    boolean firstMatchDecides() {
        return this == SEMI || this == ANTI;
    }
}
