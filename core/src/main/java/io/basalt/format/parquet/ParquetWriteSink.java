package io.basalt.format.parquet;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;

/**
 * The last sink of a plan whose rows go to a Parquet file (COPY ... TO 'f.parquet'): each batch is written as it
 * arrives, so nothing is buffered beyond the row group being built. {@link #finish()} writes the footer; closing
 * without finishing (the statement failed) deletes the partial file.
 */
public final class ParquetWriteSink implements SinkState {
    private final ParquetBatchWriter writer;
    private boolean finished;

    public ParquetWriteSink(ParquetBatchWriter writer) {
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public void sink(Batch batch) {
        writer.write(batch.columns(), batch.rowCount());
    }

    @Override
    public void finish() {
        writer.close();
        finished = true;
    }

    @Override
    public SourceState openResult() {
        throw BasaltException.internal("a Parquet file is the last sink of a plan");
    }

    public long rowCount() {
        return writer.rowCount();
    }

    @Override
    public void close() {
        if (!finished) {
            writer.abort();
        }
    }
}
