package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.VectorSlices;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The rows of one plain INSERT into a logged table of a database directory on their way to the transaction's pending
 * change, written to a data file of row groups while the statement still produces them, so that however many rows
 * the statement inserts, memory holds only about two row groups of them ({@link RowGroupWriter.Stream}). Nothing is
 * written until the statement has produced {@link RowGroupWriter#minimumRows} rows (a smaller INSERT keeps its rows
 * in memory as before). Then the rows that fill the table's last chunk stay in memory (the head), and the rest go to
 * the file whole row group by whole row group; when the statement ends, the whole chunks left go to the file too,
 * and the rows after them (fewer than a chunk) stay in memory (the tail). The rows' place is where the transaction's
 * reservation puts them ({@link InMemoryTableStore#reserve}); COMMIT attaches the file there, or reads its rows back
 * and logs them when another commit took that place first.
 *
 * <p>The statement owns the file until the pending change takes it with the rows ({@link StreamedRows}); a
 * statement that fails (a constraint, an error, a cancel) removes it when its sink closes ({@link #close}). Used by
 * the statement's sink only.
 */
public final class StreamedInsert implements AutoCloseable {
    private final InMemoryTableStore store;
    private final PendingChange change;
    private final RowGroupWriter writer;
    private final BufferAllocator allocator;
    private final int chunkRows;
    private final int groupRows;
    private final long startRows;
    /** Rows neither in the head nor written yet, in order; owned. */
    private final List<Batch> buffered = new ArrayList<>();
    private long bufferedRows;
    /** Rows placed before the file's, filling the table's last chunk; owned. */
    private final List<Batch> head = new ArrayList<>();
    private RowGroupWriter.Stream stream;
    private long firstPosition;
    private long generation;
    private StreamedRows handedOver;

    StreamedInsert(InMemoryTableStore store, PendingChange change, RowGroupWriter writer, BufferAllocator allocator,
                   int chunkRows) {
        this.store = requireNonNull(store, "store is null");
        this.change = requireNonNull(change, "change is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.chunkRows = chunkRows;
        this.groupRows = writer.rowGroupRows(chunkRows);
        // at least one whole row group beyond the head, so that a started file is never empty
        this.startRows = Math.max(writer.minimumRows(), (long) groupRows + chunkRows);
    }

    /**
     * Takes {@code batch} (as wide as the table, its NOT NULL and CHECK constraints checked; owned by this object from
     * now on) as the statement's next rows; writes whole row groups to the file once there are enough rows.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written
     */
    public void add(Batch batch) {
        if (batch.rowCount() == 0) {
            free(batch);
            return;
        }
        buffered.add(batch);
        bufferedRows += batch.rowCount();
        if (stream == null) {
            if (bufferedRows < startRows) {
                return;
            }
            start();
        }
        while (bufferedRows >= groupRows) {
            write(groupRows);
        }
    }

    /**
     * The statement's rows end: writes the whole chunks left and the file's footer, and returns the rows for
     * {@link TableStore#modify}: the head and the tail in memory around the file ({@link StreamedRows}). The batches
     * stay owned by this object, which frees them when closed.
     */
    public List<Batch> finish() {
        RowGroupWriter.Written written = null;
        if (stream != null) {
            int rest = (int) (bufferedRows / chunkRows * chunkRows);
            if (rest > 0) {
                write(rest);
            }
            RowGroupWriter.Stream finishing = stream;
            stream = null;
            written = finishing.finish(firstPosition, generation);
        }
        List<Batch> rows = new ArrayList<>(head);
        rows.addAll(buffered);
        handedOver = new StreamedRows(rows, head.size(), written);
        return handedOver;
    }

    /** Frees the rows in memory; removes the file unless the pending change took it. */
    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.abort();
                stream = null;
            }
            RowGroupWriter.Written untaken = handedOver == null ? null : handedOver.take();
            if (untaken != null) {
                writer.discard(untaken);
            }
        } finally {
            head.forEach(StreamedInsert::free);
            buffered.forEach(StreamedInsert::free);
            head.clear();
            buffered.clear();
        }
    }

    /** Decides where the file's rows go and keeps the rows before that place in memory. */
    private void start() {
        long[] place = store.nextPendingPlace(change);
        long next = place[0];
        int headRows = (int) ((chunkRows - next % chunkRows) % chunkRows);
        long taken = 0;
        while (taken < headRows) {
            Batch first = buffered.getFirst();
            int take = (int) Math.min(first.rowCount(), headRows - taken);
            head.add(take == first.rowCount() ? first : VectorSlices.slice(first, 0, take, allocator));
            dropFront(take, take == first.rowCount());
            taken += take;
        }
        firstPosition = next + headRows;
        generation = place[1];
        stream = writer.stream(store.columnTypes());
    }

    /** Writes the first {@code rows} buffered rows (whole chunks) to the file as one row group. */
    private void write(int rows) {
        stream.add(buffered, 0, rows);
        long left = rows;
        while (left > 0) {
            Batch first = buffered.getFirst();
            int take = (int) Math.min(first.rowCount(), left);
            dropFront(take, false);
            left -= take;
        }
    }

    /**
     * Removes the first {@code rows} rows of the first buffered batch (all of them or fewer): freed unless
     * {@code kept} (moved to the head), the rest kept as a slice.
     */
    private void dropFront(int rows, boolean kept) {
        Batch first = buffered.removeFirst();
        bufferedRows -= rows;
        if (rows < first.rowCount()) {
            buffered.addFirst(VectorSlices.slice(first, rows, first.rowCount() - rows, allocator));
        }
        if (!kept) {
            free(first);
        }
    }

    private static void free(Batch batch) {
        for (FieldVector column : batch.columns()) {
            column.close();
        }
    }
}
