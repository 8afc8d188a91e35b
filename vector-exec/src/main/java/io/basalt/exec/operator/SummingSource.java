package io.basalt.exec.operator;

/**
 * A {@link SourceState} that can hand over, in place of the rows of its next piece, the sums of some of its integer
 * columns over that piece: a table scan adding a stored row group straight from its encoded chunks (a constant chunk
 * as rows times its value, a frame of reference as rows times its base plus the packed offsets) instead of decoding
 * it. Asked only by a pipeline whose sole consumer is a {@link SummingSink} (an aggregation without GROUP BY that
 * needs nothing of the rows but those sums and counts).
 */
public interface SummingSource {
    /**
     * When the source stands between pieces and its next piece can be summed without reading its rows: adds, for each
     * batch column {@code columns[c]} (SMALLINT, INTEGER or BIGINT), the sum of the piece's non-NULL values to
     * {@code sums[2c]} and {@code sums[2c + 1]} (a signed 128-bit integer, low and high 64 bits) and their number to
     * {@code valid[c]}, moves past the piece and returns its row count. Otherwise -1 with nothing changed, and
     * {@link SourceState#next} goes on with the rows.
     */
    long sumNextPiece(int[] columns, long[] sums, long[] valid);
}
