package io.basalt.storage.table;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.kernel.ComparisonOutcomes;
import io.basalt.exec.operator.BoundsDecided;
import io.basalt.exec.operator.SummingSource;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.storage.column.DecodedChunkSums;
import io.basalt.storage.column.encoding.RowBits;
import io.basalt.storage.column.kernel.DecodeKernelProvider;
import io.basalt.storage.column.kernel.DecodeKernels;
import io.basalt.storage.column.kernel.SelectionKernels;
import java.lang.foreign.MemorySegment;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * A filter of comparisons evaluated on a stored row group's columns and the selected rows' counts, sums and bounds of
 * other columns taken under the selection: an aggregation without GROUP BY above a filter, for a row group whose zone
 * maps leave the filter undecided ({@link BoundsDecided#SOME}), without a batch. The columns are read as the buffer
 * cache's decoded chunks ({@link StoredRowGroups#decoded}: decoded into it once, then compared and summed in place by
 * every later query, integer and double comparisons alike), or, when asked to or when there is no cache, decoded into
 * arrays of their own ({@link StoredRowGroups#readIntegers}: integer-like columns only, decoded again every time).
 * Columns are read once per row group (a BETWEEN reads its column once). One per scan; not thread-safe.
 */
final class SelectedRowAggregates {
    private final DecodeKernels kernels = DecodeKernelProvider.kernels();
    private final SelectionKernels selection = SelectionKernels.kernels();
    private final DecodedChunkSums decodedSums = DecodedChunkSums.create();
    /**
     * The row group's columns read: table column, then either the cached chunk ({@code decodedVectors}, closed when
     * the row group is done) or the values decoded into an array; their non-NULL rows ({@code decodedValid}, null
     * for a cached chunk without NULLs). {@code decodedCount} in use.
     */
    private int[] decodedColumns = new int[4];
    private FieldVector[] decodedVectors = new FieldVector[4];
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
     * {@code cached}: read the columns through the buffer cache where the groups have one. Returns the number of
     * selected rows, or -1 when a column cannot be read so (a sum or bounds of a non-integer column, a comparison
     * on doubles without the cache, a column of another layout): the caller reads the rows.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
     */
    long aggregate(StoredRowGroups groups, int group, int rows, BoundsDecided.Comparisons comparisons,
                   int[] comparedColumns, int[] summedColumns, int[] needs, long[] sums, long[] valid,
                   long[] bounds, boolean cached) {
        decodedCount = 0;
        try {
            int words = (rows + 63) >>> 6;
            long[] selected = new long[words];
            RowBits.setRange(selected, 0, rows);
            long[] matches = new long[words];
            for (int i = 0; i < comparedColumns.length; i++) {
                int at = decode(groups, group, comparedColumns[i], rows, cached);
                if (at < 0) {
                    return -1;
                }
                FieldVector vector = decodedVectors[at];
                CompareOp op = comparisons.operators()[i];
                long constant = comparisons.constants()[i];
                if (comparisons.doubles()[i]) {
                    if (!(vector instanceof Float8Vector)) {
                        return -1;
                    }
                    andCompareDoubles(ArrowSegments.values(vector), rows, op, Double.longBitsToDouble(constant),
                            selected);
                } else if (vector == null) {
                    andCompare(decodedValues[at], rows, op, constant, selected);
                } else {
                    int width = DecodedChunkSums.integerWidth(vector);
                    if (width == 0) {
                        return -1;
                    }
                    java.util.Arrays.fill(matches, 0);
                    selectCompared(ArrowSegments.values(vector), width, rows, op, constant, matches);
                    RowBits.and(selected, matches);
                }
                if (decodedValid[at] != null) {
                    RowBits.and(selected, decodedValid[at]);
                }
            }
            long[] bits = new long[words];
            for (int c = 0; c < summedColumns.length; c++) {
                int at = decode(groups, group, summedColumns[c], rows, cached);
                if (at < 0) {
                    return -1;
                }
                FieldVector vector = decodedVectors[at];
                boolean integers = vector == null || DecodedChunkSums.integerWidth(vector) > 0;
                if (!integers && (needs[c] & (SummingSource.SUM | SummingSource.BOUNDS)) != 0) {
                    return -1;
                }
                long[] validBits = decodedValid[at];
                for (int w = 0; w < words; w++) {
                    bits[w] = validBits == null ? selected[w] : selected[w] & validBits[w];
                }
                valid[c] = RowBits.count(bits);
                sums[2 * c] = 0;
                sums[2 * c + 1] = 0;
                if (valid[c] == 0) {
                    continue;
                }
                if ((needs[c] & SummingSource.SUM) != 0) {
                    sum[0] = 0;
                    sum[1] = 0;
                    if (vector != null) {
                        decodedSums.sumSelected(vector, bits, rows, sum);
                    } else {
                        halves[0] = 0;
                        halves[1] = 0;
                        kernels.sumMasked(decodedValues[at], bits, rows, halves);
                        DecodeKernels.addHalves(halves, sum);
                    }
                    sums[2 * c] = sum[0];
                    sums[2 * c + 1] = sum[1];
                }
                if ((needs[c] & SummingSource.BOUNDS) != 0) {
                    if (vector != null) {
                        bounds(ArrowSegments.values(vector), DecodedChunkSums.integerWidth(vector), bits, words,
                                bounds, c);
                    } else {
                        bounds(decodedValues[at], bits, words, bounds, c);
                    }
                }
            }
            return RowBits.count(selected);
        } finally {
            for (int d = 0; d < decodedCount; d++) {
                if (decodedVectors[d] != null) {
                    decodedVectors[d].close();
                    decodedVectors[d] = null;
                }
                decodedValues[d] = null;
                decodedValid[d] = null;
            }
        }
    }

    /**
     * The slot of table column {@code column} read for this row group, reading it first (through the cache when
     * {@code cached} and the groups have one, else into an array); -1 when it cannot be read.
     */
    private int decode(StoredRowGroups groups, int group, int column, int rows, boolean cached) {
        for (int d = 0; d < decodedCount; d++) {
            if (decodedColumns[d] == column) {
                return d;
            }
        }
        FieldVector vector = cached ? groups.decoded(group, column) : null;
        long[] values = null;
        long[] validBits;
        if (vector != null) {
            if (vector.getValueCount() < rows) {
                vector.close();
                return -1;
            }
            validBits = DecodedChunkSums.validBits(vector, rows);
        } else {
            validBits = new long[(rows + 63) >>> 6];
            values = groups.readIntegers(group, column, validBits);
            if (values == null) {
                return -1;
            }
        }
        if (decodedCount == decodedColumns.length) {
            int size = decodedCount * 2;
            decodedColumns = java.util.Arrays.copyOf(decodedColumns, size);
            decodedVectors = java.util.Arrays.copyOf(decodedVectors, size);
            decodedValues = java.util.Arrays.copyOf(decodedValues, size);
            decodedValid = java.util.Arrays.copyOf(decodedValid, size);
        }
        decodedColumns[decodedCount] = column;
        decodedVectors[decodedCount] = vector;
        decodedValues[decodedCount] = values;
        decodedValid[decodedCount] = validBits;
        return decodedCount++;
    }

    /**
     * Sets in {@code matches} (clear) the rows among the first {@code rows} of {@code values} ({@code width}-byte
     * little-endian integers: a cached chunk's data buffer) with {@code value op constant}, as one or two closed ranges
     * for the SIMD range kernels (2-byte values by a plain loop).
     */
    private void selectCompared(MemorySegment values, int width, int rows, CompareOp op, long constant,
                                long[] matches) {
        if (op == CompareOp.LT && constant == Long.MIN_VALUE || op == CompareOp.GT && constant == Long.MAX_VALUE) {
            return; // nothing lies below the smallest long or above the largest
        }
        switch (op) {
            case EQ -> selectRange(values, width, rows, constant, constant, matches);
            case NE -> {
                if (constant > Long.MIN_VALUE) {
                    selectRange(values, width, rows, Long.MIN_VALUE, constant - 1, matches);
                }
                if (constant < Long.MAX_VALUE) {
                    selectRange(values, width, rows, constant + 1, Long.MAX_VALUE, matches);
                }
            }
            case LT -> selectRange(values, width, rows, Long.MIN_VALUE, constant - 1, matches);
            case LE -> selectRange(values, width, rows, Long.MIN_VALUE, constant, matches);
            case GT -> selectRange(values, width, rows, constant + 1, Long.MAX_VALUE, matches);
            case GE -> selectRange(values, width, rows, constant, Long.MAX_VALUE, matches);
        }
    }

    /** Sets the bits of the rows with {@code low <= value <= high} (an empty range sets none). */
    private void selectRange(MemorySegment values, int width, int rows, long low, long high, long[] matches) {
        if (low > high) {
            return;
        }
        if (width == Long.BYTES) {
            selection.selectRangeLongs(values, rows, low, high, matches);
        } else if (width == Integer.BYTES) {
            if (low <= Integer.MAX_VALUE && high >= Integer.MIN_VALUE) {
                selection.selectRangeInts(values, rows, (int) Math.max(low, Integer.MIN_VALUE),
                        (int) Math.min(high, Integer.MAX_VALUE), matches);
            }
        } else {
            for (int row = 0; row < rows; row++) {
                long value = values.getAtIndex(SHORT, row);
                if (value >= low && value <= high) {
                    matches[row >>> 6] |= 1L << row;
                }
            }
        }
    }

    private static final java.lang.foreign.ValueLayout.OfShort SHORT =
            java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Clears the bits of {@code selected} whose row's double (of the first {@code rows} in {@code values}) fails
     * {@code value op constant} in PostgreSQL's float8 order: -0 equals +0, NaN equals NaN and is above every other
     * value (a NULL row's value is whatever the chunk holds; the caller clears NULL rows after).
     */
    static void andCompareDoubles(MemorySegment values, int rows, CompareOp op, double constant, long[] selected) {
        // the operator becomes a mask of accepted outcomes once; each row is classified in PostgreSQL's order (NaN
        // above everything, -0 = 0) by the executor's own three-way compare, without a switch per row
        int accepted = ComparisonOutcomes.accepted(op);
        int words = (rows + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            int base = w << 6;
            int end = Math.min(64, rows - base);
            long bits = 0;
            for (int j = 0; j < end; j++) {
                int outcome = ComparisonOutcomes.of(values.getAtIndex(ArrowSegments.DOUBLE, base + j), constant);
                bits |= (long) ((accepted >>> outcome) & 1) << j;
            }
            selected[w] &= bits;
        }
    }

    /**
     * The smallest and largest of the {@code width}-byte integers in {@code values} at the set bits of {@code bits}
     * (at least one) into bounds[2c, 2c + 1].
     */
    private static void bounds(MemorySegment values, int width, long[] bits, int words, long[] bounds, int c) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int w = 0; w < words; w++) {
            long word = bits[w];
            int base = w << 6;
            while (word != 0) {
                int row = base + Long.numberOfTrailingZeros(word);
                long value = width == Long.BYTES ? values.getAtIndex(ArrowSegments.LONG, row)
                        : width == Integer.BYTES ? values.getAtIndex(ArrowSegments.INT, row)
                        : values.getAtIndex(SHORT, row);
                min = Math.min(min, value);
                max = Math.max(max, value);
                word &= word - 1;
            }
        }
        bounds[2 * c] = min;
        bounds[2 * c + 1] = max;
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
