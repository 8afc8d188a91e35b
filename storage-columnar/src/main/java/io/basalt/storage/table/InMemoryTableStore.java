package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ParallelScan;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A table held in memory as chunks of Arrow vectors, {@code chunkRows} rows each. Full chunks never
 * change again, so scans read them without copying or locking; the last, partly filled chunk is read
 * through slices taken when the scan opens, so later appends stay invisible to it.
 *
 * <p>Deleting a row (DELETE, and UPDATE, which deletes the old version and appends the new one) sets its bit
 * in its chunk's deletion mask. Masks are copied on write: a change installs a new mask, so a scan keeps the
 * masks it saw when it opened and reads a consistent table. A row's id is its position among all rows appended
 * since the table was created or last truncated, tagged with the number of that generation; positions never
 * move, so ids stay valid until the row is deleted, and replaying the log reproduces them.
 *
 * <p>The chunks belong to a {@link Generation}; TRUNCATE starts a new, empty one. Scans count themselves in
 * the generation they read, and a generation TRUNCATE left behind is freed when its last scan closes, so a
 * scan running across a TRUNCATE keeps reading valid memory.
 */
public final class InMemoryTableStore implements TableStore {
    /** Bits of a row id holding the row's position in its generation; the bits above hold the generation. */
    static final int POSITION_BITS = 40;
    private static final long[] NO_ROWS = new long[0];
    private static final Runnable NOTHING = () -> { };

    private final String name;
    private final List<LogicalType> columnTypes;
    private final BufferAllocator allocator;
    private final int chunkRows;
    private Generation generation = new Generation(0);
    private int lastChunkRows;
    private long rowCount;
    private final List<UniqueKeyIndex> uniqueKeys = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();
    /** The order in which a statement changing several tables takes their locks (creation order). */
    final long serial = SERIALS.incrementAndGet();

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
    public boolean providesRowIds() {
        return true;
    }

