package io.basalt.storage.table;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.BoundsDecided;
import io.basalt.exec.operator.SummingSource;
import io.basalt.storage.column.encoding.RowBits;
import io.basalt.storage.column.kernel.DecodeKernelProvider;
import io.basalt.storage.column.kernel.DecodeKernels;

/**
 * A filter of comparisons evaluated on a stored row group's integer columns decoded into arrays, and the selected
 * rows' counts, sums and bounds of other columns taken from their arrays under the selection: an aggregation without
 * GROUP BY above a filter, for a row group whose zone maps leave the filter undecided ({@link BoundsDecided#SOME}),
 * without a vector, a cache entry or a batch. Decoded columns are kept for the row group (a BETWEEN reads its column
 * once). One per scan; not thread-safe.
 */
final class SelectedRowAggregates {
    private final DecodeKernels kernels = DecodeKernelProvider.kernels();
    /** The row group's decoded columns: table column, values, validity bits; {@code decodedCount} in use. */
    private int[] decodedColumns = new int[4];
    private long[][] decodedValues = new long[4][];
    private long[][] decodedValid = new long[4][];
    private int decodedCount;
    private final long[] halves = new long[2];
    private final long[] sum = new long[2];

    /**
     * Evaluates {@code comparisons} (their columns {@code comparedColumns}, table columns) on row group {@code group}
     * of {@code groups} ({@code rows} rows), and for each {@code c} sets {@code valid[c]} to the number of selected
     * rows where table column {@code summedColumns[c]} is not NULL, and as {@code needs[c]} asks ({@link SummingSource})
     * {@code sums[2c, 2c + 1]} to their 128-bit sum and {@code bounds[2c, 2c + 1]} to their smallest and largest.
     * Returns the number of selected rows, or -1 when a column is not integer-like or a comparison is on doubles (the
     * caller reads the rows).
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
     */
    long aggregate(StoredRowGroups groups, int group, int rows, BoundsDecided.Comparisons comparisons,
                   int[] comparedColumns, int[] summedColumns, int[] needs, long[] sums, long[] valid,
                   long[] bounds) {
        decodedCount = 0;
        try {
            int words = (rows + 63) >>> 6;
            long[] selected = new long[words];
            RowBits.setRange(selected, 0, rows);
            for (int i = 0; i < comparedColumns.length; i++) {
                if (comparisons.doubles()[i]) {
                    return -1;
                }
                int at = decode(groups, group, comparedColumns[i], rows);
                if (at < 0) {
                    return -1;
                }
                andCompare(decodedValues[at], rows, comparisons.operators()[i], comparisons.constants()[i], selected);
                RowBits.and(selected, decodedValid[at]);
            }
            long[] bits = new long[words];
            for (int c = 0; c < summedColumns.length; c++) {
                int at = decode(groups, group, summedColumns[c], rows);
                if (at < 0) {
                    return -1;
                }
                long[] values = decodedValues[at];
                long[] validBits = decodedValid[at];
                for (int w = 0; w < words; w++) {
                    bits[w] = selected[w] & validBits[w];
                }
                valid[c] = RowBits.count(bits);
                sums[2 * c] = 0;
                sums[2 * c + 1] = 0;
                if (valid[c] == 0) {
                    continue;
                }
                if ((needs[c] & SummingSource.SUM) != 0) {
                    halves[0] = 0;
                    halves[1] = 0;
                    kernels.sumMasked(values, bits, rows, halves);
                    sum[0] = 0;
                    sum[1] = 0;
                    DecodeKernels.addHalves(halves, sum);
                    sums[2 * c] = sum[0];
                    sums[2 * c + 1] = sum[1];
                }
                if ((needs[c] & SummingSource.BOUNDS) != 0) {
                    bounds(values, bits, words, bounds, c);
                }
            }
            return RowBits.count(selected);
        } finally {
            for (int d = 0; d < decodedCount; d++) {
                decodedValues[d] = null;
                decodedValid[d] = null;
            }
        }
    }

    /** The slot of table column {@code column} decoded for this row group, decoding it first; -1 when it cannot be. */
    private int decode(StoredRowGroups groups, int group, int column, int rows) {
        for (int d = 0; d < decodedCount; d++) {
            if (decodedColumns[d] == column) {
                return d;
            }
        }
        long[] validBits = new long[(rows + 63) >>> 6];
        long[] values = groups.readIntegers(group, column, validBits);
        if (values == null) {
            return -1;
        }
        if (decodedCount == decodedColumns.length) {
            int size = decodedCount * 2;
            decodedColumns = java.util.Arrays.copyOf(decodedColumns, size);
            decodedValues = java.util.Arrays.copyOf(decodedValues, size);
            decodedValid = java.util.Arrays.copyOf(decodedValid, size);
        }
        decodedColumns[decodedCount] = column;
        decodedValues[decodedCount] = values;
        decodedValid[decodedCount] = validBits;
        return decodedCount++;
    }

    /** Clears the bits of {@code selected} whose row's value fails {@code value op constant} (one loop per operator). */
    static void andCompare(long[] values, int rows, CompareOp op, long constant, long[] selected) {
        int words = (rows + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            int base = w << 6;
            int end = Math.min(64, rows - base);
            long bits = 0;
            switch (op) {
                case EQ -> {
                    for (int j = 0; j < end; j++) {
                        bits |= (values[base + j] == constant ? 1L : 0L) << j;
                    }
                }
                case NE -> {
                    for (int j = 0; j < end; j++) {
                        bits |= (values[base + j] != constant ? 1L : 0L) << j;
                    }
                }
                case LT -> {
                    for (int j = 0; j < end; j++) {
                        bits |= (values[base + j] < constant ? 1L : 0L) << j;
                    }
                }
                case LE -> {
                    for (int j = 0; j < end; j++) {
                        bits |= (values[base + j] <= constant ? 1L : 0L) << j;
                    }
                }
                case GT -> {
                    for (int j = 0; j < end; j++) {
                        bits |= (values[base + j] > constant ? 1L : 0L) << j;
                    }
                }
                case GE -> {
                    for (int j = 0; j < end; j++) {
                        bits |= (values[base + j] >= constant ? 1L : 0L) << j;
                    }
                }
            }
            selected[w] &= bits;
        }
    }

    /** The smallest and largest of {@code values} at the set bits of {@code bits} (at least one) into bounds[2c, 2c + 1]. */
    private static void bounds(long[] values, long[] bits, int words, long[] bounds, int c) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int w = 0; w < words; w++) {
            long word = bits[w];
            int base = w << 6;
            while (word != 0) {
                long value = values[base + Long.numberOfTrailingZeros(word)];
                min = Math.min(min, value);
                max = Math.max(max, value);
                word &= word - 1;
            }
        }
        bounds[2 * c] = min;
        bounds[2 * c + 1] = max;
    }
}
