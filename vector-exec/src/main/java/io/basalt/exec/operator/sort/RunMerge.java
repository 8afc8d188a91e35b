package io.basalt.exec.operator.sort;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.spill.SpillFile;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A k-way merge of sorted runs: each run is read one batch at a time, a binary heap of run numbers keeps the
 * run whose current row comes first on top (ties: the lower run number, which holds the earlier input rows),
 * and rows are copied to the output in that order. Each loaded batch gets its own {@link RowOrdering}, and
 * rows of two runs are compared with {@link RowOrdering#compareAcross}. Memory: one batch per run plus one
 * output batch. Closing deletes the runs.
 */
final class RunMerge implements SourceState {
    private final List<SpillFile> runs;
    private final List<SortKey> keys;
    private final List<LogicalType> types;
    private final ExecutionContext context;
    private final SpillFile.Reader[] readers;
    private final FieldVector[][] columns;
    private final RowOrdering[] orderings;
    private final int[] positions;
    private final int[] rowCounts;
    private final int[] heap;
    private int heapSize;
    private final List<FieldVector> output = new ArrayList<>();

    RunMerge(List<SpillFile> runs, List<SortKey> keys, List<LogicalType> types, ExecutionContext context) {
        this.runs = runs;
        this.keys = keys;
        this.types = types;
        this.context = context;
        int count = runs.size();
        readers = new SpillFile.Reader[count];
        columns = new FieldVector[count][];
        orderings = new RowOrdering[count];
        positions = new int[count];
        rowCounts = new int[count];
        heap = new int[count];
        try {
            for (int r = 0; r < count; r++) {
                readers[r] = runs.get(r).open(context.allocator());
                if (load(r)) {
                    heap[heapSize++] = r;
                }
            }
            for (int i = heapSize / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        } catch (RuntimeException | Error failure) {
            close();
            throw failure;
        }
    }

    /** Loads run {@code r}'s next batch; false when the run is exhausted. */
    private boolean load(int r) {
        Batch batch = readers[r].next();
        if (batch == null) {
            columns[r] = null;
            orderings[r] = null;
            return false;
        }
        columns[r] = batch.columns().toArray(new FieldVector[0]);
        orderings[r] = new RowOrdering(columns[r], batch.rowCount(), new int[0], keys);
        positions[r] = 0;
        rowCounts[r] = batch.rowCount();
        return true;
    }

    /** Whether run {@code a}'s current row comes before run {@code b}'s. */
    private boolean before(int a, int b) {
        int result = orderings[a].compareAcross(positions[a], orderings[b], positions[b]);
        return result < 0 || (result == 0 && a < b);
    }

    private void siftDown(int i) {
        int run = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], run)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = run;
    }

    @Override
    public Batch next() {
        release();
        if (heapSize == 0) {
            return null;
        }
        int capacity = context.vectorSize();
        for (LogicalType type : types) {
            output.add(ValueAccess.allocate(type, "", context.allocator(), capacity));
        }
        int count = 0;
        while (count < capacity && heapSize > 0) {
            int run = heap[0];
            int row = positions[run];
            // Rows come from whichever run is smallest, so they are copied one at a time (the merge is I/O-bound).
            for (int c = 0; c < output.size(); c++) {
                output.get(c).copyFromSafe(row, count, columns[run][c]);
            }
            count++;
            positions[run]++;
            if (positions[run] == rowCounts[run] && !load(run)) {
                heap[0] = heap[--heapSize];
            }
            if (heapSize > 0) {
                siftDown(0);
            }
        }
        for (FieldVector vector : output) {
            vector.setValueCount(count);
        }
        return new Batch(new ArrayList<>(output), count);
    }

    private void release() {
        for (FieldVector vector : output) {
            vector.close();
        }
        output.clear();
    }

    @Override
    public void close() {
        release();
        for (SpillFile.Reader reader : readers) {
            if (reader != null) {
                reader.close();
            }
        }
        for (SpillFile run : runs) {
            run.delete();
        }
    }
}
