package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.storage.lock.LockOwner;
import io.basalt.storage.lock.RowLockMode;
import io.basalt.storage.wal.WriteAheadLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * One table's part of an open transaction: the committed rows it deleted, the rows it appended (copies it owns)
 * and whether it truncated the table, private to the transaction until COMMIT applies them
 * ({@link InMemoryTableStore#validate}, {@link InMemoryTableStore#apply}) or ROLLBACK drops them ({@link #close}).
 *
 * <p>The change is kept as a list of steps (delete one row, append one batch, truncate), so a savepoint is a
 * position in the list and ROLLBACK TO cuts the list back and derives the rest again. Derived from the steps: a
 * deletion mask per chunk of committed rows (what the transaction's own scans hide), one per appended batch (its
 * own rows it deleted again), and per unique key the keys its live rows add and the committed keys its deletions
 * give up, against which each statement's new rows are checked ({@link #stage}).
 *
 * <p>Row ids of pending rows have {@link #PENDING_ROW} set and number the transaction's appended rows from 0, so a
 * later statement of the transaction can update or delete them like committed rows.
 *
 * <p>Row locks: while the change is open, the committed rows it deleted are locked by its {@link #owner()}
 * ({@link RowLockTable}); closing it releases them.
 *
 * <p>Not thread-safe: one session uses it, and the store calls it under its own lock.
 */
public final class PendingChange implements AutoCloseable {
    /** The bit that marks a row id as a transaction's own pending row; the bits below number those rows. */
    static final long PENDING_ROW = 1L << 62;

    private sealed interface Step permits Deleted, Appended, Truncated {
    }

    /**
     * A row deleted; for a committed row, its key on each unique index (null where it has none). {@code deleteOnly}:
     * by a statement that added no rows (a DELETE, not an UPDATE), for the wording of a later conflict.
     */
    private record Deleted(long rowId, List<List<Object>> keys, boolean deleteOnly) implements Step {
    }

    private record Appended(int batch) implements Step {
    }

    private record Truncated() implements Step {
    }

    /** An appended batch held by a file: row group {@code group} of file {@code file} of {@link #spilled}. */
    record StoredGroup(int file, int group, int rows) {
    }

    /** A unique key as this transaction sees it: keys its live rows hold, committed keys its deletions freed. */
    private static final class KeyOverlay {
        final UniqueKeySet added = new UniqueKeySet();
        final UniqueKeySet removed = new UniqueKeySet();
    }

    private final InMemoryTableStore store;
    private final LockOwner owner;
    private final BufferAllocator allocator;
    private final int chunkRows;
    private WriteAheadLog log;
    private RowGroupWriter rowGroupWriter;
    private RowGroupWriter.Written writtenRows;
    private final List<Step> steps = new ArrayList<>();
    /** The appended batches in order; null where the rows are a row group of a statement's file ({@link #stored}). */
    private final List<Batch> batches = new ArrayList<>();
    /**
     * Per appended batch, where a statement that streamed its rows ({@link StreamedInsert}) wrote them: one row group
     * of one of {@link #spilled}'s files; null for rows in memory.
     */
    private final List<StoredGroup> stored = new ArrayList<>();
    /** The files statements of this transaction streamed their rows to, in the order their rows come. */
    private final List<RowGroupWriter.Written> spilled = new ArrayList<>();
    private final List<long[]> batchMasks = new ArrayList<>();
    private final List<Long> batchStarts = new ArrayList<>();
    private long pendingRows;
    /** Per appended batch, the live rows of the batches before it; null when a change of the rows voided it. */
    private long[] liveBefore;
    private boolean truncated;
    private final Map<Long, long[]> deletedMasks = new HashMap<>();
    /** Of {@link #deletedMasks}' rows, those a DELETE (not an UPDATE) removed: locked as FOR UPDATE. */
    private final Map<Long, long[]> deleteOnlyMasks = new HashMap<>();
    private final List<KeyOverlay> overlays = new ArrayList<>();
    /**
     * UPDATE's new versions: old row id (committed, or an earlier pending row) to the pending id of the row that
     * replaced it, so that COMMIT can tell which committed row follows which ({@link #committedSuccessors}); a READ
     * COMMITTED statement that meets one of the old rows re-checks the new one (see {@link ConcurrentlyUpdatedRows}).
     * At most {@link #MAX_SUCCESSORS} are kept; beyond them (and after ROLLBACK TO) the new versions are unknown.
     */
    private final Map<Long, Long> successors = new HashMap<>();
    static final int MAX_SUCCESSORS = 16_384;

    PendingChange(InMemoryTableStore store, LockOwner owner, BufferAllocator allocator, int chunkRows) {
        this.store = requireNonNull(store, "store is null");
        this.owner = owner;
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.chunkRows = chunkRows;
    }

    /** The table this change is for. */
    public InMemoryTableStore store() {
        return store;
    }

    /** The transaction that holds the rows this change deleted; null for a change made outside a transaction. */
    public LockOwner owner() {
        return owner;
    }

    /**
     * Whether a live row this transaction added holds {@code key} on the {@code k}-th unique key of its table (not
     * kept for deferrable keys). Store lock held: another transaction inserting the key waits for this one.
     */
    boolean addsKey(int k, List<Object> key) {
        return k < overlays.size() && overlays.get(k).added.contains(key);
    }

    /**
     * Whether this transaction deleted a committed row holding {@code key} on the {@code k}-th unique key. Store lock
     * held: another transaction inserting the key waits for this one, as it would for a deleting PostgreSQL one.
     */
    boolean freesKey(int k, List<Object> key) {
        return k < overlays.size() && overlays.get(k).removed.contains(key);
    }

    /** The lock mode in which this change holds committed row {@code rowId}, which it deletes. */
    RowLockMode deletionMode(long rowId) {
        if (truncated) {
            return RowLockMode.UPDATE;
        }
        long position = rowId & ((1L << InMemoryTableStore.POSITION_BITS) - 1);
        long[] mask = deleteOnlyMasks.get(chunkKey(rowId >>> InMemoryTableStore.POSITION_BITS,
                (int) (position / chunkRows)));
        int row = (int) (position % chunkRows);
        return mask != null && (mask[row >>> 6] & (1L << row)) != 0 ? RowLockMode.UPDATE : RowLockMode.NO_KEY_UPDATE;
    }

    /** The log COMMIT writes this change to; null for a table that is not logged. */
    public WriteAheadLog log() {
        return log;
    }

    /** Makes COMMIT write this change to {@code log} (the table's store is logged). */
    public void logTo(WriteAheadLog log) {
        this.log = log;
    }

    /**
     * Makes COMMIT write this change to {@code log}, and a large insert's rows to a data file through {@code writer}
     * (null: none) instead of into the log ({@link InMemoryTableStore#writeRowGroups}).
     */
    public void logTo(WriteAheadLog log, RowGroupWriter writer) {
        this.log = log;
        this.rowGroupWriter = writer;
    }

    /** Where a large insert's rows go to a data file, or null. */
    RowGroupWriter rowGroupWriter() {
        return rowGroupWriter;
    }

    /** The data file COMMIT wrote this change's rows to before locking the table, or null. */
    RowGroupWriter.Written writtenRows() {
        return writtenRows;
    }

    void setWrittenRows(RowGroupWriter.Written written) {
        this.writtenRows = written;
    }

    /** The store takes the written file's groups (the commit attaches them): closing no longer removes the file. */
    RowGroupWriter.Written takeWrittenRows() {
        RowGroupWriter.Written written = writtenRows;
        writtenRows = null;
        return written;
    }

    /** Removes the written file, which no commit will take (the table changed meanwhile, or a rollback). */
    void discardWrittenRows() {
        RowGroupWriter.Written written = writtenRows;
        writtenRows = null;
        if (written != null) {
            rowGroupWriter.discard(written);
        }
    }

    /** Whether the transaction changed anything here (a savepoint rolled back may have emptied it). */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** A savepoint's mark: ROLLBACK TO that savepoint returns here with {@link #rollbackTo}. */
    public int mark() {
        return steps.size();
    }

    boolean truncated() {
        return truncated;
    }

    static boolean isPending(long rowId) {
        return (rowId & PENDING_ROW) != 0;
    }

    // ---- what the transaction's own scans see --------------------------------------------------------------

    /** The committed rows of chunk {@code chunk} of generation {@code generation} this transaction deleted, or null. */
    long[] deletedMask(long generation, int chunk) {
        return deletedMasks.get(chunkKey(generation, chunk));
    }

    int batchCount() {
        return batches.size();
    }

    /** Appended batch {@code index} when it is in memory; null when a file holds it ({@link #storedGroup}). */
    Batch batch(int index) {
        return batches.get(index);
    }

    /** Where a file holds appended batch {@code index}, or null when it is in memory. */
    StoredGroup storedGroup(int index) {
        return stored.get(index);
    }

    /** The rows of the file {@code group} names, opened for reading (owned by this change until COMMIT takes it). */
    StoredRowGroups storedRows(StoredGroup group) {
        return spilled.get(group.file()).groups();
    }

    /** How many rows appended batch {@code index} holds. */
    int batchRows(int index) {
        Batch batch = batches.get(index);
        return batch != null ? batch.rowCount() : stored.get(index).rows();
    }

    /**
     * The rows of appended batch {@code index}: the batch in memory, or its row group read from its file into a batch
     * that is added to {@code reads} for the caller to free.
     */
    Batch rowsOf(int index, List<Batch> reads) {
        Batch batch = batches.get(index);
        if (batch != null) {
            return batch;
        }
        StoredGroup group = stored.get(index);
        StoredRowGroups rows = storedRows(group);
        List<FieldVector> columns = new ArrayList<>(rows.columnCount());
        try {
            for (int column = 0; column < rows.columnCount(); column++) {
                columns.add(rows.read(group.group(), column, 0, group.rows(), allocator));
            }
        } catch (RuntimeException | Error failure) {
            columns.forEach(FieldVector::close);
            throw failure;
        }
        Batch read = new Batch(columns, group.rows());
        reads.add(read);
        return read;
    }

    /** Whether statements streamed some of the appended rows to files. */
    boolean hasStoredRows() {
        return !spilled.isEmpty();
    }

    /** The files statements streamed rows to, in order (see {@link #storedGroup}). */
    List<RowGroupWriter.Written> spilledFiles() {
        return List.copyOf(spilled);
    }

    /** The index of the first appended batch file {@code file} of {@link #spilledFiles} holds. */
    int firstBatchOf(int file) {
        for (int b = 0; b < stored.size(); b++) {
            StoredGroup group = stored.get(b);
            if (group != null && group.file() == file) {
                return b;
            }
        }
        throw new IllegalStateException("no rows of file " + file);
    }

    /** The deleted rows of appended batch {@code index}, as a copy a scan may keep, or null when none is. */
    long[] batchMask(int index) {
        long[] mask = batchMasks.get(index);
        return mask == null ? null : mask.clone();
    }

    /** The row id of the first row of appended batch {@code index}. */
    long batchFirstRowId(int index) {
        return PENDING_ROW | batchStarts.get(index);
    }

    /**
     * Every batch the transaction appended here, in order, its rows deleted again included (see {@link #batchMask});
     * rows a file holds are read into batches added to {@code reads}, for the caller to free.
     */
    List<Batch> appendedBatches(List<Batch> reads) {
        if (spilled.isEmpty()) {
            return List.copyOf(batches);
        }
        List<Batch> all = new ArrayList<>(batches.size());
        for (int b = 0; b < batches.size(); b++) {
            all.add(rowsOf(b, reads));
        }
        return all;
    }

    /** How many rows the transaction appended here, live or deleted again: the next pending row id's number. */
    long pendingRowCount() {
        return pendingRows;
    }

    /**
     * How many live pending rows come before pending row {@code rowId}: COMMIT copies the live rows in, in order, so
     * this is the row's distance from the first position the commit fills (see {@link #committedSuccessors}).
     */
    long liveRowsBefore(long rowId) {
        long index = rowId & ~PENDING_ROW;
        if (batches.isEmpty() || index >= pendingRows) {
            return index;
        }
        int batch = batchOf(rowId);
        if (liveBefore == null) {
            // asked once per row of a RETURNING or a scan: the per-batch prefix is kept until the rows change
            liveBefore = new long[batches.size()];
            long live = 0;
            for (int b = 0; b < batches.size(); b++) {
                liveBefore[b] = live;
                live += liveRows(b, batchRows(b));
            }
        }
        return liveBefore[batch] + liveRows(batch, (int) (index - batchStarts.get(batch)));
    }

    // ---- staging a statement's change -----------------------------------------------------------------------

    /**
     * Adds one statement's change (see {@link TableStore#modify}): deletes {@code deleted} (committed rows located
     * by the store at {@code deletedChunks[i]} row {@code deletedRows[i]}; pending rows have null there) and appends
     * copies of {@code appended}. Unique keys are checked row by row as {@link UniqueKeyIndex#replace} does, against
     * the committed keys seen through this transaction's own changes; {@code beforeVisible} runs after every check
     * passed. Nothing changes when it throws.
     *
     * @throws BasaltException 23505 for a duplicate key, 40001 for a pending row deleted twice
     */
    void stage(long[] deleted, FieldVector[][] deletedChunks, int[] deletedRows, List<Batch> appended,
               List<UniqueKeyIndex> indexes, Runnable beforeVisible) {
        ensureOverlays(indexes.size());
        KeyUndo undo = new KeyUndo(indexes.size());
        List<List<List<Object>>> deletedKeys = new ArrayList<>(deleted.length);
        try {
            for (long rowId : deleted) {
                if (isPending(rowId) && !pendingRowLive(rowId)) {
                    throw concurrentUpdate();
                }
            }
            int batchIndex = 0;
            int row = 0;
            for (int i = 0; ; i++) {
                while (batchIndex < appended.size() && row >= appended.get(batchIndex).rowCount()) {
                    batchIndex++;
                    row = 0;
                }
                boolean removes = i < deleted.length;
                boolean adds = batchIndex < appended.size();
                if (!removes && !adds) {
                    break;
                }
                if (removes) {
                    deletedKeys.add(giveUpKeys(deleted[i], deletedChunks[i], deletedRows[i], indexes, undo));
                }
                if (adds) {
                    takeKeys(appended.get(batchIndex), row, indexes, undo);
                    row++;
                }
            }
            checkDeferrable(indexes, deleted, appended);
            beforeVisible.run();
        } catch (RuntimeException | Error failure) {
            undo.run(overlays);
            throw failure;
        }
        for (int i = 0; i < deleted.length; i++) {
            Deleted step = new Deleted(deleted[i], deletedKeys.get(i), appended.isEmpty());
            steps.add(step);
            applyDeleted(step, false);
        }
        long firstPending = pendingRows;
        boolean frozen = appended instanceof FrozenBatches || appended instanceof StreamedRows;
        StreamedRows streamed = appended instanceof StreamedRows rows && rows.written() != null ? rows : null;
        for (int b = 0; b <= appended.size(); b++) {
            if (streamed != null && b == streamed.headBatches()) {
                addFile(streamed.take()); // the rows the statement streamed to its file come after its head rows
            }
            if (b == appended.size()) {
                break;
            }
            Batch batch = appended.get(b);
            if (batch.rowCount() > 0) {
                addBatch(frozen && batch.rowCount() >= MIN_SHARED_ROWS ? shared(batch)
                        : VectorGather.gatherCopy(batch, identity(batch.rowCount()), batch.rowCount(), allocator));
            }
        }
        recordSuccessors(deleted, firstPending);
        rebuildDeferrableKeys(indexes);
    }

    /**
     * An UPDATE's change: the i-th appended row (pending id {@code firstPending + i}) replaces {@code deleted[i]}.
     * Recorded only when the statement appended exactly one row per deleted one (an UPDATE, not ON CONFLICT's mix).
     */
    private void recordSuccessors(long[] deleted, long firstPending) {
        if (deleted.length == 0 || pendingRows - firstPending != deleted.length
                || successors.size() + deleted.length > MAX_SUCCESSORS) {
            return;
        }
        for (int i = 0; i < deleted.length; i++) {
            successors.put(deleted[i], PENDING_ROW | (firstPending + i));
        }
    }

    /**
     * At COMMIT, once its appended rows take positions {@code firstPosition} on in generation
     * {@code generationNumber}: for each committed row this change replaced by a new version, the pair (old row id,
     * committed id of its newest version, or -1 when the transaction deleted that version again). Rows without a
     * recorded new version are left out (unknown). Store lock held.
     */
    long[][] committedSuccessors(long generationNumber, long firstPosition) {
        if (successors.isEmpty() || truncated) {
            return new long[][] {new long[0], new long[0]};
        }
        long[] olds = new long[successors.size()];
        long[] news = new long[successors.size()];
        int count = 0;
        for (Map.Entry<Long, Long> entry : successors.entrySet()) {
            if (isPending(entry.getKey())) {
                continue;
            }
            Long next = entry.getValue();
            while (next != null && !pendingRowLive(next)) {
                next = successors.get(next);
            }
            long newId = -1;
            if (next != null) {
                // COMMIT places every appended row, the dead ones too: a pending row's place is its number
                newId = (generationNumber << InMemoryTableStore.POSITION_BITS) | (firstPosition + (next & ~PENDING_ROW));
            }
            olds[count] = entry.getKey();
            news[count++] = newId;
        }
        return new long[][] {Arrays.copyOf(olds, count), Arrays.copyOf(news, count)};
    }

    /** How many of the first {@code rows} rows of appended batch {@code b} are live. */
    private long liveRows(int b, int rows) {
        long[] mask = batchMasks.get(b);
        if (mask == null) {
            return rows;
        }
        long dead = 0;
        int words = rows >>> 6;
        for (int w = 0; w < words; w++) {
            dead += Long.bitCount(mask[w]);
        }
        if ((rows & 63) != 0) {
            dead += Long.bitCount(mask[words] & ((1L << (rows & 63)) - 1));
        }
        return rows - dead;
    }

    // ---- deferrable unique keys -----------------------------------------------------------------------------

    /**
     * The end-of-statement check of the deferrable keys (their rows were not checked one by one): while the running
     * transaction defers a key, the check waits for its COMMIT or SET CONSTRAINTS ... IMMEDIATE ({@link
     * DeferredChecks}); otherwise every live row, with the statement's {@code deleted} rows gone and its
     * {@code appended} rows added, must hold a key no other live row holds.
     *
     * @throws BasaltException 23505 for the first row whose key is held twice
     */
    private void checkDeferrable(List<UniqueKeyIndex> indexes, long[] deleted, List<Batch> appended) {
        Set<Long> gone = null;
        for (int k = 0; k < indexes.size(); k++) {
            UniqueKeyIndex index = indexes.get(k);
            if (!index.deferrable()) {
                continue;
            }
            TableTransaction transaction = TableTransaction.current();
            if (transaction != null && transaction.deferredChecks().defers(index)) {
                transaction.deferredChecks().deferUnique(this, index);
                continue;
            }
            if (gone == null) {
                gone = new HashSet<>();
                for (long rowId : deleted) {
                    if (isPending(rowId)) {
                        gone.add(rowId);
                    }
                }
            }
            checkKeys(k, index, gone, appended);
        }
    }

    /**
     * The waiting check of deferrable key {@code index} (COMMIT, SET CONSTRAINTS ... IMMEDIATE): every live row must
     * hold a key no other live row holds. The store's lock must be held.
     *
     * @throws BasaltException 23505 for the first row whose key is held twice
     */
    void checkDeferredKey(UniqueKeyIndex index) {
        List<UniqueKeyIndex> indexes = store.uniqueKeyIndexes();
        int k = indexes.indexOf(index);
        if (k < 0) {
            return;
        }
        ensureOverlays(indexes.size());
        checkKeys(k, index, Set.of(), List.of());
        rebuildDeferrableKeys(indexes);
    }

    private void checkKeys(int k, UniqueKeyIndex index, Set<Long> gone, List<Batch> appended) {
        Set<List<Object>> seen = new HashSet<>();
        List<Batch> reads = new ArrayList<>(1);
        try {
            for (int b = 0; b < batches.size(); b++) {
                Batch batch = rowsOf(b, reads);
                long[] mask = batchMasks.get(b);
                long first = batchStarts.get(b);
                for (int row = 0; row < batch.rowCount(); row++) {
                    if ((mask == null || (mask[row >>> 6] & (1L << row)) == 0)
                            && !gone.contains(PENDING_ROW | (first + row))) {
                        checkKey(k, index, seen, batch, row);
                    }
                }
                free(reads);
                reads.clear();
            }
        } finally {
            free(reads);
        }
        for (Batch batch : appended) {
            for (int row = 0; row < batch.rowCount(); row++) {
                checkKey(k, index, seen, batch, row);
            }
        }
    }

    private void checkKey(int k, UniqueKeyIndex index, Set<List<Object>> seen, Batch batch, int row) {
        List<Object> key = index.keyOf(batch, row);
        if (key != null && (!seen.add(key)
                || !truncated && index.contains(key) && !overlays.get(k).removed.contains(key))) {
            throw index.violation(batch, row);
        }
    }

    /**
     * Derives the keys the live pending rows hold on each deferrable index again: while its checks wait, two rows
     * may hold one key, which the overlay's set records once, so giving one up must not free the other's.
     */
    private void rebuildDeferrableKeys(List<UniqueKeyIndex> indexes) {
        for (int k = 0; k < indexes.size() && k < overlays.size(); k++) {
            UniqueKeyIndex index = indexes.get(k);
            if (!index.deferrable()) {
                continue;
            }
            UniqueKeySet added = overlays.get(k).added;
            added.clear();
            List<Batch> reads = new ArrayList<>(1);
            try {
                for (int b = 0; b < batches.size(); b++) {
                    Batch batch = rowsOf(b, reads);
                    long[] mask = batchMasks.get(b);
                    for (int row = 0; row < batch.rowCount(); row++) {
                        if (mask == null || (mask[row >>> 6] & (1L << row)) == 0) {
                            List<Object> key = index.keyOf(batch, row);
                            if (key != null) {
                                added.add(key);
                            }
                        }
                    }
                    free(reads);
                    reads.clear();
                }
            } finally {
                free(reads);
            }
        }
    }

    /**
     * INSERT ... ON CONFLICT DO NOTHING in a transaction (see {@link TableStore#insertNew}): rows whose key on an
     * arbiter conflicts with what this transaction sees are skipped, the others are checked on every key and
     * appended. {@code beforeVisible} receives the rows about to be appended.
     *
     * @throws BasaltException 23505 for a conflict on a key that is not an arbiter
     */
    boolean[] insertNew(List<Batch> input, Set<String> arbiters, List<UniqueKeyIndex> indexes,
                        java.util.function.Consumer<List<Batch>> beforeVisible) {
        ensureOverlays(indexes.size());
        KeyUndo undo = new KeyUndo(indexes.size());
        int total = 0;
        for (Batch batch : input) {
            total += batch.rowCount();
        }
        boolean[] inserted = new boolean[total];
        List<Batch> kept = new ArrayList<>();
        try {
            int next = 0;
            for (Batch batch : input) {
                int[] selection = new int[batch.rowCount()];
                int count = 0;
                for (int row = 0; row < batch.rowCount(); row++, next++) {
                    boolean conflict = false;
                    for (int k = 0; k < indexes.size() && !conflict; k++) {
                        UniqueKeyIndex index = indexes.get(k);
                        List<Object> key = index.keyOf(batch, row);
                        conflict = key != null && arbiters.contains(index.constraintName()) && conflicts(k, index, key);
                    }
                    if (!conflict) {
                        takeKeys(batch, row, indexes, undo);
                        inserted[next] = true;
                        selection[count++] = row;
                    }
                }
                if (count > 0) {
                    kept.add(VectorGather.gatherCopy(batch, selection, count, allocator));
                }
            }
            checkDeferrable(indexes, new long[0], kept);
            beforeVisible.accept(kept);
        } catch (RuntimeException | Error failure) {
            undo.run(overlays);
            for (Batch batch : kept) {
                free(batch);
            }
            throw failure;
        }
        for (Batch batch : kept) {
            addBatch(batch);
        }
        rebuildDeferrableKeys(indexes);
        return inserted;
    }

    /**
     * Throws the unique-key violation that appending {@code input} (of the last batch only its first {@code lastRows}
     * rows) would raise now, as this transaction sees the keys; changes nothing (see
     * {@link TableStore#checkUniqueKeys}).
     */
    void checkNewKeys(List<Batch> input, int lastRows, List<UniqueKeyIndex> indexes) {
        ensureOverlays(indexes.size());
        List<Set<List<Object>>> seen = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            seen.add(new HashSet<>());
        }
        for (int b = 0; b < input.size(); b++) {
            Batch batch = input.get(b);
            int rows = b == input.size() - 1 ? lastRows : batch.rowCount();
            for (int row = 0; row < rows; row++) {
                for (int k = 0; k < indexes.size(); k++) {
                    UniqueKeyIndex index = indexes.get(k);
                    List<Object> key = index.deferrable() ? null : index.keyOf(batch, row);
                    if (key != null && (conflicts(k, index, key) || !seen.get(k).add(key))) {
                        throw index.violation(batch, row);
                    }
                }
            }
        }
    }

    /** TRUNCATE in the transaction: every committed row and every row it appended so far goes. */
    void stageTruncate() {
        Truncated step = new Truncated();
        steps.add(step);
        applyTruncated();
    }

    private List<List<Object>> giveUpKeys(long rowId, FieldVector[] chunk, int chunkRow, List<UniqueKeyIndex> indexes,
                                          KeyUndo undo) {
        if (isPending(rowId)) {
            int batch = batchOf(rowId);
            int row = (int) ((rowId & ~PENDING_ROW) - batchStarts.get(batch));
            List<Batch> reads = new ArrayList<>(1);
            try {
                for (int k = 0; k < indexes.size(); k++) {
                    List<Object> key = indexes.get(k).keyOf(rowsOf(batch, reads), row);
                    if (key != null && overlays.get(k).added.remove(key)) {
                        undo.removedFromAdded.get(k).add(key);
                    }
                }
            } finally {
                free(reads);
            }
            return null;
        }
        List<List<Object>> keys = new ArrayList<>(indexes.size());
        for (int k = 0; k < indexes.size(); k++) {
            List<Object> key = indexes.get(k).keyOf(Arrays.asList(chunk), chunkRow);
            keys.add(key);
            if (key != null && overlays.get(k).removed.add(key)) {
                undo.addedToRemoved.get(k).add(key);
            }
        }
        return keys;
    }

    private void takeKeys(Batch batch, int row, List<UniqueKeyIndex> indexes, KeyUndo undo) {
        for (int k = 0; k < indexes.size(); k++) {
            UniqueKeyIndex index = indexes.get(k);
            List<Object> key = index.keyOf(batch, row);
            if (key == null) {
                continue;
            }
            if (!index.deferrable() && conflicts(k, index, key)) {
                throw index.violation(batch, row);
            }
            if (overlays.get(k).added.add(key)) {
                undo.addedToAdded.get(k).add(key);
            }
        }
    }

    /** Whether a live row, committed or this transaction's, holds {@code key} on {@code index}. Store lock held. */
    boolean holds(UniqueKeyIndex index, List<Object> key) {
        List<UniqueKeyIndex> indexes = store.uniqueKeyIndexes();
        int k = indexes.indexOf(index);
        if (k < 0) {
            return index.contains(key);
        }
        ensureOverlays(indexes.size());
        return conflicts(k, index, key);
    }

    /** The values of this transaction's live pending row {@code rowId}, one per column. */
    Object[] rowValues(long rowId) {
        if (!pendingRowLive(rowId)) {
            throw concurrentUpdate();
        }
        int batch = batchOf(rowId);
        int row = (int) ((rowId & ~PENDING_ROW) - batchStarts.get(batch));
        List<Batch> reads = new ArrayList<>(1);
        try {
            Batch rows = rowsOf(batch, reads);
            Object[] values = new Object[rows.columnCount()];
            for (int c = 0; c < values.length; c++) {
                values[c] = io.basalt.exec.vector.ValueAccess.get(rows.column(c), row);
            }
            return values;
        } finally {
            free(reads);
        }
    }

    /** Visits this transaction's live pending rows, as {@link InMemoryTableStore#forEachRow} visits stored ones. */
    void forEachLiveRow(InMemoryTableStore.RowVisitor visitor) {
        List<Batch> reads = new ArrayList<>(1);
        try {
            for (int b = 0; b < batches.size(); b++) {
                Batch batch = rowsOf(b, reads);
                FieldVector[] columns = batch.columns().toArray(new FieldVector[0]);
                long[] mask = batchMasks.get(b);
                long first = batchStarts.get(b);
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (mask == null || (mask[row >>> 6] & (1L << row)) == 0) {
                        visitor.visit(columns, row, PENDING_ROW | (first + row));
                    }
                }
                free(reads);
                reads.clear();
            }
        } finally {
            free(reads);
        }
    }

    /** Whether this transaction deleted (or truncated away) the committed row {@code rowId}. */
    boolean deletesCommitted(long rowId) {
        if (truncated) {
            return true;
        }
        long position = rowId & ((1L << InMemoryTableStore.POSITION_BITS) - 1);
        long[] mask = deletedMasks.get(chunkKey(rowId >>> InMemoryTableStore.POSITION_BITS,
                (int) (position / chunkRows)));
        int row = (int) (position % chunkRows);
        return mask != null && (mask[row >>> 6] & (1L << row)) != 0;
    }

    /** Whether a live row, committed or this transaction's, holds {@code key} as this transaction sees the table. */
    private boolean conflicts(int k, UniqueKeyIndex index, List<Object> key) {
        KeyOverlay overlay = overlays.get(k);
        return overlay.added.contains(key) || (!truncated && index.contains(key) && !overlay.removed.contains(key));
    }

    /** The key changes of one statement, to take back when it fails. */
    private static final class KeyUndo {
        final List<List<List<Object>>> addedToAdded = new ArrayList<>();
        final List<List<List<Object>>> removedFromAdded = new ArrayList<>();
        final List<List<List<Object>>> addedToRemoved = new ArrayList<>();

        KeyUndo(int indexes) {
            for (int k = 0; k < indexes; k++) {
                addedToAdded.add(new ArrayList<>());
                removedFromAdded.add(new ArrayList<>());
                addedToRemoved.add(new ArrayList<>());
            }
        }

        void run(List<KeyOverlay> overlays) {
            for (int k = 0; k < addedToAdded.size(); k++) {
                KeyOverlay overlay = overlays.get(k);
                addedToAdded.get(k).forEach(overlay.added::remove);
                overlay.added.addAll(removedFromAdded.get(k));
                addedToRemoved.get(k).forEach(overlay.removed::remove);
            }
        }
    }

    // ---- savepoints -----------------------------------------------------------------------------------------

    /**
     * ROLLBACK TO a savepoint taken at {@code mark}: drops the steps after it, frees the batches they appended, and
     * derives masks and keys again from the steps left. The store's lock must be held (the keys of appended rows
     * are read against its unique indexes).
     */
    public void rollbackTo(int mark) {
        if (mark >= steps.size()) {
            return;
        }
        int keptBatches = 0;
        for (int i = 0; i < mark; i++) {
            if (steps.get(i) instanceof Appended) {
                keptBatches++;
            }
        }
        while (steps.size() > mark) {
            steps.removeLast();
        }
        successors.clear();
        liveBefore = null;
        while (batches.size() > keptBatches) {
            removeLastBatch();
        }
        pendingRows = batches.isEmpty() ? 0 : batchStarts.getLast() + batchRows(batches.size() - 1);
        truncated = false;
        deletedMasks.clear();
        deleteOnlyMasks.clear();
        for (int b = 0; b < batchMasks.size(); b++) {
            batchMasks.set(b, null);
        }
        overlays.clear();
        List<UniqueKeyIndex> indexes = store.uniqueKeyIndexes();
        ensureOverlays(indexes.size());
        for (Step step : steps) {
            switch (step) {
                case Deleted deleted -> applyDeleted(deleted, true);
                case Appended appended -> addKeys(appended.batch(), indexes);
                case Truncated ignored -> applyTruncated();
            }
        }
        rebuildDeferrableKeys(indexes);
    }

    // ---- commit ---------------------------------------------------------------------------------------------

    /** The committed rows to delete at COMMIT, in the order deleted (those before a TRUNCATE of the change aside). */
    long[] committedDeletes() {
        List<Long> ids = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Truncated) {
                ids.clear();
            } else if (step instanceof Deleted deleted && !isPending(deleted.rowId())) {
                ids.add(deleted.rowId());
            }
        }
        long[] result = new long[ids.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ids.get(i);
        }
        return result;
    }

    /** Per {@link #committedDeletes()} row, whether a DELETE (not an UPDATE) removed it. */
    boolean[] committedDeleteOnly() {
        List<Boolean> flags = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Truncated) {
                flags.clear();
            } else if (step instanceof Deleted deleted && !isPending(deleted.rowId())) {
                flags.add(deleted.deleteOnly());
            }
        }
        boolean[] result = new boolean[flags.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = flags.get(i);
        }
        return result;
    }

    /**
     * The live appended rows to add at COMMIT, in order: batches without deleted rows as they are, others as copies
     * of their live rows, which are added to {@code copies} for the caller to free.
     */
    List<Batch> liveAppends(List<Batch> copies) {
        List<Batch> live = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            long[] mask = batchMasks.get(b);
            if (mask != null && liveRows(b, batchRows(b)) == 0) {
                continue; // a file's group is not read for no rows
            }
            List<Batch> reads = new ArrayList<>(1);
            Batch batch = rowsOf(b, reads);
            copies.addAll(reads);
            if (mask == null) {
                live.add(batch);
                continue;
            }
            int[] selection = new int[batch.rowCount()];
            int count = 0;
            for (int row = 0; row < batch.rowCount(); row++) {
                if ((mask[row >>> 6] & (1L << row)) == 0) {
                    selection[count++] = row;
                }
            }
            if (count > 0) {
                Batch copy = VectorGather.gatherCopy(batch, selection, count, allocator);
                copies.add(copy);
                live.add(copy);
            }
        }
        return live;
    }

    /**
     * Frees the appended rows (after COMMIT applied them, or at ROLLBACK) and releases the rows it locked. The
     * store's lock must be held.
     */
    @Override
    public void close() {
        discardWrittenRows();
        store.rowLocks().forget(this);
        store.releaseReservation(this);
        while (!batches.isEmpty()) {
            removeLastBatch();
        }
        batchMasks.clear();
        batchStarts.clear();
        steps.clear();
        liveBefore = null;
    }

    // ---- derived state --------------------------------------------------------------------------------------

    /** Takes {@code batch} (whose keys were checked and recorded already) as the next appended rows. */
    private void addBatch(Batch batch) {
        int index = batches.size();
        batches.add(batch);
        stored.add(null);
        batchMasks.add(null);
        batchStarts.add(pendingRows);
        pendingRows += batch.rowCount();
        liveBefore = null;
        steps.add(new Appended(index));
        store.reserve(this);
    }

    /**
     * Takes {@code written}, the rows a statement streamed to a file ({@link StreamedInsert}), as the next appended
     * rows, one batch per row group; this change removes the file unless COMMIT takes it.
     */
    private void addFile(RowGroupWriter.Written written) {
        int file = spilled.size();
        spilled.add(written);
        StoredRowGroups groups = written.groups();
        for (int group = 0; group < groups.groupCount(); group++) {
            int index = batches.size();
            int rows = groups.rowCount(group);
            batches.add(null);
            stored.add(new StoredGroup(file, group, rows));
            batchMasks.add(null);
            batchStarts.add(pendingRows);
            pendingRows += rows;
            steps.add(new Appended(index));
        }
        liveBefore = null;
        store.reserve(this);
    }

    /** Drops the last appended batch: frees it, or with the first group of a file removes the file. */
    private void removeLastBatch() {
        Batch batch = batches.removeLast();
        StoredGroup group = stored.removeLast();
        batchMasks.removeLast();
        batchStarts.removeLast();
        if (batch != null) {
            free(batch);
        } else if (group.group() == 0) {
            RowGroupWriter.Written written = spilled.removeLast();
            rowGroupWriter.discard(written);
        }
    }

    /**
     * COMMIT placed the files' rows ({@link InMemoryTableStore#apply}): the store owns their groups now, so closing
     * this change no longer removes them.
     */
    List<RowGroupWriter.Written> takeSpilledFiles() {
        List<RowGroupWriter.Written> files = List.copyOf(spilled);
        spilled.clear();
        for (int b = 0; b < stored.size(); b++) {
            if (stored.get(b) != null) {
                stored.set(b, new StoredGroup(-1, -1, stored.get(b).rows()));
            }
        }
        return files;
    }

    private void addKeys(int batchIndex, List<UniqueKeyIndex> indexes) {
        ensureOverlays(indexes.size());
        if (indexes.isEmpty()) {
            return;
        }
        List<Batch> reads = new ArrayList<>(1);
        try {
            Batch batch = rowsOf(batchIndex, reads);
            for (int row = 0; row < batch.rowCount(); row++) {
                for (int k = 0; k < indexes.size(); k++) {
                    List<Object> key = indexes.get(k).keyOf(batch, row);
                    if (key != null) {
                        overlays.get(k).added.add(key);
                    }
                }
            }
        } finally {
            free(reads);
        }
    }

    /**
     * Marks the row of {@code step} deleted; with {@code updateKeys} also takes its keys out of the overlays (a
     * replay after ROLLBACK TO). {@link #stage} has already moved the keys of the statement's deleted and appended
     * rows, so there the overlays stay: an UPDATE of a pending row keeping its key would otherwise lose the key
     * its new version holds.
     */
    private void applyDeleted(Deleted step, boolean updateKeys) {
        long rowId = step.rowId();
        if (isPending(rowId)) {
            int batch = batchOf(rowId);
            int row = (int) ((rowId & ~PENDING_ROW) - batchStarts.get(batch));
            long[] mask = batchMasks.get(batch);
            mask = mask == null ? new long[(batchRows(batch) + 63) >>> 6] : mask.clone();
            mask[row >>> 6] |= 1L << row;
            batchMasks.set(batch, mask);
            liveBefore = null;
            List<UniqueKeyIndex> indexes = store.uniqueKeyIndexes();
            List<Batch> reads = new ArrayList<>(1);
            try {
                for (int k = 0; updateKeys && k < indexes.size() && k < overlays.size(); k++) {
                    List<Object> key = indexes.get(k).keyOf(rowsOf(batch, reads), row);
                    if (key != null) {
                        overlays.get(k).added.remove(key);
                    }
                }
            } finally {
                free(reads);
            }
            return;
        }
        long generation = rowId >>> InMemoryTableStore.POSITION_BITS;
        long position = rowId & ((1L << InMemoryTableStore.POSITION_BITS) - 1);
        int chunk = (int) (position / chunkRows);
        int row = (int) (position % chunkRows);
        long key = chunkKey(generation, chunk);
        long[] mask = deletedMasks.get(key);
        mask = mask == null ? new long[(chunkRows + 63) >>> 6] : mask.clone();
        mask[row >>> 6] |= 1L << row;
        deletedMasks.put(key, mask);
        if (step.deleteOnly()) {
            long[] only = deleteOnlyMasks.get(key);
            only = only == null ? new long[(chunkRows + 63) >>> 6] : only.clone();
            only[row >>> 6] |= 1L << row;
            deleteOnlyMasks.put(key, only);
        }
        if (updateKeys && step.keys() != null) {
            for (int k = 0; k < step.keys().size() && k < overlays.size(); k++) {
                List<Object> held = step.keys().get(k);
                if (held != null) {
                    overlays.get(k).removed.add(held);
                }
            }
        }
    }

    private void applyTruncated() {
        truncated = true;
        liveBefore = null;
        deletedMasks.clear();
        deleteOnlyMasks.clear();
        for (int b = 0; b < batches.size(); b++) {
            long[] mask = new long[(batchRows(b) + 63) >>> 6];
            Arrays.fill(mask, -1L);
            batchMasks.set(b, mask);
        }
        for (KeyOverlay overlay : overlays) {
            overlay.added.clear();
            overlay.removed.clear();
        }
    }

    private void ensureOverlays(int count) {
        while (overlays.size() < count) {
            overlays.add(new KeyOverlay());
        }
    }

    private boolean pendingRowLive(long rowId) {
        long index = rowId & ~PENDING_ROW;
        if (index >= pendingRows) {
            return false;
        }
        int batch = batchOf(rowId);
        long[] mask = batchMasks.get(batch);
        int row = (int) (index - batchStarts.get(batch));
        return mask == null || (mask[row >>> 6] & (1L << row)) == 0;
    }

    /** The appended batch holding pending row {@code rowId}, by binary search over the batches' first rows. */
    private int batchOf(long rowId) {
        long index = rowId & ~PENDING_ROW;
        int low = 0;
        int high = batchStarts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (batchStarts.get(middle) <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** One number per (generation, chunk): generations hold at most 2^40 / chunkRows chunks. */
    private long chunkKey(long generation, int chunk) {
        long chunksPerGeneration = ((1L << InMemoryTableStore.POSITION_BITS) + chunkRows - 1) / chunkRows;
        return generation * chunksPerGeneration + chunk;
    }

    /**
     * Batches smaller than this are copied even when frozen: a few rows copy for less than the slice's accounting
     * (an Arrow ledger per buffer), and the copy does not keep a larger buffer alive for them.
     */
    private static final int MIN_SHARED_ROWS = 256;

    /**
     * The rows of {@code batch}, whose buffers never change again ({@link FrozenBatches}), as slices accounted to this
     * change's allocator that share its memory: the statement's rows are kept once, not copied again here.
     */
    private Batch shared(Batch batch) {
        return VectorSlices.slice(batch, 0, batch.rowCount(), allocator);
    }

    private static int[] identity(int count) {
        int[] selection = new int[count];
        for (int i = 0; i < count; i++) {
            selection[i] = i;
        }
        return selection;
    }

    private static void free(Batch batch) {
        for (FieldVector column : batch.columns()) {
            column.close();
        }
    }

    private static void free(List<Batch> batches) {
        for (Batch batch : batches) {
            free(batch);
        }
    }

    static BasaltException concurrentUpdate() {
        return BasaltException.of(SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
    }
}
