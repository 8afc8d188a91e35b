package io.basalt.exec.operator.window;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.sort.BatchConcatenation;
import io.basalt.exec.operator.sort.ParallelRowSort;
import io.basalt.exec.operator.sort.RowOrdering;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.operator.sort.SortedRuns;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.ParallelTasks;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * One run of a {@link WindowOperator}. Sink: keeps each input batch as zero-copy slices (a worker's state
 * hands its slices to the global state in {@link #takeInput}). Finish: concatenates the input, narrows it to
 * each partition's first rows when the operator has a row limit ({@link PartitionTopRows}), sorts it
 * ({@link ParallelRowSort}), cuts the sorted rows at partition boundaries into one piece per thread and, per
 * piece on its own thread, builds the piece's {@link WindowRows}, computes each distinct frame once
 * ({@link FrameBounds}) and each call with the evaluator its function and argument type call for. Inputs
 * below the context's parallel threshold take one piece on the calling thread; the results are the same.
 * Source: hands out the pieces' rows and results in order, in batches of the context's vector size, as
 * zero-copy slices.
 *
 * <p>Spilling: when the kept input outgrows the operator's share of the query's memory budget, it is sorted by
 * partition columns and order keys and written out as a run ({@link SortedRuns}, as the external sort does);
 * the result is then computed from the merge of the runs a chunk of whole partitions at a time
 * ({@link SpilledWindowSource}), and the row limit is not used.
 *
 * <p>Row limit: with one ({@link WindowOperator#limitsRows}), each sink keeps only the rows that can still reach
 * the limit ({@link PartitionTopRowsFilter}), so that a top-N per partition holds about N rows per partition and
 * never sorts its whole input; the survivors of all workers are narrowed once more when the run finishes.
 */
final class WindowSinkState implements SinkState {
    private final WindowOperator operator;
    private final ExecutionContext context;
    private final List<List<FieldVector>> batches = new ArrayList<>();
    private final SortedRuns runs = new SortedRuns();
    private int rowCount;
    /** Bytes of the kept batches' values, plus the row positions sorting them takes. */
    private long keptBytes;
    private WindowPiece[] pieces = new WindowPiece[0];
    /** With a row limit: keeps each partition's first rows as they arrive; null without one, or once merged. */
    private PartitionTopRowsFilter topRows;

    WindowSinkState(WindowOperator operator, ExecutionContext context) {
        this.operator = operator;
        this.context = context;
        this.topRows = operator.limitsRows() ? new PartitionTopRowsFilter(operator, context) : null;
    }

    // ---- sink ---------------------------------------------------------------------------------------

    @Override
    public void sink(Batch batch) {
        List<FieldVector> kept;
        int count;
        if (topRows != null) {
            PartitionTopRowsFilter.Admitted admitted = topRows.admit(batch);
            if (admitted == null) {
                return;
            }
            kept = admitted.columns();
            count = admitted.rowCount();
        } else {
            kept = new ArrayList<>(batch.columnCount());
            count = batch.rowCount();
            for (FieldVector column : batch.columns()) {
                kept.add(VectorSlices.slice(column, 0, count, context.allocator()));
            }
        }
        for (FieldVector column : kept) {
            keptBytes += column.getBufferSize();
        }
        keptBytes += 12L * count;
        batches.add(kept);
        rowCount += count;
        if (topRows != null && topRows.wantsNarrowing(rowCount)) {
            rowCount = topRows.narrow(batches, rowCount);
            keptBytes = 12L * rowCount;
            for (FieldVector column : batches.getFirst()) {
                keptBytes += column.getBufferSize();
            }
        }
        spillIfOverBudget();
    }

    private long spillBytes() {
        return context.memory().operatorBudget() / (2L * context.threads());
    }

    /**
     * Writes the kept rows out as one sorted run (by partition columns, then order keys) when they exceed the
     * operator's share of the memory budget: each worker of a parallel input keeps its own rows, and writing a
     * run copies them once more.
     */
    private void spillIfOverBudget() {
        if (keptBytes > spillBytes() && rowCount > 0) {
            spillRun();
        }
    }

    private void spillRun() {
        if (topRows != null) {
            topRows.forget();
        }
        List<LogicalType> inputTypes = operator.child().outputTypes();
        FieldVector[] kept;
        try {
            kept = BatchConcatenation.concatenate(batches, rowCount, inputTypes, context, false);
        } finally {
            closeBatches();
        }
        try {
            int[] runOrder = new RowOrdering(kept, rowCount, new int[0], runKeys()).sort(rowCount);
            runs.write(kept, runOrder, rowCount, inputTypes, context);
        } finally {
            BatchConcatenation.close(kept);
        }
        rowCount = 0;
        keptBytes = 0;
    }

    /** The sort keys of the spilled runs: the partition columns (ascending, NULLs last), then the order keys. */
    private List<SortKey> runKeys() {
        List<SortKey> keys = new ArrayList<>();
        for (int column : operator.partitionColumns()) {
            keys.add(new SortKey(column, false, false));
        }
        keys.addAll(operator.orderKeys());
        return keys;
    }

    // ---- combine ------------------------------------------------------------------------------------

    /** Moves a worker state's input batches into this (global) state; the worker keeps nothing. */
    void takeInput(WindowSinkState worker) {
        if (topRows != null) {
            // the merged batches were admitted by the workers' filters; finish narrows them once more
            topRows.close();
            topRows = null;
        }
        batches.addAll(worker.batches);
        rowCount += worker.rowCount;
        keptBytes += worker.keptBytes;
        runs.takeAll(worker.runs);
        worker.batches.clear();
        worker.rowCount = 0;
        worker.keptBytes = 0;
        spillIfOverBudget();
    }

    // ---- finalize -----------------------------------------------------------------------------------

    @Override
    public void finish() {
        if (!runs.isEmpty()) {
            if (rowCount > 0) {
                spillRun();
            }
            return;
        }
        List<LogicalType> inputTypes = operator.child().outputTypes();
        boolean parallel = context.threads() > 1 && rowCount >= context.parallelRowThreshold();
        int runs = parallel ? context.threads() : 1;
        FieldVector[] input;
        try {
            input = BatchConcatenation.concatenate(batches, rowCount, inputTypes, context, parallel);
        } finally {
            closeBatches();
        }
        try {
            RowOrdering ordering = new RowOrdering(input, rowCount, operator.partitionColumns(), operator.orderKeys());
            int[] order = null;
            if (operator.limitsRows()) {
                order = new PartitionTopRows(input, operator.partitionColumns(), inputTypes, ordering,
                        (int) operator.rowLimit(), operator.limitKind(), context).select(rowCount, runs);
            }
            if (order == null) {
                order = new int[rowCount];
                for (int i = 0; i < rowCount; i++) {
                    order[i] = i;
                }
            }
            int count = order.length;
            ParallelRowSort.sort(ordering, order, count, runs, context);
            int[] bounds = pieceBounds(ordering, order, count, runs);
            WindowPiece[] built = new WindowPiece[bounds.length - 1];
            pieces = built;
            int[] sortedOrder = order;
            FieldVector[] source = input;
            if (count == rowCount && bounds[1] == count && isIdentity(order)) {
                // one piece of every row in input order (e.g. sum(x) OVER () over one partition): it takes the
                // concatenated input over instead of copying it once more; the other pieces are empty
                for (int piece = 1; piece < built.length; piece++) {
                    built[piece] = WindowPiece.compute(operator, context, source, ordering, sortedOrder, count, count,
                            inputTypes);
                }
                input = null;
                built[0] = WindowPiece.compute(operator, context, WindowRows.of(source, ordering, sortedOrder, count,
                        inputTypes, context.allocator(), true), inputTypes);
                return;
            }
            ParallelTasks.run(context, built.length, piece -> built[piece] = WindowPiece.compute(operator, context,
                    source, ordering, sortedOrder, bounds[piece], bounds[piece + 1], inputTypes));
        } finally {
            if (input != null) {
                WindowRows.close(input);
            }
        }
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the pieces begin in the sorted rows, the count as last entry: about {@code count / runs} rows
     * each, every cut moved forward to the next partition start (a piece may thus be empty).
     */
    private static int[] pieceBounds(RowOrdering ordering, int[] order, int count, int runs) {
        int[] bounds = new int[runs + 1];
        for (int p = 1; p < runs; p++) {
            int cut = Math.max(bounds[p - 1], (int) ((long) count * p / runs));
            while (cut > 0 && cut < count && ordering.samePartition(order[cut - 1], order[cut])) {
                cut++;
            }
            bounds[p] = cut;
        }
        bounds[runs] = count;
        return bounds;
    }

    // ---- source -------------------------------------------------------------------------------------

    @Override
    public SourceState openResult() {
        if (!runs.isEmpty()) {
            SourceState merged = runs.merge(runKeys(), operator.child().outputTypes(), context);
            return new SpilledWindowSource(operator, context, merged, context.memory().operatorBudget() / 8);
        }
        return new SourceState() {
            private final List<FieldVector> current = new ArrayList<>();
            private int piece;
            private int next;

            @Override
            public Batch next() {
                release();
                while (piece < pieces.length && (pieces[piece] == null || next >= pieces[piece].rows().rowCount)) {
                    piece++;
                    next = 0;
                }
                if (piece >= pieces.length) {
                    return null;
                }
                WindowPiece source = pieces[piece];
                int count = Math.min(context.vectorSize(), source.rows().rowCount - next);
                Batch batch = source.slice(next, count, context.allocator(), current);
                next += count;
                return batch;
            }

            private void release() {
                for (FieldVector vector : current) {
                    vector.close();
                }
                current.clear();
            }

            @Override
            public void close() {
                release();
            }
        };
    }

    private void closeBatches() {
        for (List<FieldVector> batch : batches) {
            for (FieldVector vector : batch) {
                vector.close();
            }
        }
        batches.clear();
    }

    @Override
    public void close() {
        if (topRows != null) {
            topRows.close();
            topRows = null;
        }
        closeBatches();
        runs.close();
        for (WindowPiece piece : pieces) {
            if (piece != null) {
                piece.close();
            }
        }
        pieces = new WindowPiece[0];
    }
}
