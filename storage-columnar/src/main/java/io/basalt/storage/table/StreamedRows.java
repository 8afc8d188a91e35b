package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import java.util.AbstractList;
import java.util.List;

/**
 * The rows of one INSERT handed to {@link TableStore#modify} when the statement streamed most of them to a data file
 * ({@link StreamedInsert}): the list holds the rows still in memory, {@code headBatches} of them before the file's
 * rows and the rest after; {@code written} is the file (null when the statement wrote none). Like
 * {@link FrozenBatches}, the batches' buffers are never written again, so the pending change shares them. The
 * pending change takes the file when it takes the rows ({@link #take}); until then the statement removes it when it
 * fails.
 */
public final class StreamedRows extends AbstractList<Batch> {
    private final List<Batch> batches;
    private final int headBatches;
    private RowGroupWriter.Written written;

    StreamedRows(List<Batch> batches, int headBatches, RowGroupWriter.Written written) {
        this.batches = List.copyOf(requireNonNull(batches, "batches is null"));
        this.headBatches = headBatches;
        this.written = written;
    }

    @Override
    public Batch get(int index) {
        return batches.get(index);
    }

    @Override
    public int size() {
        return batches.size();
    }

    /** How many of the batches come before the file's rows. */
    int headBatches() {
        return headBatches;
    }

    /** The file holding the rows between the head and the tail, or null (none, or taken). */
    RowGroupWriter.Written written() {
        return written;
    }

    /** Hands the file over to the pending change that took the rows. */
    RowGroupWriter.Written take() {
        RowGroupWriter.Written taken = written;
        written = null;
        return taken;
    }
}
