package io.basalt.exec.operator.window;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * sum and avg of double precision over frames. PostgreSQL adds doubles in row order and, having no inverse
 * for floating-point addition, restarts the sum whenever the frame's start moves; the last bits of a double
 * sum depend on that order. So frames that only grow run one sum along the partition (constant time per
 * row), and every other frame is summed from its first row, as PostgreSQL does, in time proportional to
 * the frame's size.
 */
final class DoubleSumEvaluator implements WindowEvaluator {
    private final int argumentColumn;
    private final boolean average;
    private final boolean growsOnly;

    DoubleSumEvaluator(int argumentColumn, boolean average, boolean growsOnly) {
        this.argumentColumn = argumentColumn;
        this.average = average;
        this.growsOnly = growsOnly;
    }

    @Override
    public void evaluate(WindowRows rows, Frames frames, FieldVector out) {
        Float8Vector argument = (Float8Vector) rows.columns[argumentColumn];
        int n = rows.rowCount;
        double[] values = new double[n];
        boolean[] valid = new boolean[n];
        boolean nulls = argument.getNullCount() > 0;
        for (int i = 0; i < n; i++) {
            valid[i] = !nulls || !argument.isNull(i);
            values[i] = valid[i] ? argument.get(i) : 0.0;
        }
        Float8Vector results = (Float8Vector) out;
        if (growsOnly) {
            running(rows, frames, values, valid, results);
            return;
        }
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            long count = 0;
            if (frames.excludes()) {
                frames.split(i);
                for (int r = 0; r < frames.rangeCount; r++) {
                    for (int k = frames.rangeStart[r]; k < frames.rangeEnd[r]; k++) {
                        if (valid[k]) {
                            sum += values[k];
                            count++;
                        }
                    }
                }
            } else {
                for (int k = frames.start[i]; k < frames.end[i]; k++) {
                    if (valid[k]) {
                        sum += values[k];
                        count++;
                    }
                }
            }
            set(results, i, sum, count);
        }
    }

    /** Frames {@code [partition start, end[i])}: one sum per partition, read off at each row's end. */
    private void running(WindowRows rows, Frames frames, double[] values, boolean[] valid, Float8Vector results) {
        int n = rows.rowCount;
        double[] sums = new double[n];
        long[] counts = new long[n];
        for (int p = 0; p < rows.partitionCount; p++) {
            int ps = rows.partitionStarts[p];
            int pe = rows.partitionEnd(p);
            double sum = 0.0;
            long count = 0;
            for (int k = ps; k < pe; k++) {
                if (valid[k]) {
                    sum += values[k];
                    count++;
                }
                sums[k] = sum;
                counts[k] = count;
            }
            for (int i = ps; i < pe; i++) {
                int e = frames.end[i];
                if (e <= ps) {
                    results.setNull(i);
                } else {
                    set(results, i, sums[e - 1], counts[e - 1]);
                }
            }
        }
    }

    private void set(Float8Vector results, int row, double sum, long count) {
        if (count == 0) {
            results.setNull(row);
        } else {
            results.set(row, average ? sum / count : sum);
        }
    }
}
