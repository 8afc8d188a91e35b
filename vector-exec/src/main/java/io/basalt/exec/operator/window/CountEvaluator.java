package io.basalt.exec.operator.window;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * count(*) and count(x) over frames: a prefix count of the counted rows makes any frame, excluded rows
 * and all, a few subtractions, so every frame shape costs constant time per row.
 */
final class CountEvaluator implements WindowEvaluator {
    /** The counted argument, or -1 for count(*). */
    private final int argumentColumn;

    CountEvaluator(int argumentColumn) {
        this.argumentColumn = argumentColumn;
    }

    @Override
    public void evaluate(WindowRows rows, Frames frames, FieldVector out) {
        int n = rows.rowCount;
        int[] prefix = new int[n + 1];
        FieldVector argument = argumentColumn < 0 ? null : rows.columns[argumentColumn];
        if (argument == null || argument.getNullCount() == 0) {
            for (int i = 0; i < n; i++) {
                prefix[i + 1] = i + 1;
            }
        } else {
            for (int i = 0; i < n; i++) {
                prefix[i + 1] = prefix[i] + (argument.isNull(i) ? 0 : 1);
            }
        }
        BigIntVector counts = (BigIntVector) out;
        for (int i = 0; i < n; i++) {
            long count;
            if (frames.excludes()) {
                frames.split(i);
                count = 0;
                for (int r = 0; r < frames.rangeCount; r++) {
                    count += prefix[frames.rangeEnd[r]] - prefix[frames.rangeStart[r]];
                }
            } else {
                int s = frames.start[i];
                int e = frames.end[i];
                count = s < e ? prefix[e] - prefix[s] : 0;
            }
            counts.set(i, count);
        }
    }
}
