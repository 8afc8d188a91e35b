package io.basalt.exec.operator;

/**
 * A {@link SinkState} that can take, in place of a piece's rows, the sums, counts and bounds of some integer columns
 * over them ({@link SummingSource}): an aggregation without GROUP BY whose every aggregate is a sum, average, count,
 * min or max of a plain integer column, or {@code count(*)}. The result equals sinking the rows.
 */
public interface SummingSink {
    /**
     * The batch columns (SMALLINT, INTEGER or BIGINT; possibly none, for {@code count(*)} alone) whose sums, counts
     * and bounds are all this sink needs of a piece, or null when it needs the rows.
     */
    int[] summedColumns();

    /**
     * Adds a piece of {@code rows} rows, given as {@link SummingSource#sumNextPiece} filled {@code sums}, {@code valid}
     * and {@code bounds} for {@link #summedColumns}.
     */
    void addSums(long rows, long[] sums, long[] valid, long[] bounds);
}
