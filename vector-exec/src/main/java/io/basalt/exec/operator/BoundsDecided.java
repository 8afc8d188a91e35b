package io.basalt.exec.operator;

/**
 * An operator state (a filter) whose verdict on a whole piece of its input may follow from the piece's column counts
 * and bounds alone: every row passes, none does, or it depends on the rows. A {@link SummingSource} asks it before
 * handing a piece's sums to a {@link SummingSink} past it.
 */
public interface BoundsDecided {
    /** Every row of the piece passes. */
    int ALL = 1;
    /** No row of the piece passes. */
    int NONE = 0;
    /** The rows must be read. */
    int SOME = -1;

    /**
     * The input columns whose non-NULL counts and bounds {@link #decide} reads (integer-like or double columns), or
     * null when no bounds can decide.
     */
    int[] decidingColumns();

    /**
     * The verdict on a piece of {@code rows} rows, given for each {@code decidingColumns()[i]} its non-NULL count
     * {@code valid[at[i]]} and, when that is positive, its bounds {@code bounds[2 at[i]]} and
     * {@code bounds[2 at[i] + 1]} (longs, or the raw bits of doubles).
     */
    int decide(long rows, long[] valid, long[] bounds, int[] at);

    /**
     * The filter as comparisons of input columns with constants, every one to be true (NULL fails), for a source that
     * evaluates them on a piece's values itself when {@link #decide} says {@link #SOME}.
     */
    Comparisons comparisons();

    /**
     * Conjunct {@code i}: input column {@code columns[i]} {@code operators[i]} {@code constants[i]} (a long, or with
     * {@code doubles[i]} a double's raw bits).
     */
    record Comparisons(int[] columns, io.basalt.exec.kernel.CompareOp[] operators, long[] constants,
                       boolean[] doubles) {
    }
}
