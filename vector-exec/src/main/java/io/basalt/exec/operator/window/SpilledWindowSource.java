package io.basalt.exec.operator.window;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.sort.BatchConcatenation;
import io.basalt.exec.operator.sort.RowOrdering;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The result of a window operator whose input spilled: reads the input back from the merge of its sorted runs
 * (sorted by partition columns, then order keys) and computes it a chunk of whole partitions at a time, so that
 * memory holds about {@code chunkBytes} of input rather than all of it. Rows are read until the chunk is full;
 * the rows of the last partition seen may continue in the next batch, so they are held back for the next chunk
 * and the partitions before them are computed ({@link WindowPiece}) and handed out. A partition larger than
 * the chunk is read whole before it is computed (the chunk grows to hold it; past the memory limit the query
 * fails with 53200). The rows come out in the order, and with the values, of the in-memory path.
 *
 * <p>Owns the merge and closes it (which deletes the runs).
 */
final class SpilledWindowSource implements SourceState {
    private final WindowOperator operator;
    private final ExecutionContext context;
    private final SourceState merged;
    private final long chunkBytes;
    private final List<LogicalType> inputTypes;
    /** Rows read but not yet computed: zero-copy slices, in order. */
    private final List<List<FieldVector>> pending = new ArrayList<>();
    private int pendingRows;
    private long pendingBytes;
    private long threshold;
    private boolean exhausted;
    private WindowPiece piece;
    private int next;
    private final List<FieldVector> current = new ArrayList<>();

    SpilledWindowSource(WindowOperator operator, ExecutionContext context, SourceState merged, long chunkBytes) {
        this.operator = operator;
        this.context = context;
        this.merged = merged;
        this.chunkBytes = Math.max(1, chunkBytes);
        this.threshold = this.chunkBytes;
        this.inputTypes = operator.child().outputTypes();
    }

    @Override
    public Batch next() {
        release();
        while (piece == null || next >= piece.rowCount()) {
            closePiece();
            if (!computeNextPiece()) {
                return null;
            }
        }
        int count = Math.min(context.vectorSize(), piece.rowCount() - next);
        Batch batch = piece.slice(next, count, context.allocator(), current);
        next += count;
        return batch;
    }

    /**
     * Reads rows until a chunk is full (or the input ends) and computes its complete partitions into
     * {@link #piece}; false when no rows are left.
     */
    private boolean computeNextPiece() {
        while (true) {
            if (!exhausted && pendingBytes < threshold) {
                Batch batch = merged.next();
                if (batch == null) {
                    exhausted = true;
                } else {
                    keep(batch.columns(), 0, batch.rowCount());
                }
                continue;
            }
            if (pendingRows == 0) {
                return false;
            }
            int rowCount = pendingRows;
            FieldVector[] input = null;
            try {
                input = BatchConcatenation.concatenate(pending, rowCount, inputTypes, context, false);
            } finally {
                closePending();
            }
            try {
                RowOrdering ordering = new RowOrdering(input, rowCount, operator.partitionColumns(),
                        operator.orderKeys());
                int cut = rowCount;
                if (!exhausted) {
                    // The last partition may go on in rows not read yet: hold it back.
                    cut = rowCount - 1;
                    while (cut > 0 && ordering.samePartition(cut - 1, cut)) {
                        cut--;
                    }
                }
                if (cut == 0) {
                    // One partition fills the chunk: keep reading it (doubling keeps the copies linear).
                    keep(List.of(input), 0, rowCount);
                    threshold = 2 * pendingBytes;
                    continue;
                }
                int[] order = new int[cut];
                for (int i = 0; i < cut; i++) {
                    order[i] = i;
                }
                if (cut < rowCount) {
                    // A copy, so that the held-back rows do not keep the whole chunk's buffers alive.
                    keepCopy(input, cut, rowCount - cut);
                    for (FieldVector column : input) {
                        column.setValueCount(cut);
                    }
                }
                FieldVector[] owned = input;
                input = new FieldVector[0];
                piece = WindowPiece.compute(operator, context,
                        WindowRows.of(owned, ordering, order, cut, inputTypes, context.allocator(), true), inputTypes);
                next = 0;
                threshold = chunkBytes;
                return true;
            } finally {
                BatchConcatenation.close(input);
            }
        }
    }

    /** Keeps a copy of rows {@code [from, from + count)} of {@code columns} (not taken over) as pending rows. */
    private void keepCopy(FieldVector[] columns, int from, int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = from + i;
        }
        List<FieldVector> kept = new ArrayList<>(columns.length);
        try {
            for (int c = 0; c < columns.length; c++) {
                FieldVector copy = ValueAccess.allocate(inputTypes.get(c), "", context.allocator(), count);
                kept.add(copy);
                VectorGather.gather(columns[c], rows, count, copy);
                copy.setValueCount(count);
                pendingBytes += copy.getBufferSize();
            }
        } catch (RuntimeException | Error failure) {
            for (FieldVector copy : kept) {
                copy.close();
            }
            throw failure;
        }
        pending.add(kept);
        pendingRows += count;
    }

    /** Keeps rows {@code [from, from + count)} of {@code columns} (not taken over) as pending slices. */
    private void keep(List<FieldVector> columns, int from, int count) {
        if (count == 0) {
            return;
        }
        List<FieldVector> kept = new ArrayList<>(columns.size());
        for (FieldVector column : columns) {
            FieldVector slice = VectorSlices.slice(column, from, count, context.allocator());
            kept.add(slice);
            pendingBytes += slice.getBufferSize();
        }
        pending.add(kept);
        pendingRows += count;
    }

    private void closePending() {
        for (List<FieldVector> batch : pending) {
            for (FieldVector vector : batch) {
                vector.close();
            }
        }
        pending.clear();
        pendingRows = 0;
        pendingBytes = 0;
    }

    private void closePiece() {
        if (piece != null) {
            piece.close();
            piece = null;
        }
        next = 0;
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
        closePiece();
        closePending();
        merged.close();
    }
}
