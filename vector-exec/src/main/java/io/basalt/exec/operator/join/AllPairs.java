package io.basalt.exec.operator.join;

import org.apache.arrow.vector.FieldVector;

/**
 * The candidates of a nested-loop join: every probe row with every build row, probe row by probe row.
 * With {@code firstMatchOnly} (a SEMI or ANTI join without a condition) each probe row pairs with the
 * first build row only.
 */
final class AllPairs implements CandidatePairs {
    private final int buildRows;
    private final boolean firstMatchOnly;
    private int rows;
    private int probeRow;
    private int buildRow;

    AllPairs(int buildRows, boolean firstMatchOnly) {
        this.buildRows = buildRows;
        this.firstMatchOnly = firstMatchOnly;
    }

    @Override
    public void start(FieldVector[] probeKeys, int probeRows) {
        rows = buildRows == 0 ? 0 : probeRows;
        probeRow = 0;
        buildRow = 0;
    }

    @Override
    public int next(int[] probeOut, int[] buildOut, int capacity) {
        int perProbeRow = firstMatchOnly ? 1 : buildRows;
        int count = 0;
        while (count < capacity && probeRow < rows) {
            int take = Math.min(capacity - count, perProbeRow - buildRow);
            for (int k = 0; k < take; k++) {
                probeOut[count + k] = probeRow;
                buildOut[count + k] = buildRow + k;
            }
            count += take;
            buildRow += take;
            if (buildRow == perProbeRow) {
                probeRow++;
                buildRow = 0;
            }
        }
        return count;
    }
}
