package io.basalt.exec.operator.window;

import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.GroupedAggregateState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorSlices;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Any aggregate as a window function, through its ordinary {@link GroupedAggregateState}: the fallback for
 * aggregates and argument types without a dedicated evaluator (sums of 128-bit and arbitrary-precision
 * NUMERICs, and aggregates added later). Frames that only grow feed one state along each partition; other
 * frames rebuild a state per row from the frame's rows, which costs time proportional to the frame (as
 * PostgreSQL's aggregates without an inverse transition do).
 */
final class GenericAggregateEvaluator implements WindowEvaluator {
    private final AggregateFunction function;
    /** The argument column, or -1 for count(*)-like aggregates without one. */
    private final int argumentColumn;
    private final boolean growsOnly;
    private final BufferAllocator allocator;

    GenericAggregateEvaluator(AggregateFunction function, int argumentColumn, boolean growsOnly,
                              BufferAllocator allocator) {
        this.function = function;
        this.argumentColumn = argumentColumn;
        this.growsOnly = growsOnly;
        this.allocator = allocator;
    }

    @Override
    public void evaluate(WindowRows rows, Frames frames, FieldVector out) {
        FieldVector argument = argumentColumn < 0 ? null : rows.columns[argumentColumn];
        try (FieldVector result = ValueAccess.allocate(function.resultType(), "", allocator, 1)) {
            if (growsOnly) {
                running(rows, frames, argument, result, out);
                return;
            }
            for (int i = 0; i < rows.rowCount; i++) {
                try (GroupedAggregateState state = function.newState(allocator)) {
                    state.ensureGroups(1);
                    if (frames.excludes()) {
                        frames.split(i);
                        for (int r = 0; r < frames.rangeCount; r++) {
                            feed(state, argument, frames.rangeStart[r], frames.rangeEnd[r]);
                        }
                    } else {
                        feed(state, argument, frames.start[i], frames.end[i]);
                    }
                    writeResult(state, result, out, i);
                }
            }
        }
    }

    private void running(WindowRows rows, Frames frames, FieldVector argument, FieldVector result, FieldVector out) {
        for (int p = 0; p < rows.partitionCount; p++) {
            int ps = rows.partitionStarts[p];
            int pe = rows.partitionEnd(p);
            try (GroupedAggregateState state = function.newState(allocator)) {
                state.ensureGroups(1);
                int fed = ps;
                for (int i = ps; i < pe; i++) {
                    int e = frames.end[i];
                    if (e > fed || i == ps) {
                        if (e > fed) {
                            feed(state, argument, fed, e);
                            fed = e;
                        }
                        writeResult(state, result, out, i);
                        continue;
                    }
                    // the frame did not grow (peers of the row before, or the whole partition as without an ORDER BY):
                    // the same value again for the run of such rows, copied rather than finished from the state again
                    int runEnd = i + 1;
                    while (runEnd < pe && frames.end[runEnd] <= fed) {
                        runEnd++;
                    }
                    repeat(result, out, i, runEnd);
                    i = runEnd - 1;
                }
            }
        }
    }

    private void feed(GroupedAggregateState state, FieldVector argument, int from, int to) {
        if (from >= to) {
            return;
        }
        if (argument == null) {
            state.updateSingleGroup(null, to - from);
            return;
        }
        try (FieldVector slice = VectorSlices.slice(argument, from, to - from, allocator)) {
            state.updateSingleGroup(slice, to - from);
        }
    }

    /**
     * Copies {@code result}'s one value into rows {@code [from, to)} of {@code out}. A NUMERIC (bytes) is read once
     * and set per row: over one partition of 30,000 groups (TPC-H Q11's {@code sum(...) OVER ()}) Arrow's
     * copyFromSafe per row, which looks both vectors over again each time, was most of the window's time.
     */
    private static void repeat(FieldVector result, FieldVector out, int from, int to) {
        if (result instanceof VarBinaryVector value && out instanceof VarBinaryVector target && !value.isNull(0)) {
            byte[] bytes = value.get(0);
            for (int i = from; i < to; i++) {
                target.setSafe(i, bytes);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            out.copyFromSafe(0, i, result);
        }
    }

    private static void writeResult(GroupedAggregateState state, FieldVector result, FieldVector out, int row) {
        state.writeResults(result, 1);
        result.setValueCount(1);
        out.copyFromSafe(0, row, result);
    }
}
