package io.basalt.exec.operator.window;

import io.basalt.exec.operator.sort.RowOrdering;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * min and max over frames. Frames that only grow keep a running best row per partition (constant time per
 * row); other frames ask a {@link MinMaxSegmentTree} (logarithmic time per row and range). The result is
 * copied from the winning row, so it keeps the argument's type and representation.
 */
final class MinMaxEvaluator implements WindowEvaluator {
    private final int argumentColumn;
    private final boolean max;
    private final boolean growsOnly;

    MinMaxEvaluator(int argumentColumn, boolean max, boolean growsOnly) {
        this.argumentColumn = argumentColumn;
        this.max = max;
        this.growsOnly = growsOnly;
    }

    @Override
    public void evaluate(WindowRows rows, Frames frames, FieldVector out) {
        FieldVector argument = rows.columns[argumentColumn];
        int n = rows.rowCount;
        boolean[] nulls = null;
        if (argument.getNullCount() > 0) {
            nulls = new boolean[n];
            for (int i = 0; i < n; i++) {
                nulls[i] = argument.isNull(i);
            }
        }
        long[] values = comparableLongs(argument, n);
        MinMaxSegmentTree tree = values != null ? new MinMaxSegmentTree.OfLongs(values, nulls, max)
                : new MinMaxSegmentTree.OfVector(argument, n, nulls, max);
        if (growsOnly) {
            running(rows, frames, tree, argument, out);
            return;
        }
        for (int i = 0; i < n; i++) {
            int best;
            if (frames.excludes()) {
                frames.split(i);
                best = -1;
                for (int r = 0; r < frames.rangeCount; r++) {
                    best = tree.better(best, tree.query(frames.rangeStart[r], frames.rangeEnd[r]));
                }
            } else {
                best = frames.start[i] < frames.end[i] ? tree.query(frames.start[i], frames.end[i]) : -1;
            }
            write(out, i, best, argument);
        }
    }

    /** Frames {@code [partition start, end[i])}: the best row so far, carried along each partition. */
    private static void running(WindowRows rows, Frames frames, MinMaxSegmentTree tree, FieldVector argument,
                                FieldVector out) {
        int[] bestSoFar = new int[rows.rowCount];
        for (int p = 0; p < rows.partitionCount; p++) {
            int ps = rows.partitionStarts[p];
            int pe = rows.partitionEnd(p);
            int best = -1;
            for (int k = ps; k < pe; k++) {
                best = tree.better(best, tree.query(k, k + 1));
                bestSoFar[k] = best;
            }
            for (int i = ps; i < pe; i++) {
                int e = frames.end[i];
                write(out, i, e <= ps ? -1 : bestSoFar[e - 1], argument);
            }
        }
    }

    private static void write(FieldVector out, int row, int source, FieldVector argument) {
        if (source < 0) {
            out.setNull(row);
        } else {
            out.copyFromSafe(source, row, argument);
        }
    }

    /** Fixed-width values as order-preserving longs (NULL rows hold 0), or null for other types. */
    private static long[] comparableLongs(FieldVector argument, int n) {
        long[] values = new long[n];
        switch (argument) {
            case BigIntVector v -> {
                for (int i = 0; i < n; i++) {
                    values[i] = v.isNull(i) ? 0 : v.get(i);
                }
            }
            case IntVector v -> {
                for (int i = 0; i < n; i++) {
                    values[i] = v.isNull(i) ? 0 : v.get(i);
                }
            }
            case SmallIntVector v -> {
                for (int i = 0; i < n; i++) {
                    values[i] = v.isNull(i) ? 0 : v.get(i);
                }
            }
            case DateDayVector v -> {
                for (int i = 0; i < n; i++) {
                    values[i] = v.isNull(i) ? 0 : v.get(i);
                }
            }
            case Float8Vector v -> {
                for (int i = 0; i < n; i++) {
                    values[i] = v.isNull(i) ? 0 : RowOrdering.comparableDouble(v.get(i));
                }
            }
            default -> {
                return null;
            }
        }
        return values;
    }
}
