package io.basalt.exec.operator.join;

import org.apache.arrow.vector.FieldVector;

/**
 * Enumerates the candidate pairs (probe row, build row) of one probe batch, a bounded chunk at a time, so
 * that a probe row meeting millions of build rows never needs more than one chunk of memory. A hash join's
 * candidates are the pairs with equal keys; a nested-loop join's are all pairs. The residual condition, if
 * any, is applied by the caller. One instance belongs to one probe state.
 */
interface CandidatePairs {
    /**
     * Starts on a new probe batch of {@code probeRows} rows whose join keys are {@code probeKeys} (none for a
     * nested-loop join). The key vectors must stay valid until the batch is exhausted.
     */
    void start(FieldVector[] probeKeys, int probeRows);

    /**
     * Like {@link #start}, for a selective probe batch: probe row {@code k}'s keys are at position {@code positions[k]}
     * of {@code keyColumns} (the batch's own vectors), read there instead of being gathered into dense vectors first.
     * Returns false, having started nothing, when this enumeration cannot read keys at positions (the caller then
     * gathers them and calls {@link #start}).
     */
    default boolean startAt(FieldVector[] keyColumns, int[] positions, int probeRows) {
        return false;
    }

    /**
     * Writes up to {@code capacity} further pairs into {@code probeRows}/{@code buildRows}, in probe-row
     * order, and returns their number; 0 means the batch has no more.
     */
    int next(int[] probeRows, int[] buildRows, int capacity);
}
