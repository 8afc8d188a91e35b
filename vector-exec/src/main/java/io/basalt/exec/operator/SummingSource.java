package io.basalt.exec.operator;

/**
 * A {@link SourceState} that can hand over, in place of the rows of its next piece, the sums, counts and bounds of
 * some of its columns over that piece: a table scan adding a stored row group straight from its encoded chunks (a
 * constant chunk as rows times its value, a frame of reference as rows times its base plus the packed offsets, NULLs
 * as a mask) and zone maps instead of decoding it. Asked only by a pipeline whose sole consumer is a
 * {@link SummingSink} (an aggregation without GROUP BY that needs nothing of the rows but those), possibly through one
 * filter that a piece's bounds decide ({@link BoundsDecided}).
 */
public interface SummingSource {
    /** A need of {@link #sumNextPiece}: the sum of the column's non-NULL values. */
    int SUM = 1;
    /**
     * A need: the column's smallest and largest value as results of min/max (exact: a double zone map's zero bound,
     * which stands for both -0 and +0, will not do).
     */
    int BOUNDS = 2;
    /** A need: the column's bounds for {@link BoundsDecided#decide} (a zero double bound will do). */
    int TEST_BOUNDS = 4;
    /**
     * A need of a DOUBLE column: its sums per batch, as the rows path adds them to a sum's state (a double sum depends
     * on the order of its additions): one per {@code vectorSize} rows from the piece's first row, each what
     * {@link io.basalt.exec.kernel.Kernels#sumDouble} returns over that batch's values and validity, in
     * {@code batchSums[c][0, n)} with {@code n} in {@code sums[2c]}. Whole pieces without a filter only.
     */
    int DOUBLE_SUM = 8;

    /**
     * When the source stands between pieces and its next piece can be handed over without reading its rows: sets, for
     * each batch column {@code columns[c]}, {@code valid[c]} to the number of its non-NULL values in the piece,
     * {@code sums[2c]} and {@code sums[2c + 1]} to their sum (a signed 128-bit integer, low and high 64 bits; when
     * {@code needs[c]} has {@link #SUM}: SMALLINT, INTEGER, BIGINT and scaled NUMERIC columns), and, when there are
     * any and {@code needs[c]} has {@link #BOUNDS} or {@link #TEST_BOUNDS}, {@code bounds[2c]} and
     * {@code bounds[2c + 1]} to their smallest and largest (longs for integer-like columns, the raw bits of doubles).
     * With a {@code test}, its verdict on those counts and bounds decides first: {@link BoundsDecided#NONE} moves past
     * the piece and returns 0 with every count and sum 0; {@link BoundsDecided#SOME} either evaluates the test's
     * {@link BoundsDecided#comparisons} on the piece's values itself, fills the arrays for the rows they select and
     * returns their number, or returns -1. Otherwise moves past the piece and returns its row count, or returns -1
     * and {@link SourceState#next} goes on with the rows (the arrays may have been written). For a column whose needs
     * have {@link #DOUBLE_SUM}, {@code batchSums[c]} is set (replaced when too short) as that need says.
     */
    long sumNextPiece(int[] columns, int[] needs, BoundsDecided test, int[] testAt, long[] sums, long[] valid,
                      long[] bounds, double[][] batchSums);
}