    /** Rows currently stored, deleted ones not counted. */
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
        modify(NO_ROWS, batches, NOTHING);
    }

    @Override
    public void appendAll(List<Batch> batches, Runnable beforeVisible) {
        modify(NO_ROWS, batches, beforeVisible);
    }

    /**
     * Checks that every row in {@code deleted} still exists, applies the statement's unique-key changes (see
     * {@link UniqueKeyIndex#replace}), runs {@code beforeVisible}, then marks the rows deleted and copies the
     * new rows in; all under the store's lock, so that no scan sees part of it and a failure anywhere before
     * the rows change leaves the table as it was.
     *
     * @throws BasaltException 40001 when a row was deleted or updated since the statement's scan read it
     */
    @Override
    public synchronized void modify(long[] deleted, List<Batch> appended, Runnable beforeVisible) {
        int[] chunkOf = new int[deleted.length];
        int[] rowOf = new int[deleted.length];
        List<FieldVector[]> oldChunks = new ArrayList<>(deleted.length);
        for (int i = 0; i < deleted.length; i++) {
            long position = locate(deleted[i]);
            chunkOf[i] = (int) (position / chunkRows);
            rowOf[i] = (int) (position % chunkRows);
            oldChunks.add(generation.chunks.get(chunkOf[i]));
        }
        Runnable undoKeys = UniqueKeyIndex.replace(uniqueKeys, oldChunks, rowOf, appended);
        try {
            beforeVisible.run();
        } catch (RuntimeException | Error failure) {
            undoKeys.run();
            throw failure;
        }
        markDeleted(chunkOf, rowOf);
        copyIn(appended);
    }

    /**
     * Appends the rows that conflict with nothing on the {@code arbiters} keys (see {@link TableStore#insertNew}):
     * the keys are recorded row by row as {@link UniqueKeyIndex#insertNew} decides, the kept rows are gathered into
     * batches of their own, handed to {@code beforeVisible}, and copied in; all under the store's lock.
     */
    @Override
    public synchronized boolean[] insertNew(List<Batch> batches, java.util.Set<String> arbiters,
                                            java.util.function.Consumer<List<Batch>> beforeVisible) {
        UniqueKeyIndex.Insertion insertion = UniqueKeyIndex.insertNew(uniqueKeys, arbiters, batches);
        boolean[] inserted = insertion.inserted();
        List<Batch> kept = new ArrayList<>();
        try {
            int first = 0;
            for (Batch batch : batches) {
                int[] selection = new int[batch.rowCount()];
                int count = 0;
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (inserted[first + row]) {
                        selection[count++] = row;
                    }
                }
                first += batch.rowCount();
                if (count > 0) {
                    kept.add(io.basalt.exec.vector.VectorGather.gatherCopy(batch, selection, count, allocator));
                }
            }
            beforeVisible.accept(kept);
            copyIn(kept);
            return inserted;
        } catch (RuntimeException | Error failure) {
            insertion.undo().run();
            throw failure;
        } finally {
            for (Batch batch : kept) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
        }
    }

    /**
     * The position of the live row {@code rowId} in the current generation.
     *
     * @throws BasaltException 40001 when the row is gone (deleted, updated, or truncated away)
     */
    private long locate(long rowId) {
        long position = rowId & ((1L << POSITION_BITS) - 1);
        int chunk = (int) (position / chunkRows);
        boolean live = rowId >>> POSITION_BITS == generation.number && chunk < generation.chunks.size()
                && (chunk < generation.chunks.size() - 1 || position % chunkRows < lastChunkRows
                || lastChunkRows == chunkRows);
        if (live) {
            long[] mask = generation.masks.get(chunk);
            int row = (int) (position % chunkRows);
            live = mask == null || (mask[row >>> 6] & (1L << row)) == 0;
        }
        if (!live) {
            throw BasaltException.of(SqlState.SERIALIZATION_FAILURE,
                    "could not serialize access due to concurrent update");
        }
        return position;
    }

    /** Sets the rows' deletion bits, installing a new mask for each chunk touched. */
    private void markDeleted(int[] chunkOf, int[] rowOf) {
        List<long[]> masks = generation.masks;
        List<Integer> copied = new ArrayList<>();
        for (int i = 0; i < chunkOf.length; i++) {
            int chunk = chunkOf[i];
            long[] mask = masks.get(chunk);
            if (!copied.contains(chunk)) {
                mask = mask == null ? new long[(chunkRows + 63) >>> 6] : mask.clone();
                masks.set(chunk, mask);
                copied.add(chunk);
            }
            long bit = 1L << rowOf[i];
            if ((mask[rowOf[i] >>> 6] & bit) != 0) {
                throw new IllegalArgumentException("row " + rowOf[i] + " of chunk " + chunk + " deleted twice");
            }
            mask[rowOf[i] >>> 6] |= bit;
            rowCount--;
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
        List<FieldVector[]> chunks = generation.chunks;
        for (int c = 0; c < chunks.size(); c++) {
            FieldVector[] chunk = chunks.get(c);
            key.addRows(new Batch(List.of(chunk), chunk[0].getValueCount()), generation.masks.get(c));
        }
        uniqueKeys.add(key);
    }

    /** The unique key of that constraint name, or null. The caller holds this store's lock. */
    UniqueKeyIndex uniqueKey(String constraintName) {
        for (UniqueKeyIndex key : uniqueKeys) {
            if (key.constraintName().equals(constraintName)) {
                return key;
            }
        }
        return null;
    }

    @Override
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    @Override
    public void addForeignKey(ForeignKey key) {
        foreignKeys.add(key);
    }

    @Override
    public void removeForeignKey(ForeignKey key) {
        foreignKeys.remove(key);
    }

    /** Receives stored rows one at a time: the chunk's vectors (all columns), the row in it, and its row id. */
    interface RowVisitor {
        void visit(FieldVector[] chunk, int row, long rowId);
    }

    /** Visits every live row in storage order. The caller holds this store's lock. */
    void forEachRow(RowVisitor visitor) {
        List<FieldVector[]> chunks = generation.chunks;
        long base = generation.number << POSITION_BITS;
        for (int c = 0; c < chunks.size(); c++) {
            FieldVector[] chunk = chunks.get(c);
            int rows = c < chunks.size() - 1 ? chunkRows : lastChunkRows;
            long[] mask = generation.masks.get(c);
            for (int row = 0; row < rows; row++) {
                if (mask == null || (mask[row >>> 6] & (1L << row)) == 0) {
                    visitor.visit(chunk, row, base + (long) c * chunkRows + row);
                }
            }
        }
    }

    /**
     * The stored values of the live row {@code rowId}, one per column. The caller holds this store's lock.
     *
     * @throws BasaltException 40001 when the row is gone
     */
    Object[] row(long rowId) {
        long position = locate(rowId);
        FieldVector[] chunk = generation.chunks.get((int) (position / chunkRows));
        int row = (int) (position % chunkRows);
        Object[] values = new Object[chunk.length];
        for (int c = 0; c < chunk.length; c++) {
            values[c] = ValueAccess.get(chunk[c], row);
        }
        return values;
    }

    @Override
    public synchronized void createUniqueKey(UniqueKeyIndex key) {
        List<FieldVector[]> chunks = generation.chunks;
        for (int c = 0; c < chunks.size(); c++) {
            FieldVector[] chunk = chunks.get(c);
            key.addRowsChecked(new Batch(List.of(chunk), chunk[0].getValueCount()), generation.masks.get(c));
        }
        uniqueKeys.add(key);
    }

    @Override
    public synchronized void removeUniqueKey(String constraintName) {
        uniqueKeys.removeIf(key -> key.constraintName().equals(constraintName));
    }

    private void copyIn(List<Batch> batches) {
        List<FieldVector[]> chunks = generation.chunks;
        for (Batch batch : batches) {
            if (batch.columnCount() != columnTypes.size()) {
                throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, table "
                        + name + " has " + columnTypes.size());
            }
            int copied = 0;
            while (copied < batch.rowCount()) {
                if (chunks.isEmpty() || lastChunkRows == chunkRows) {
                    if (chunks.size() >= (1L << POSITION_BITS) / chunkRows) {
                        throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "table \"" + name
                                + "\" cannot hold more than " + (1L << POSITION_BITS) + " rows between truncations");
                    }
                    chunks.add(newChunk());
                    generation.masks.add(null);
                    lastChunkRows = 0;
                }
                FieldVector[] chunk = chunks.getLast();
                int take = Math.min(chunkRows - lastChunkRows, batch.rowCount() - copied);
                for (int c = 0; c < chunk.length; c++) {
                    FieldVector source = batch.column(c);
                    FieldVector target = chunk[c];
                    for (int r = 0; r < take; r++) {
                        io.basalt.exec.vector.VectorGather.copyValue(source, copied + r, target, lastChunkRows + r);
                    }
                    target.setValueCount(lastChunkRows + take);
                }
                lastChunkRows += take;
                copied += take;
                rowCount += take;
            }
        }
    }

    /**
     * The chunks written between two truncations, their deletion masks (null: no row deleted; a mask is never
     * changed once installed), and how many open scans read them. {@code number} counts truncations.
     */
    static final class Generation {
        final long number;
        final List<FieldVector[]> chunks = new ArrayList<>();
        final List<long[]> masks = new ArrayList<>();
        int openScans;
        boolean retired;

        Generation(long number) {
            this.number = number;
        }

        void free() {
            for (FieldVector[] chunk : chunks) {
                for (FieldVector vector : chunk) {
                    vector.close();
                }
            }
            chunks.clear();
            masks.clear();
        }
    }

    @Override
    public synchronized void truncate() {
        Generation old = generation;
        old.retired = true;
        generation = new Generation(old.number + 1);
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
    synchronized void scanClosed(Generation scanned) {
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
    public ParallelScan openParallel(int[] columns, ExecutionContext context) {
        TableSnapshot snapshot = snapshot(columns, context);
        AtomicInteger nextMorsel = new AtomicInteger();
        return new ParallelScan() {
            private boolean closed;

            @Override
            public SourceState openWorker() {
                return new ChunkScan(snapshot, columns, context, nextMorsel, false);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    snapshot.close();
                }
            }
        };
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        return new ChunkScan(snapshot(columns, context), columns, context, new AtomicInteger(), true);
    }

    /** The chunks and masks as they are now; the last chunk's requested columns as slices taken now. */
    private TableSnapshot snapshot(int[] columns, ExecutionContext context) {
        List<FieldVector> tail = new ArrayList<>();
        synchronized (this) {
            List<FieldVector[]> chunks = generation.chunks;
            boolean lastIsFull = lastChunkRows == chunkRows;
            int full = lastIsFull ? chunks.size() : Math.max(0, chunks.size() - 1);
            int tailRows = lastIsFull || chunks.isEmpty() ? 0 : lastChunkRows;
            if (tailRows > 0) {
                FieldVector[] last = chunks.getLast();
                for (int column : columns) {
                    if (column != ROW_ID) {
                        tail.add(VectorSlices.slice(last[column], 0, tailRows, context.allocator()));
                    } else {
                        tail.add(null);
                    }
                }
            }
            generation.openScans++;
            return new TableSnapshot(this, generation, new ArrayList<>(chunks.subList(0, full)),
                    new ArrayList<>(generation.masks), tail, tailRows, chunkRows);
        }
    }

    @Override
    public synchronized void close() {
        generation.free();
        rowCount = 0;
    }
}
