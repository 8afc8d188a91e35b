package io.basalt.exec.operator;

/**
 * A {@link SinkState} that can take, in place of a piece's rows, the sums, counts and bounds of some columns over
 * them ({@link SummingSource}): an aggregation without GROUP BY whose every aggregate is a sum or average of a plain
 * integer or scaled NUMERIC column, a min or max of an integer-like or double column, a count of a column, or
 * {@code count(*)}. The result equals sinking the rows.
 */
public interface SummingSink {
    /**
     * The batch columns whose counts, sums and bounds are all this sink needs of a piece (possibly none, for
     * {@code count(*)} alone), or null when it needs the rows.
     */
    int[] summedColumns();

    /** Per {@link #summedColumns} entry: what of it is needed ({@link SummingSource#SUM}, {@link SummingSource#BOUNDS}). */
    int[] summedNeeds();

    /**
     * Adds a piece of {@code rows} rows, given as {@link SummingSource#sumNextPiece} filled {@code sums}, {@code valid},
     * {@code bounds} and {@code batchSums} for {@link #summedColumns}.
     */
    void addSums(long rows, long[] sums, long[] valid, long[] bounds, double[][] batchSums);
}
