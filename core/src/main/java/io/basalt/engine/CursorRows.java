package io.basalt.engine;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.pipeline.PipelinePuller;
import io.basalt.exec.pipeline.ResultCollector;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The rows of a cursor, produced as FETCH and MOVE reach them: a {@link PipelinePuller} runs the cursor's query batch
 * by batch, and the rows read are kept as Arrow batches (slices of the query's own vectors, as a query's result is).
 * A cursor that may move backward (SCROLL, or neither SCROLL nor NO SCROLL) keeps every row it has read; a NO SCROLL
 * cursor forgets the batches wholly before its position, so reading a large table through it needs memory for a
 * batch or two. {@link #readAll} runs the query to its end (WITH HOLD at COMMIT, FETCH LAST / ALL) and frees the
 * query's state.
 *
 * <p>A failure while the query runs (an error in a row) is thrown by the read that reaches it; the rows read before
 * stay. Used by one session's thread.
 */
final class CursorRows implements AutoCloseable {
    private PipelinePuller puller;
    /** Closes what runs the query (its allocator and memory) once the puller is closed. */
    private Runnable closeQuery;
    private final List<ResultColumn> columns;
    private final ResultCollector keeper;
    private final BufferAllocator allocator;
    private final boolean keepsRead;
    private final List<VectorSchemaRoot> kept = new ArrayList<>();
    private final List<Long> keptStarts = new ArrayList<>();
    private long read;

    /**
     * @param puller the query, opened; owned from now on, as is {@code closeQuery}
     * @param keeper receives the rows read, allocated from {@code allocator}, which this object owns
     * @param keepsRead whether rows before the cursor's position stay readable (backward moves)
     */
    CursorRows(PipelinePuller puller, Runnable closeQuery, List<ResultColumn> columns, ResultCollector keeper,
               BufferAllocator allocator, boolean keepsRead) {
        this.puller = requireNonNull(puller, "puller is null");
        this.closeQuery = requireNonNull(closeQuery, "closeQuery is null");
        this.columns = List.copyOf(columns);
        this.keeper = requireNonNull(keeper, "keeper is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.keepsRead = keepsRead;
    }

    /**
     * Reads rows until at least {@code rows} have been read or the query has ended; returns how many have been read
     * (then the total, when it is fewer than asked for).
     *
     * @throws io.basalt.error.BasaltException what the query raises on the way (the rows read before stay)
     */
    long readUpTo(long rows) {
        while (read < rows && puller != null) {
            Batch batch = puller.next();
            if (batch == null) {
                endQuery();
                break;
            }
            keeper.sink(batch);
            for (VectorSchemaRoot root : keeper.takeBatches()) {
                kept.add(root);
                keptStarts.add(read);
                read += root.getRowCount();
            }
        }
        return read;
    }

    /** Reads every row that is left; returns the total. */
    long readAll() {
        return readUpTo(Long.MAX_VALUE);
    }

    /** Whether the query has ended (every row has been read). */
    boolean ended() {
        return puller == null;
    }

    /** Whether row {@code row} (0-based), once read, can still be copied out (a NO SCROLL cursor forgets). */
    boolean keeps(long row) {
        return kept.isEmpty() ? row >= read : row >= keptStarts.getFirst();
    }

    /** A NO SCROLL cursor at 1-based position {@code position}: frees the batches wholly before it. */
    void forgetBefore(long position) {
        if (keepsRead) {
            return;
        }
        while (kept.size() > 1 && keptStarts.get(1) < position) {
            kept.removeFirst().close();
            keptStarts.removeFirst();
        }
    }

    /** Copies rows {@code rows} (0-based, read and kept) into a new result owning {@code target}. */
    QueryResultImpl copyRows(long[] rows, String tag, BufferAllocator target) {
        List<Field> fields = keeper.fields();
        List<FieldVector> vectors = new ArrayList<>(fields.size());
        try {
            for (Field field : fields) {
                FieldVector vector = field.createVector(target);
                vector.allocateNew();
                vectors.add(vector);
            }
            for (int k = 0; k < rows.length; k++) {
                int batch = batchOf(rows[k]);
                VectorSchemaRoot root = kept.get(batch);
                int row = (int) (rows[k] - keptStarts.get(batch));
                for (int c = 0; c < vectors.size(); c++) {
                    io.basalt.exec.vector.VectorGather.copyValue(root.getVector(c), row, vectors.get(c), k);
                }
            }
            for (FieldVector vector : vectors) {
                vector.setValueCount(rows.length);
            }
            VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, rows.length);
            return new QueryResultImpl(true, columns, fields, List.of(root), rows.length, tag, List.of(), target);
        } catch (RuntimeException | Error failure) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            target.close();
            throw failure;
        }
    }

    /** The kept batch holding row {@code row}, by binary search over their first rows. */
    private int batchOf(long row) {
        int low = 0;
        int high = keptStarts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (keptStarts.get(middle) <= row) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private void endQuery() {
        if (puller != null) {
            try {
                puller.close();
            } finally {
                puller = null;
                closeQuery.run();
            }
        }
    }

    @Override
    public void close() {
        try {
            endQuery();
        } finally {
            for (VectorSchemaRoot root : kept) {
                root.close();
            }
            kept.clear();
            keeper.close();
            allocator.close();
        }
    }
}
