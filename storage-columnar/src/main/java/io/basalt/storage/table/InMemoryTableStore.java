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
 *
 * <p>The chunks belong to a {@link Generation}; TRUNCATE starts a new, empty one. Scans count themselves in
 * the generation they read, and a generation TRUNCATE left behind is freed when its last scan closes, so a
 * scan running across a TRUNCATE keeps reading valid memory.
 */
public final class InMemoryTableStore implements TableStore {
    private final String name;
    private final List<LogicalType> columnTypes;
    private final BufferAllocator allocator;
    private final int chunkRows;
    private Generation generation = new Generation();
    private List<FieldVector[]> chunks = generation.chunks;
    private int lastChunkRows;
    private long rowCount;
    private final List<UniqueKeyIndex> uniqueKeys = new ArrayList<>();

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
    public void appendAll(List<Batch> batches) {
        appendAll(batches, NOTHING);
    }

    private static final Runnable NOTHING = () -> { };

    /**
     * Checks the rows against every unique key (see {@link UniqueKeyIndex#newKeys}), then runs
     * {@code beforeVisible}, then copies the rows in and records their keys; all under the store's lock.
     */
    @Override
    public synchronized void appendAll(List<Batch> batches, Runnable beforeVisible) {
        int lastRows = batches.isEmpty() ? 0 : batches.getLast().rowCount();
        List<List<List<Object>>> newKeys = UniqueKeyIndex.newKeys(uniqueKeys, batches, lastRows);
        beforeVisible.run();
        copyIn(batches);
        for (int k = 0; k < uniqueKeys.size(); k++) {
            uniqueKeys.get(k).addAll(newKeys.get(k));
        }
    }

    @Override
    public synchronized void checkUniqueKeys(List<Batch> batches, int lastRows) {
        if (!batches.isEmpty()) {
            UniqueKeyIndex.newKeys(uniqueKeys, batches, lastRows);
        }
    }

    @Override
    public synchronized void addUniqueKey(UniqueKeyIndex key) {
        for (FieldVector[] chunk : chunks) {
            key.addRows(new Batch(List.of(chunk), chunk[0].getValueCount()));
        }
        uniqueKeys.add(key);
    }

    private void copyIn(List<Batch> batches) {
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

    /** The chunks written between two truncations, and how many open scans read them. */
    private static final class Generation {
        final List<FieldVector[]> chunks = new ArrayList<>();
        int openScans;
        boolean retired;

        void free() {
            for (FieldVector[] chunk : chunks) {
                for (FieldVector vector : chunk) {
                    vector.close();
                }
            }
            chunks.clear();
        }
    }

    @Override
    public synchronized void truncate() {
        Generation old = generation;
        old.retired = true;
        generation = new Generation();
        chunks = generation.chunks;
        lastChunkRows = 0;
        rowCount = 0;
        for (UniqueKeyIndex key : uniqueKeys) {
            key.clear();
        }
        if (old.openScans == 0) {
            old.free();
        }
    }

    /** A scan of {@code scanned} ended: frees it if TRUNCATE left it behind and no other scan reads it. */
    private synchronized void scanClosed(Generation scanned) {
        scanned.openScans--;
        if (scanned.retired && scanned.openScans == 0) {
            scanned.free();
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
    public long estimatedRows() {
        return rowCount();
    }

    /** Workers claim whole chunks from a shared counter; the last, partial chunk is one more morsel. */
    @Override
    public io.basalt.exec.operator.scan.ParallelScan openParallel(int[] columns, ExecutionContext context) {
        Snapshot snapshot = snapshot(columns, context);
        java.util.concurrent.atomic.AtomicInteger nextMorsel = new java.util.concurrent.atomic.AtomicInteger();
        return new io.basalt.exec.operator.scan.ParallelScan() {
            @Override
            public SourceState openWorker() {
                return new ChunkScan(snapshot, columns, context, nextMorsel, false);
            }

            private boolean closed;

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                for (FieldVector vector : snapshot.tail()) {
                    vector.close();
                }
                scanClosed(snapshot.generation());
            }
        };
    }

    /**
     * The chunks a scan reads: the full ones in place, the last one as slices taken now. Taking a snapshot
     * counts a scan of its generation; the scan reports its end through {@link #scanClosed}.
     */
    private record Snapshot(Generation generation, List<FieldVector[]> fullChunks, List<FieldVector> tail,
                            int tailRows) {
    }

    private Snapshot snapshot(int[] columns, ExecutionContext context) {
        List<FieldVector> tail = new ArrayList<>();
        synchronized (this) {
            boolean lastIsFull = lastChunkRows == chunkRows;
            int full = lastIsFull ? chunks.size() : Math.max(0, chunks.size() - 1);
            List<FieldVector[]> fullChunks = new ArrayList<>(chunks.subList(0, full));
            int tailRows = lastIsFull || chunks.isEmpty() ? 0 : lastChunkRows;
            if (tailRows > 0) {
                FieldVector[] last = chunks.getLast();
                for (int column : columns) {
                    tail.add(VectorSlices.slice(last[column], 0, tailRows, context.allocator()));
                }
            }
            generation.openScans++;
            return new Snapshot(generation, fullChunks, tail, tailRows);
        }
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        Snapshot snapshot = snapshot(columns, context);
        return new ChunkScan(snapshot, columns, context, new java.util.concurrent.atomic.AtomicInteger(), true);
    }

    /**
     * Reads full chunks in place and the snapshot of the last one, slicing to the query's batch size. The
     * chunks it reads are those it claims from {@code nextMorsel} (shared by the workers of a parallel
     * scan; a private counter for a plain scan). {@code ownsSnapshot}: a plain scan frees the tail slices
     * and ends its snapshot's scan (a parallel scan's workers leave that to the parallel scan).
     */
    private final class ChunkScan implements SourceState {
        private final Snapshot snapshot;
        private final List<FieldVector[]> fullChunks;
        private final List<FieldVector> tail;
        private final int tailRows;
        private final int[] columns;
        private final ExecutionContext context;
        private final java.util.concurrent.atomic.AtomicInteger nextMorsel;
        private final boolean ownsSnapshot;
        private final List<FieldVector> slices = new ArrayList<>();
        private boolean closed;
        private int chunk = -1;
        private int offset;

        ChunkScan(Snapshot snapshot, int[] columns, ExecutionContext context,
                  java.util.concurrent.atomic.AtomicInteger nextMorsel, boolean ownsSnapshot) {
            this.snapshot = snapshot;
            this.fullChunks = snapshot.fullChunks();
            this.tail = snapshot.tail();
            this.tailRows = snapshot.tailRows();
            this.columns = columns;
            this.context = context;
            this.nextMorsel = nextMorsel;
            this.ownsSnapshot = ownsSnapshot;
        }

        @Override
        public Batch next() {
            releaseSlices();
            if (chunk < 0) {
                chunk = nextMorsel.getAndIncrement();
            }
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
                    chunk = nextMorsel.getAndIncrement();
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
            if (ownsSnapshot && !closed) {
                closed = true;
                for (FieldVector vector : tail) {
                    vector.close();
                }
                scanClosed(snapshot.generation());
            }
        }
    }

    @Override
    public synchronized void close() {
        generation.free();
        rowCount = 0;
    }
}
