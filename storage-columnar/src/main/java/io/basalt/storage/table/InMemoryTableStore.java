package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import io.basalt.exec.vector.VectorSlices;

/**
 * A table held in memory as chunks of Arrow vectors, {@code chunkRows} rows each. Full chunks never
 * change again, so scans read them without copying or locking; the last, partly filled chunk is read
 * through slices taken when the scan opens, so later appends stay invisible to it.
 */
public final class InMemoryTableStore implements TableStore {
    private final String name;
    private final List<LogicalType> columnTypes;
    private final BufferAllocator allocator;
    private final int chunkRows;
    private final List<FieldVector[]> chunks = new ArrayList<>();
    private int lastChunkRows;
    private long rowCount;

    public InMemoryTableStore(String name, List<LogicalType> columnTypes, BufferAllocator allocator, int chunkRows) {
        this.name = requireNonNull(name, "name is null");
        this.columnTypes = List.copyOf(columnTypes);
        this.allocator = requireNonNull(allocator, "allocator is null");
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive");
        }
        this.chunkRows = chunkRows;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return columnTypes;
    }

    @Override
    public synchronized long rowCount() {
        return rowCount;
    }

    @Override
    public void append(Batch batch) {
        appendAll(List.of(batch));
    }

    @Override
    public synchronized void appendAll(List<Batch> batches) {
        for (Batch batch : batches) {
            if (batch.columnCount() != columnTypes.size()) {
                throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, table "
                        + name + " has " + columnTypes.size());
            }
            int copied = 0;
            while (copied < batch.rowCount()) {
                if (chunks.isEmpty() || lastChunkRows == chunkRows) {
                    chunks.add(newChunk());
                    lastChunkRows = 0;
                }
                FieldVector[] chunk = chunks.getLast();
                int take = Math.min(chunkRows - lastChunkRows, batch.rowCount() - copied);
                for (int c = 0; c < chunk.length; c++) {
                    FieldVector source = batch.column(c);
                    FieldVector target = chunk[c];
                    for (int r = 0; r < take; r++) {
                        target.copyFromSafe(copied + r, lastChunkRows + r, source);
                    }
                    target.setValueCount(lastChunkRows + take);
                }
                lastChunkRows += take;
                copied += take;
                rowCount += take;
            }
        }
    }

    private FieldVector[] newChunk() {
        FieldVector[] chunk = new FieldVector[columnTypes.size()];
        for (int c = 0; c < chunk.length; c++) {
            chunk[c] = ValueAccess.allocate(columnTypes.get(c), "", allocator, chunkRows);
        }
        return chunk;
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        List<FieldVector[]> fullChunks;
        List<FieldVector> tail = new ArrayList<>();
        int tailRows;
        synchronized (this) {
            boolean lastIsFull = lastChunkRows == chunkRows;
            int full = lastIsFull ? chunks.size() : Math.max(0, chunks.size() - 1);
            fullChunks = new ArrayList<>(chunks.subList(0, full));
            tailRows = lastIsFull || chunks.isEmpty() ? 0 : lastChunkRows;
            if (tailRows > 0) {
                FieldVector[] last = chunks.getLast();
                for (int column : columns) {
                    tail.add(VectorSlices.slice(last[column], 0, tailRows, context.allocator()));
                }
            }
        }
        return new ChunkScan(fullChunks, tail, tailRows, columns, context);
    }

    /** Reads full chunks in place and the snapshot of the last one, slicing to the query's batch size. */
    private final class ChunkScan implements SourceState {
        private final List<FieldVector[]> fullChunks;
        private final List<FieldVector> tail;
        private final int tailRows;
        private final int[] columns;
        private final ExecutionContext context;
        private final List<FieldVector> slices = new ArrayList<>();
        private int chunk;
        private int offset;

        ChunkScan(List<FieldVector[]> fullChunks, List<FieldVector> tail, int tailRows, int[] columns,
                  ExecutionContext context) {
            this.fullChunks = fullChunks;
            this.tail = tail;
            this.tailRows = tailRows;
            this.columns = columns;
            this.context = context;
        }

        @Override
        public Batch next() {
            releaseSlices();
            while (true) {
                List<FieldVector> source;
                int rows;
                if (chunk < fullChunks.size()) {
                    FieldVector[] vectors = fullChunks.get(chunk);
                    source = new ArrayList<>(columns.length);
                    for (int column : columns) {
                        source.add(vectors[column]);
                    }
                    rows = chunkRows;
                } else if (chunk == fullChunks.size() && tailRows > 0) {
                    source = tail;
                    rows = tailRows;
                } else {
                    return null;
                }
                if (offset >= rows) {
                    chunk++;
                    offset = 0;
                    continue;
                }
                int count = Math.min(context.vectorSize(), rows - offset);
                Batch batch;
                if (offset == 0 && count == rows) {
                    batch = new Batch(source, rows);
                } else {
                    List<FieldVector> sliced = new ArrayList<>(source.size());
                    for (FieldVector vector : source) {
                        FieldVector slice = VectorSlices.slice(vector, offset, count, context.allocator());
                        slices.add(slice);
                        sliced.add(slice);
                    }
                    batch = new Batch(sliced, count);
                }
                offset += count;
                if (columns.length == 0) {
                    return new Batch(List.of(), count);
                }
                return batch;
            }
        }

        private void releaseSlices() {
            for (FieldVector slice : slices) {
                slice.close();
            }
            slices.clear();
        }

        @Override
        public void close() {
            releaseSlices();
            for (FieldVector vector : tail) {
                vector.close();
            }
        }
    }

    @Override
    public synchronized void close() {
        for (FieldVector[] chunk : chunks) {
            for (FieldVector vector : chunk) {
                vector.close();
            }
        }
        chunks.clear();
        rowCount = 0;
    }
}
