package io.basalt.arrow;

import io.basalt.api.QueryResult;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A query result as an Arrow stream ({@link ArrowReader}): each {@link #loadNextBatch()} loads the next of the
 * result's batches into the reader's root by handing over references to its buffers, not by copying them. The reader
 * owns the result: closing the reader closes it. Its root lives in the result's own allocator (buffers can only be
 * shared between allocators of one root), or, for a result without batches, in a small allocator of its own.
 */
final class QueryResultReader extends ArrowReader {
    private final QueryResult result;
    private final List<VectorSchemaRoot> batches;
    private final RootAllocator ownAllocator;
    private int next;
    private long bytes;

    private QueryResultReader(QueryResult result, BufferAllocator allocator, RootAllocator ownAllocator) {
        super(allocator);
        this.result = result;
        this.batches = result.batches();
        this.ownAllocator = ownAllocator;
    }

    static QueryResultReader of(QueryResult result) {
        List<VectorSchemaRoot> batches = result.batches();
        if (!batches.isEmpty() && batches.getFirst().getFieldVectors().size() > 0) {
            return new QueryResultReader(result, batches.getFirst().getVector(0).getAllocator(), null);
        }
        RootAllocator own = new RootAllocator();
        return new QueryResultReader(result, own, own);
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        ensureInitialized();
        if (next >= batches.size()) {
            getVectorSchemaRoot().setRowCount(0);
            return false;
        }
        VectorSchemaRoot batch = batches.get(next++);
        try (ArrowRecordBatch record = new VectorUnloader(batch).getRecordBatch()) {
            bytes += record.computeBodyLength();
            new VectorLoader(getVectorSchemaRoot()).load(record);
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    protected void closeReadSource() {
        result.close();
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (ownAllocator != null) {
            ownAllocator.close();
        }
    }

    @Override
    protected Schema readSchema() {
        return result.schema();
    }
}
