package io.basalt.exec.operator.window;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * lag and lead: the value {@code offset} rows before (lag) or after (lead) the current row in its
 * partition, or the default when that row does not exist; a NULL offset gives NULL. Offsets and defaults
 * are read at the current row (they may be expressions over it); a negative offset looks the other way.
 */
final class OffsetEvaluator implements WindowEvaluator {
    private final boolean lead;
    private final int valueColumn;
    private final int offsetColumn;
    private final int defaultColumn;

    OffsetEvaluator(boolean lead, int valueColumn, int offsetColumn, int defaultColumn) {
        this.lead = lead;
        this.valueColumn = valueColumn;
        this.offsetColumn = offsetColumn;
        this.defaultColumn = defaultColumn;
    }

    @Override
    public void evaluate(WindowRows rows, Frames frames, FieldVector out) {
        FieldVector values = rows.columns[valueColumn];
        IntVector offsets = (IntVector) rows.columns[offsetColumn];
        FieldVector defaults = rows.columns[defaultColumn];
        for (int p = 0; p < rows.partitionCount; p++) {
            int ps = rows.partitionStarts[p];
            int pe = rows.partitionEnd(p);
            for (int i = ps; i < pe; i++) {
                if (offsets.isNull(i)) {
                    out.setNull(i);
                    continue;
                }
                long offset = offsets.get(i);
                long target = lead ? i + offset : i - offset;
                if (target >= ps && target < pe) {
                    out.copyFromSafe((int) target, i, values);
                } else {
                    out.copyFromSafe(i, i, defaults);
                }
            }
        }
    }
}
