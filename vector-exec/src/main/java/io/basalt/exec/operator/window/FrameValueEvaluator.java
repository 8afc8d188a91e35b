package io.basalt.exec.operator.window;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * first_value, last_value and nth_value: the value at the first, last or n-th row of the frame (after
 * exclusion), NULL when the frame has no such row. nth_value's n is read at the current row.
 */
final class FrameValueEvaluator implements WindowEvaluator {
    enum Which { FIRST, LAST, NTH }

    private final Which which;
    private final int valueColumn;
    /** nth_value's n, else -1. */
    private final int nthColumn;

    FrameValueEvaluator(Which which, int valueColumn, int nthColumn) {
        this.which = which;
        this.valueColumn = valueColumn;
        this.nthColumn = nthColumn;
    }

    @Override
    public void evaluate(WindowRows rows, Frames frames, FieldVector out) {
        FieldVector values = rows.columns[valueColumn];
        IntVector nths = nthColumn < 0 ? null : (IntVector) rows.columns[nthColumn];
        for (int i = 0; i < rows.rowCount; i++) {
            int n = 1;
            if (nths != null) {
                if (nths.isNull(i)) {
                    out.setNull(i);
                    continue;
                }
                n = nths.get(i);
                if (n <= 0) {
                    throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE_FUNCTION,
                            "argument of nth_value must be greater than zero");
                }
            }
            int row = pick(frames, i, n);
            if (row < 0) {
                out.setNull(i);
            } else {
                out.copyFromSafe(row, i, values);
            }
        }
    }

    /** The chosen row of row {@code i}'s frame, or -1. */
    private int pick(Frames frames, int i, int n) {
        if (!frames.excludes()) {
            int s = frames.start[i];
            int e = frames.end[i];
            return switch (which) {
                case FIRST -> s < e ? s : -1;
                case LAST -> s < e ? e - 1 : -1;
                case NTH -> (long) e - s >= n ? s + n - 1 : -1;
            };
        }
        frames.split(i);
        if (frames.rangeCount == 0) {
            return -1;
        }
        if (which == Which.LAST) {
            return frames.rangeEnd[frames.rangeCount - 1] - 1;
        }
        int remaining = n;
        for (int r = 0; r < frames.rangeCount; r++) {
            int length = frames.rangeEnd[r] - frames.rangeStart[r];
            if (remaining <= length) {
                return frames.rangeStart[r] + remaining - 1;
            }
            remaining -= length;
        }
        return -1;
    }
}
