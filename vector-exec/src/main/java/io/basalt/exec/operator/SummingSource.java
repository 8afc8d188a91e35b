package io.basalt.exec.operator;

/**
 * A {@link SourceState} that can hand over, in place of the rows of its next piece, the sums, counts and bounds of
 * some of its integer columns over that piece: a table scan adding a stored row group straight from its encoded chunks (a constant chunk
 * as rows times its value, a frame of reference as rows times its base plus the packed offsets) instead of decoding
 * it. Asked only by a pipeline whose sole consumer is a {@link SummingSink} (an aggregation without GROUP BY that
 * needs nothing of the rows but those).
 */
public interface SummingSource {
    /**
     * When the source stands between pieces and its next piece can be summed without reading its rows: sets, for
     * each batch column {@code columns[c]} (SMALLINT, INTEGER or BIGINT), {@code sums[2c]} and {@code sums[2c + 1]} to
     * the sum of the piece's non-NULL values (a signed 128-bit integer, low and high 64 bits), {@code valid[c]} to
     * their number and, when there are any, {@code bounds[2c]} and {@code bounds[2c + 1]} to their smallest and
     * largest; moves past the piece and returns its row count. Otherwise -1, and {@link SourceState#next} goes on with
     * the rows (the arrays may have been written).
     */
    long sumNextPiece(int[] columns, long[] sums, long[] valid, long[] bounds);
}
