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
import io.basalt.storage.lock.LockOwner;
import io.basalt.storage.lock.LockWaitPolicy;
import io.basalt.storage.lock.LockWaits;
import io.basalt.storage.lock.RowLockMode;
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
 * the generation they read, and a generation TRUNCATE left behind is freed when its last scan closes and no
 * version still names it, so a scan running across a TRUNCATE keeps reading valid memory.
 *
 * <p>Versions (MVCC): each commit publishes a {@link TableVersion} stamped with its commit sequence number, and the
 * store keeps the older versions that open transactions' snapshots may still read (the caller of {@link #apply}
 * says which is the oldest snapshot). Appending never changes what an older version shows (it reads the last chunk
 * only up to its own row count), and masks are copied on write, so a version is a handful of references.
 *
 * <p>Transactions: while a {@link TableTransaction} is bound to the calling thread, scans read the version of its
 * snapshot plus its {@link PendingChange} (its own deletions hidden, its own appended rows added), and
 * {@link #modify}, {@link #insertNew} and {@link #truncate} add to that pending change instead of changing the
 * table. COMMIT checks the change against the newest state ({@link #validate}: a row it deletes that another
 * transaction deleted or updated since fails with 40001, first committer wins; unique keys again) and applies it
 * ({@link #apply}). Without a bound transaction the methods change the table at once.
 *
 * <p>Row locks ({@link RowLockTable}): a transaction's pending deletions lock their rows until it ends, and
 * {@link #lockRows} takes SELECT ... FOR UPDATE / SHARE locks. A statement that would delete a row another open
 * transaction holds waits for that transaction to end ({@link LockWaits}: deadlock detection, lock_timeout), then
 * stages against the newest state: a row the other transaction changed fails with 40001 (READ COMMITTED statements
 * are then run again with a new snapshot by the session), a row it left alone is taken. A statement that runs with
 * this store's lock already held (foreign-key checks lock every connected table) does not wait here:
 * {@link ReferentialChange} has looked for what it must wait for before taking the locks ({@link ForeignKeyWaits}).
 */
public final class InMemoryTableStore implements TableStore {
    /** Bits of a row id holding the row's position in its generation; the bits above hold the generation. */
    static final int POSITION_BITS = 40;
    private static final long[] NO_ROWS = new long[0];
    private static final Runnable NOTHING = () -> { };
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    private final long id = IDS.incrementAndGet();

    private final String name;
    /** The columns' types; grows by {@link #addColumn} (each change installs a new list). */
    private volatile List<LogicalType> columnTypes;
    /**
     * Per column, the value rows stored before the column was added read in it: chunks written before then hold no
     * vector for it (such a chunk is shorter than {@link #columnTypes}); null for columns every chunk holds.
     */
    private volatile List<Object> missingValues;
    /** Set while ALTER TABLE replaces this store (see {@link #refuseChanges}); stays set once it is replaced. */
    private boolean changesRefused;
    /** The transaction whose uncommitted ALTER TABLE made this store, which alone may change it; null: anyone. */
    private TableTransaction reservedFor;
    private final BufferAllocator allocator;
    private final int chunkRows;
    private Generation generation = new Generation(0);
    /** The GIN indexes over jsonb columns (CREATE INDEX ... USING gin), as definitions; each generation fills copies. */
    private final List<io.basalt.storage.index.JsonbInvertedIndex> invertedIndexes = new ArrayList<>();
    /**
     * GIN index positions read back from a checkpoint ({@link #offerInvertedPositions}), by {@link #restoredKey}, for
     * generation {@link #restoredGeneration}; the next start of that generation's GIN indexes takes them.
     */
    private java.util.Map<String, io.basalt.storage.index.InvertedPositions> restoredInverted = new java.util.HashMap<>();
    private long restoredGeneration = -1;
    /** The definitions of the indexes over expressions (CREATE INDEX ... ((expr))); each generation fills copies. */
    private final List<io.basalt.storage.index.ExpressionKeyIndex> expressionIndexes = new ArrayList<>();
    /**
     * Indexes over expressions read back from a checkpoint ({@link #offerExpressionKeys}), by
     * {@link io.basalt.storage.index.ExpressionKeyIndex#savedName}, for generation {@link #restoredExpressionGeneration}.
     */
    private java.util.Map<String, io.basalt.storage.index.ExpressionKeyIndex.Saved> restoredExpressions =
            new java.util.HashMap<>();
    private long restoredExpressionGeneration = -1;
    private int lastChunkRows;
    private long rowCount;
    private final List<UniqueKeyIndex> uniqueKeys = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();
    /** The order in which a statement changing several tables takes their locks (creation order). */
    final long serial = SERIALS.incrementAndGet();
    /** The newest committed state, and the older ones open snapshots may read, oldest first. */
    private TableVersion current;
    private final List<TableVersion> history = new ArrayList<>();
    private boolean closed;
    private final RowLockTable rowLocks = new RowLockTable();
    /** Committed rows an UPDATE replaced, to the id of the new version (-1: deleted again); see {@link #apply}. */
    private final java.util.Map<Long, Long> successors = new java.util.HashMap<>();
    /** Per commit that recorded successors, oldest first: {{commit}, the old row ids}. */
    private final java.util.ArrayDeque<long[][]> successorCommits = new java.util.ArrayDeque<>();
    /** Snapshots of statements re-checking rows: the successors of later commits stay (see {@link #pinSuccessors}). */
    private final List<Long> successorPins = new ArrayList<>();
    /** Versions applied but not yet published (their commits wait for the log's sync), oldest first. */
    private final List<TableVersion> unpublished = new ArrayList<>();
    /**
     * Per open transaction that appended rows here, the position its first live row is expected to take at COMMIT
     * (see {@link #tupleId(long, TableTransaction)}), and the position after every expected place handed out.
     */
    private final java.util.Map<PendingChange, Long> reservations = new java.util.IdentityHashMap<>();
    private long reservedEnd;

    public InMemoryTableStore(String name, List<LogicalType> columnTypes, BufferAllocator allocator, int chunkRows) {
        this.name = requireNonNull(name, "name is null");
        this.columnTypes = List.copyOf(columnTypes);
        this.missingValues = java.util.Collections.nCopies(columnTypes.size(), null);
        this.allocator = requireNonNull(allocator, "allocator is null");
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive");
        }
        this.chunkRows = chunkRows;
        this.current = new TableVersion(0, generation, 0, new long[0][], 0);
    }

    /** Whether this is a temporary table's store, which a read-only transaction may change, as PostgreSQL allows. */
    private volatile boolean temporary;

    /** Marks this store as a temporary table's: read-only transactions may change it. */
    public void markTemporary() {
        temporary = true;
    }

    public boolean temporary() {
        return temporary;
    }

    /** A number unique among the stores of this process: the order in which COMMIT locks tables. */
    public long id() {
        return id;
    }

    private static boolean[] deleteOnly(int count) {
        boolean[] all = new boolean[count];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /** The unique keys, for a pending change (read under this store's lock). */
    List<UniqueKeyIndex> uniqueKeyIndexes() {
        return uniqueKeys;
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

    /** Rows currently stored (committed), deleted ones not counted. */
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
     * the rows change leaves the table as it was. In a transaction, the same checks run and the change is kept in
     * the transaction's {@link PendingChange} instead.
     *
     * @throws BasaltException 40001 when a row was deleted or updated since the statement's scan read it
     */
    @Override
    public void modify(long[] deleted, List<Batch> appended, Runnable beforeVisible) {
        checkChangesAccepted(appended);
        TableTransaction transaction = TableTransaction.current();
        if (transaction != null) {
            stageLocked(transaction, transaction.changeForWrite(this), deleted, appended, beforeVisible);
            return;
        }
        synchronized (this) {
            int[] chunkOf = new int[deleted.length];
            int[] rowOf = new int[deleted.length];
            List<FieldVector[]> oldChunks = new ArrayList<>(deleted.length);
            List<FieldVector> read = new ArrayList<>();
            Runnable undoKeys;
            try {
                java.util.Map<Integer, FieldVector[]> readChunks = new java.util.HashMap<>();
                for (int i = 0; i < deleted.length; i++) {
                    long position = locate(deleted[i]);
                    chunkOf[i] = (int) (position / chunkRows);
                    rowOf[i] = (int) (position % chunkRows);
                    oldChunks.add(keyChunk(chunkOf[i], readChunks, read));
                }
                undoKeys = UniqueKeyIndex.replace(uniqueKeys, oldChunks, rowOf, appended);
            } finally {
                closeAll(read);
            }
            try {
                beforeVisible.run();
            } catch (RuntimeException | Error failure) {
                undoKeys.run();
                throw failure;
            }
            markDeleted(chunkOf, rowOf, appended.isEmpty() ? deleteOnly(deleted.length) : null);
            long firstAppended = nextPosition();
            copyIn(appended);
            if (nextPosition() > firstAppended) {
                // rows written outside a transaction (log replay, a rewrite) have no inserting transaction to show
                generation.inserters.record(firstAppended, FROZEN_TRANSACTION);
            }
            publishInPlace();
        }
    }

    /**
     * A statement's change in a transaction, once no other open transaction holds a row it deletes: waits for each
     * such holder to end first (unless this thread holds the store's lock already: see the class comment).
     */
    private void stageLocked(TableTransaction transaction, PendingChange change, long[] deleted,
                             List<Batch> appended, Runnable beforeVisible) {
        RowLockMode mode = appended.isEmpty() ? RowLockMode.UPDATE : RowLockMode.NO_KEY_UPDATE;
        boolean mayWait = !Thread.holdsLock(this);
        while (true) {
            RowLockTable.Conflict conflict;
            PendingKeyHolders.Holder keyHolder = null;
            synchronized (this) {
                conflict = mayWait && deleted.length > 0 ? rowLocks.firstConflict(deleted, transaction, mode) : null;
                if (conflict == null) {
                    keyHolder = mayWait && !appended.isEmpty()
                            ? PendingKeyHolders.find(rowLocks, uniqueKeys, change, transaction, appended) : null;
                    if (keyHolder == null) {
                        ConcurrentlyUpdatedRows concurrent = mayWait ? ConcurrentlyUpdatedRows.current() : null;
                        boolean[] keep = concurrent == null || deleted.length == 0 ? null
                                : concurrent.select(this, deleted, transaction.snapshot());
                        if (keep == null) {
                            stage(change, deleted, appended, beforeVisible);
                        } else {
                            stageKept(change, deleted, appended, keep, beforeVisible);
                        }
                        return;
                    }
                }
            }
            if (conflict != null) {
                LockWaits.awaitEnd(transaction, conflict.holder(),
                        tupleContext(appended.isEmpty() ? "deleting" : "updating", conflict.rowId()));
            } else {
                LockWaits.awaitEnd(transaction, keyHolder.owner(), keyContext(keyHolder.index().constraintName()));
            }
        }
    }

    /**
     * Stages the rows of a statement's change flagged in {@code keep} (see {@link ConcurrentlyUpdatedRows#select}):
     * an UPDATE's i-th appended row goes with its deleted row i. Store lock held.
     *
     * @throws BasaltException 40001 when the appended rows do not pair with the deleted ones
     */
    private void stageKept(PendingChange change, long[] deleted, List<Batch> appended, boolean[] keep,
                           Runnable beforeVisible) {
        long appendedRows = 0;
        for (Batch batch : appended) {
            appendedRows += batch.rowCount();
        }
        if (appendedRows != 0 && appendedRows != deleted.length) {
            throw PendingChange.concurrentUpdate();
        }
        int kept = 0;
        for (boolean flag : keep) {
            kept += flag ? 1 : 0;
        }
        long[] keptDeleted = new long[kept];
        for (int i = 0, next = 0; i < deleted.length; i++) {
            if (keep[i]) {
                keptDeleted[next++] = deleted[i];
            }
        }
        List<Batch> keptAppended = new ArrayList<>(appended.size());
        try {
            gatherKept(appended, keep, keptAppended);
            stage(change, keptDeleted, keptAppended, beforeVisible);
        } finally {
            for (Batch batch : keptAppended) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
        }
    }

    /**
     * PostgreSQL's CONTEXT for an inserter waiting on a unique key: {@code while inserting index tuple (0,2) in
     * relation "t_pkey"} (the tuple is where the next committed row goes; the relation is the index, or the table
     * for ON CONFLICT).
     */
    synchronized String keyContext(String relation) {
        long next = nextPosition();
        return "while inserting index tuple (" + next / chunkRows + "," + (next % chunkRows + 1) + ") in relation \""
                + relation + "\"";
    }

    /**
     * Before INSERT ... ON CONFLICT decides its rows: waits for every other open transaction whose pending rows hold
     * (or whose deletions free) a unique key one of {@code rows} has, as PostgreSQL's speculative insertion does.
     * Returns whether one of them committed a key of an ON CONFLICT arbiter ({@code arbiters}): the statement's
     * snapshot does not see that row, so the caller fails with 40001 (a READ COMMITTED statement is then run again
     * and sees it), as PostgreSQL's REPEATABLE READ does. Without a bound transaction, or with this store's lock
     * held (foreign keys), it waits for nothing.
     *
     * @throws BasaltException 40P01, 55P03 as waiting for a row lock does
     */
    @Override
    public boolean awaitPendingKeys(List<Batch> rows, java.util.Set<String> arbiters) {
        TableTransaction transaction = TableTransaction.current();
        if (transaction == null || Thread.holdsLock(this)) {
            return false;
        }
        boolean committed = false;
        while (true) {
            PendingKeyHolders.Holder holder;
            synchronized (this) {
                holder = PendingKeyHolders.find(rowLocks, uniqueKeys, transaction.change(this), transaction, rows);
            }
            if (holder == null) {
                return committed;
            }
            LockWaits.awaitEnd(transaction, holder.owner(), keyContext(name));
            synchronized (this) {
                committed |= PendingKeyHolders.onArbiter(holder, arbiters) && PendingKeyHolders.committedKey(holder);
            }
        }
    }

    /**
     * SELECT ... FOR {@code mode}: locks the committed rows {@code rowIds} for the bound transaction until it ends,
     * in order, waiting for other holders as {@code policy} says. Returns which rows it locked (all of them unless
     * SKIP LOCKED left some out). A row changed by a transaction that committed after the statement's snapshot
     * fails with 40001, as PostgreSQL's REPEATABLE READ does (the session runs a READ COMMITTED statement again
     * with a new snapshot instead of following the row to its new version). Without a bound transaction it
     * locks nothing.
     *
     * @throws BasaltException 55P03 for a held row with NOWAIT or after lock_timeout, 40P01 for a deadlock,
     *     40001 for a row changed since the snapshot
     */
    @Override
    public boolean[] lockRows(long[] rowIds, RowLockMode mode, LockWaitPolicy policy) {
        boolean[] locked = new boolean[rowIds.length];
        TableTransaction transaction = TableTransaction.current();
        if (transaction == null) {
            java.util.Arrays.fill(locked, true);
            return locked;
        }
        for (int i = 0; i < rowIds.length; i++) {
            long rowId = rowIds[i];
            while (true) {
                LockOwner holder;
                synchronized (this) {
                    if (PendingChange.isPending(rowId)) {
                        locked[i] = true;
                        break;
                    }
                    holder = rowLocks.holder(rowId, transaction, mode);
                    if (holder == null) {
                        if (snapshotSees(transaction, rowId)) {
                            rowLocks.lock(rowId, transaction, mode);
                            transaction.holdsLocksIn(this);
                            locked[i] = true;
                        }
                        break;
                    }
                }
                if (policy == LockWaitPolicy.NOWAIT) {
                    throw BasaltException.of(SqlState.LOCK_NOT_AVAILABLE,
                            "could not obtain lock on row in relation \"" + name + "\"");
                }
                if (policy == LockWaitPolicy.SKIP_LOCKED) {
                    break;
                }
                LockWaits.awaitEnd(transaction, holder, tupleContext("locking", rowId));
            }
        }
        return locked;
    }

    /**
     * Whether committed row {@code rowId}, read by the transaction, is still as its snapshot saw it: live now, or
     * deleted by the transaction itself (then it is its own to lock). Store lock held.
     *
     * @throws BasaltException 40001 when another transaction changed it since
     */
    private boolean snapshotSees(TableTransaction transaction, long rowId) {
        PendingChange own = transaction.change(this);
        if (own != null && own.deletesCommitted(rowId)) {
            return false;
        }
        locate(rowId);
        return true;
    }

    /** Releases the explicit row locks {@code owner} holds here (its transaction ended). */
    public synchronized void releaseLocks(LockOwner owner) {
        rowLocks.releaseAll(owner);
    }

    /** The row locks of this table (read under its lock). */
    RowLockTable rowLocks() {
        return rowLocks;
    }

    /** PostgreSQL's CONTEXT for waiting on a row: {@code while updating tuple (0,1) in relation "t"}. */
    String tupleContext(String action, long rowId) {
        long position = rowId & ((1L << POSITION_BITS) - 1);
        return "while " + action + " tuple (" + position / chunkRows + "," + (position % chunkRows + 1)
                + ") in relation \"" + name + "\"";
    }

    /** A statement's change in a transaction: the rows it deletes must still be live now (else 40001). */
    private synchronized void stage(PendingChange change, long[] deleted, List<Batch> appended,
                                    Runnable beforeVisible) {
        FieldVector[][] chunks = new FieldVector[deleted.length][];
        int[] rows = new int[deleted.length];
        List<FieldVector> read = new ArrayList<>();
        try {
            java.util.Map<Integer, FieldVector[]> readChunks = new java.util.HashMap<>();
            for (int i = 0; i < deleted.length; i++) {
                if (!PendingChange.isPending(deleted[i])) {
                    long position = locate(deleted[i]);
                    chunks[i] = keyChunk((int) (position / chunkRows), readChunks, read);
                    rows[i] = (int) (position % chunkRows);
                }
            }
            change.stage(deleted, chunks, rows, appended, uniqueKeys, beforeVisible);
        } finally {
            closeAll(read);
        }
    }

    /**
     * The pending change {@code owner} (a transaction) keeps for this table, created for it on its first write; the
     * rows it deletes are locked by {@code owner} until the change is closed.
     */
    public synchronized PendingChange newChange(LockOwner owner) {
        PendingChange change = new PendingChange(this, owner, allocator, chunkRows);
        rowLocks.register(change);
        return change;
    }

    /**
     * The first step of COMMIT for this table's part of a transaction, under this store's lock (the caller keeps
     * holding it until {@link #apply} or {@link PreparedChange#abort}): checks that every committed row the
     * change deletes is still live (first committer wins) and applies its unique keys to the committed indexes.
     * A store closed meanwhile (its table dropped) has nothing to apply.
     *
     * @throws BasaltException 40001 when another transaction deleted or updated one of the rows since, 23505 when
     *     it committed a row with a key this change adds
     */
    public synchronized PreparedChange validate(PendingChange change) {
        if (changesRefused) {
            throw refused();
        }
        if (closed) {
            return new PreparedChange(change, new int[0], new int[0], List.of(), List.of(), NOTHING, true);
        }
        long[] deletes = change.committedDeletes();
        int[] chunkOf = new int[deletes.length];
        int[] rowOf = new int[deletes.length];
        List<FieldVector[]> oldChunks = new ArrayList<>(deletes.length);
        List<FieldVector> read = new ArrayList<>();
        try {
            java.util.Map<Integer, FieldVector[]> readChunks = new java.util.HashMap<>();
            for (int i = 0; i < deletes.length; i++) {
                long position = locate(deletes[i]);
                chunkOf[i] = (int) (position / chunkRows);
                rowOf[i] = (int) (position % chunkRows);
                oldChunks.add(change.truncated() ? null : keyChunk(chunkOf[i], readChunks, read));
            }
            if (streamedAttachable(change)) {
                return new PreparedChange(change, chunkOf, rowOf, List.of(), List.of(), NOTHING, false, null,
                        generation.number, nextPosition(), streamedRuns(change));
            }
            List<Batch> copies = new ArrayList<>();
            List<Batch> appends = widenedToTable(change.liveAppends(copies), copies);
            List<Batch> placed = change.truncated() ? null
                    : widenedToTable(change.appendedBatches(copies), copies);
            if (!widthMatches(appends) || placed != null && !widthMatches(placed)) {
                PreparedChange.free(copies);
                throw refused();
            }
            try {
                // A truncating change replaces every committed key: its own rows were checked among themselves.
                Runnable undoKeys = change.truncated() ? NOTHING
                        : UniqueKeyIndex.applyChange(uniqueKeys, oldChunks, rowOf, appends);
                RowGroupWriter.Written written = change.writtenRows();
                if (written != null && (placed == null || written.generation() != generation.number
                        || written.firstPosition() != firstStoredPosition(nextPosition()))) {
                    change.discardWrittenRows(); // another commit appended since the file was written
                    written = null;
                }
                return new PreparedChange(change, chunkOf, rowOf, appends, copies, undoKeys, false, placed,
                        generation.number, nextPosition(), written == null ? null : sliceAround(placed, written,
                        nextPosition(), copies));
            } catch (RuntimeException | Error failure) {
                PreparedChange.free(copies);
                throw failure;
            }
        } finally {
            closeAll(read);
        }
    }

    /**
     * The second step of COMMIT for this table, still under this store's lock: truncates if the change did, marks
     * its deleted rows and copies its rows in, and keeps the state it leaves as the version of commit {@code commit}.
     * Nothing of it is visible until {@link #publish}: scans read versions, and the newest version still describes
     * the state before. Later commits may apply (and keep their versions) before this one is published.
     */
    public synchronized void apply(PreparedChange prepared, long commit) {
        try {
            if (prepared.skipped()) {
                return;
            }
            if (prepared.change().truncated()) {
                startGeneration();
                for (UniqueKeyIndex key : uniqueKeys) {
                    for (Batch batch : prepared.appends()) {
                        key.addRows(batch);
                    }
                }
            }
            markDeleted(prepared.chunkOf(), prepared.rowOf(), prepared.change().committedDeleteOnly());
            long firstPosition = nextPosition();
            if (prepared.attached() != null) {
                attachRows(prepared);
            } else if (prepared.placed() == null) {
                copyIn(prepared.appends());
            } else {
                // every row the transaction appended takes its place; those it deleted again are dead at once
                copyIn(prepared.placed());
                markDeadPlaced(prepared, firstPosition);
            }
            if (nextPosition() > firstPosition && prepared.change().owner() != null) {
                generation.inserters.record(firstPosition, prepared.change().owner().transactionNumber());
            }
            if (!prepared.change().truncated()) {
                recordSuccessors(prepared.change(), firstPosition, commit);
            }
            unpublished.add(version(commit));
        } finally {
            PreparedChange.free(prepared.copies());
        }
    }

    /**
     * Before COMMIT locks anything: when the transaction appended at least {@link RowGroupWriter#minimumRows} live
     * rows here and the table is logged to a database directory, writes the whole chunks of them to a new data file
     * of compressed row groups ({@link RowGroupWriter}, encoded in parallel, synced), placed where COMMIT will put
     * them if no other commit appends here first; {@link #validate} checks that, else the file is dropped and the rows
     * go through the log as usual. The rows before the first chunk boundary and after the last whole chunk are left
     * to the log ({@link PreparedChange#walRecords}).
     */
    public void writeRowGroups(PendingChange change) {
        RowGroupWriter writer = change.rowGroupWriter();
        if (writer == null || change.truncated() || change.writtenRows() != null || change.hasStoredRows()
                || change.pendingRowCount() < writer.minimumRows()) {
            return;
        }
        List<Batch> batches = change.appendedBatches(List.of());
        for (int b = 0; b < batches.size(); b++) {
            if (change.batchMask(b) != null || batches.get(b).columnCount() != columnTypes.size()
                    || batches.get(b).isSelective()) {
                return; // rows deleted again, or written before ALTER TABLE ... ADD COLUMN: the usual way
            }
        }
        long first;
        long generationNumber;
        synchronized (this) {
            if (closed || changesRefused) {
                return;
            }
            first = nextPosition();
            generationNumber = generation.number;
        }
        long stored = firstStoredPosition(first);
        long head = stored - first;
        long rows = (change.pendingRowCount() - head) / chunkRows * chunkRows;
        if (rows < writer.minimumRows() / 2) {
            return;
        }
        change.setWrittenRows(writer.write(columnTypes, batches, head, rows, stored, chunkRows, generationNumber));
    }

    /**
     * Whether COMMIT can attach the files statements of {@code change} streamed their rows to where they are
     * ({@link StreamedInsert}): the transaction's rows still go where its reservation said (no other commit appended
     * here first), none was deleted again, and the table gained no column, unique key or index that reads every row
     * since. Store lock held. Otherwise the files' rows are read back and go through the log as any rows.
     */
    private boolean streamedAttachable(PendingChange change) {
        if (!change.hasStoredRows() || change.truncated() || !uniqueKeys.isEmpty() || keepsPositions()) {
            return false;
        }
        for (int b = 0; b < change.batchCount(); b++) {
            Batch batch = change.batch(b);
            if (change.batchMask(b) != null || batch != null && (batch.columnCount() != columnTypes.size()
                    || batch.isSelective())) {
                return false;
            }
        }
        List<RowGroupWriter.Written> files = change.spilledFiles();
        for (int f = 0; f < files.size(); f++) {
            RowGroupWriter.Written file = files.get(f);
            long first = nextPosition() + (change.batchFirstRowId(change.firstBatchOf(f)) & ~PendingChange.PENDING_ROW);
            if (file.generation() != generation.number || file.firstPosition() != first
                    || file.groups().columnCount() != columnTypes.size()) {
                return false;
            }
        }
        return true;
    }

    /** The runs of {@code change}'s rows ({@link #streamedAttachable}): its batches in memory and its files, in order. */
    private static PreparedChange.Attached streamedRuns(PendingChange change) {
        List<PreparedChange.Run> runs = new ArrayList<>();
        List<Batch> rows = new ArrayList<>();
        for (int b = 0; b < change.batchCount(); b++) {
            Batch batch = change.batch(b);
            if (batch != null) {
                rows.add(batch);
                continue;
            }
            PendingChange.StoredGroup group = change.storedGroup(b);
            if (group.group() == 0) {
                runs.add(new PreparedChange.Rows(rows));
                rows = new ArrayList<>();
                runs.add(new PreparedChange.File(change.spilledFiles().get(group.file())));
            }
        }
        runs.add(new PreparedChange.Rows(rows));
        return new PreparedChange.Attached(runs);
    }

    /**
     * Where the next row {@code change} appends goes at COMMIT, if the transactions that reserved places before it
     * commit first ({@link #reserve}): {position, generation}. Reserves the change's place if it has none yet.
     */
    synchronized long[] nextPendingPlace(PendingChange change) {
        reserve(change);
        return new long[] {reservations.get(change) + change.pendingRowCount(), generation.number};
    }

    /**
     * A {@link StreamedInsert} for the running INSERT's rows into this table, through {@code change} (logged, with
     * {@code change.rowGroupWriter()} to write files); null when the rows must stay in memory: no writer, a table
     * whose unique keys, foreign keys or indexes read every new row, or a change that truncated the table.
     */
    synchronized StreamedInsert streamInsert(PendingChange change, BufferAllocator statementAllocator) {
        RowGroupWriter writer = change.rowGroupWriter();
        if (writer == null || writer.minimumRows() == Long.MAX_VALUE || closed || changesRefused
                || change.truncated() || !uniqueKeys.isEmpty() || keepsPositions() || !foreignKeys().isEmpty()) {
            return null;
        }
        return new StreamedInsert(this, change, writer, statementAllocator, chunkRows);
    }

    /** The first chunk boundary at or after {@code position}: where rows written to a file start. */
    private long firstStoredPosition(long position) {
        return (position + chunkRows - 1) / chunkRows * chunkRows;
    }

    /**
     * The rows of {@code placed} (placed from {@code first} on) before and after those {@code written} holds, as
     * slices added to {@code copies}: the log carries them as appends around the file's record.
     */
    private PreparedChange.Attached sliceAround(List<Batch> placed, RowGroupWriter.Written written, long first,
                                                List<Batch> copies) {
        long headEnd = written.firstPosition() - first;
        long tailStart = headEnd + written.rows();
        List<Batch> head = new ArrayList<>();
        List<Batch> tail = new ArrayList<>();
        long at = 0;
        for (Batch batch : placed) {
            long end = at + batch.rowCount();
            addSlice(batch, at, end, 0, headEnd, head, copies);
            addSlice(batch, at, end, tailStart, Long.MAX_VALUE, tail, copies);
            at = end;
        }
        return new PreparedChange.Attached(List.of(new PreparedChange.Rows(head), new PreparedChange.File(written),
                new PreparedChange.Rows(tail)));
    }

    /** Adds to {@code out} the rows of {@code batch} (rows {@code [at, end)} of the whole) within {@code [from, to)}. */
    private void addSlice(Batch batch, long at, long end, long from, long to, List<Batch> out, List<Batch> copies) {
        long start = Math.max(at, from);
        long stop = Math.min(end, to);
        if (start >= stop) {
            return;
        }
        if (start == at && stop == end) {
            out.add(batch);
            return;
        }
        int offset = (int) (start - at);
        int length = (int) (stop - start);
        Batch slice = io.basalt.exec.vector.VectorSlices.slice(batch, offset, length, allocator);
        copies.add(slice);
        out.add(slice);
    }

    /**
     * Places the rows of {@code prepared}, whose whole chunks a file holds: the rows before them are copied in, the
     * file's chunks are read from it from now on, and the rows after them are copied in. A table that keeps positions
     * per key or index entries (which read every row) has all the rows copied in first, its file's chunks then
     * retiring from memory.
     */
    private void attachRows(PreparedChange prepared) {
        PreparedChange.Attached attached = prepared.attached();
        if (prepared.change().hasStoredRows()) {
            prepared.change().takeSpilledFiles(); // this store owns the files' groups from here on
        } else {
            prepared.change().takeWrittenRows();
        }
        if (!keepsPositions()) {
            for (PreparedChange.Run run : attached.runs()) {
                switch (run) {
                    case PreparedChange.Rows rows -> copyIn(rows.batches());
                    case PreparedChange.File file -> {
                        checkPlace(file.written());
                        placeStored(file.written().groups(), file.written().firstPosition(), file.written().rows());
                    }
                }
            }
        } else {
            // only a change written at COMMIT (writeRowGroups) comes here: one file between two runs
            RowGroupWriter.Written written = ((PreparedChange.File) attached.runs().get(1)).written();
            StoredRowGroups groups = written.groups();
            long first = nextPosition();
            copyIn(prepared.placed());
            if (written.firstPosition() - first < 0 || written.firstPosition() - first >= chunkRows) {
                throw new IllegalStateException("rows of " + written.fileName() + " start at "
                        + written.firstPosition() + ", table " + name + " at " + first);
            }
            placeStored(groups, written.firstPosition(), written.rows());
        }
    }

    private void checkPlace(RowGroupWriter.Written written) {
        if (nextPosition() != written.firstPosition()) {
            throw new IllegalStateException("rows of " + written.fileName() + " start at " + written.firstPosition()
                    + ", table " + name + " at " + nextPosition());
        }
    }

    /** Whether the generation keeps something of every row besides the rows: positions per key, index entries. */
    private boolean keepsPositions() {
        return !generation.keyPositions.isEmpty() || !generation.invertedPositions.isEmpty()
                || !generation.expressionKeys.isEmpty();
    }

    /** Every row of {@code groups}, read into batches of this store's allocator (the caller's to free after use). */
    private List<Batch> readRows(StoredRowGroups groups) {
        List<Batch> batches = new ArrayList<>();
        for (int group = 0; group < groups.groupCount(); group++) {
            int rows = groups.rowCount(group);
            List<FieldVector> columns = new ArrayList<>(groups.columnCount());
            for (int column = 0; column < groups.columnCount(); column++) {
                columns.add(groups.read(group, column, 0, rows, allocator));
            }
            batches.add(new Batch(columns, rows));
        }
        return batches;
    }

    /**
     * Makes positions {@code [first, first + rows)} (whole chunks, at the end of the generation or just copied in as
     * its last chunks) read from {@code groups}, which this store owns from now on: appended as stored chunks when
     * they are past the last one, else the copies in memory retire (freed when no scan of the generation is open).
     */
    private void placeStored(StoredRowGroups groups, long first, long rows) {
        Generation filled = generation;
        int firstChunk = (int) (first / chunkRows);
        int endChunk = (int) ((first + rows) / chunkRows);
        List<StoredRowGroups> parts = new ArrayList<>();
        if (filled.stored != null) {
            parts.add(filled.stored.groups);
        }
        parts.add(groups);
        StoredChunks stored = StoredChunks.of(StackedRowGroups.of(parts), chunkRows);
        if (stored == null) {
            throw new IllegalStateException("rows at " + first + " do not line up with the chunks of " + name);
        }
        List<io.basalt.storage.column.ChunkStatistics[]> zoneMaps = new ArrayList<>(filled.zoneMaps);
        while (zoneMaps.size() < endChunk) {
            zoneMaps.add(null);
        }
        for (int c = firstChunk; c < endChunk; c++) {
            if (c < filled.chunks.size()) {
                FieldVector[] resident = filled.chunks.get(c);
                if (resident != null) {
                    filled.retiredChunks.add(resident);
                }
                filled.chunks.set(c, null);
            } else {
                filled.chunks.add(null);
                filled.masks.add(null);
                rowCount += chunkRows;
            }
            int group = stored.group(c);
            io.basalt.storage.column.ChunkStatistics[] groupMap =
                    new io.basalt.storage.column.ChunkStatistics[stored.columnCount(c)];
            for (int column = 0; column < groupMap.length; column++) {
                groupMap[column] = stored.groups.statistics(group, column);
            }
            zoneMaps.set(c, groupMap);
        }
        if (endChunk == filled.chunks.size()) {
            lastChunkRows = chunkRows;
        }
        filled.zoneMaps = zoneMaps;
        filled.stored = stored; // the parts of the stored chunks before pass to the new list (not released)
        if (filled.openScans == 0) {
            filled.freeRetired();
        }
    }

    /**
     * Replay of {@link io.basalt.storage.wal.WalRecord.AttachRows}: the rows of {@code groups} (a file a large insert
     * wrote) are appended at {@code first}, which must be where the table's next row goes, and read from the file
     * from now on. Runs without a transaction.
     *
     * @throws BasaltException DATA_CORRUPTED when the table's rows do not end at {@code first}
     */
    public synchronized void replayAttached(StoredRowGroups groups, long first, long rows, String fileName) {
        if (nextPosition() != first || first % chunkRows != 0 || rows % chunkRows != 0) {
            throw BasaltException.of(SqlState.DATA_CORRUPTED, "invalid data in file \"" + fileName + "\"")
                    .withDetail("Its rows start at position " + first + " of table \"" + name
                            + "\", whose rows end at " + nextPosition() + ".");
        }
        if (uniqueKeys.isEmpty() && !keepsPositions()) {
            placeStored(groups, first, rows); // nothing to rebuild from the rows: they stay in the file
            publishInPlace();
            return;
        }
        List<Batch> batches = readRows(groups);
        try {
            for (UniqueKeyIndex key : uniqueKeys) {
                for (Batch batch : batches) {
                    key.addRows(batch);
                }
            }
            copyIn(batches);
        } finally {
            PreparedChange.free(batches);
        }
        placeStored(groups, first, rows);
        publishInPlace();
    }

    /** Marks deleted the placed rows of {@code prepared} (from {@code firstPosition} on) its transaction deleted. */
    private void markDeadPlaced(PreparedChange prepared, long firstPosition) {
        PendingChange change = prepared.change();
        int dead = 0;
        for (int b = 0; b < change.batchCount(); b++) {
            long[] mask = change.batchMask(b);
            for (int w = 0; mask != null && w < mask.length; w++) {
                dead += Long.bitCount(mask[w]);
            }
        }
        if (dead == 0) {
            return;
        }
        int[] chunkOf = new int[dead];
        int[] rowOf = new int[dead];
        long position = firstPosition;
        int next = 0;
        for (int b = 0; b < change.batchCount(); b++) {
            long[] mask = change.batchMask(b);
            int rows = change.batchRows(b);
            for (int row = 0; mask != null && row < rows; row++) {
                if ((mask[row >>> 6] & (1L << row)) != 0) {
                    chunkOf[next] = (int) ((position + row) / chunkRows);
                    rowOf[next++] = (int) ((position + row) % chunkRows);
                }
            }
            position += rows;
        }
        markDeleted(chunkOf, rowOf, null);
    }

    /**
     * The last step of COMMIT: makes the version {@link #apply} kept for {@code commit} the newest visible one (the
     * coordinator publishes commits in order); versions that no snapshot at or after {@code oldestSnapshot} reads any
     * more are dropped. Versions kept for earlier commits that never became visible (their log failed) are dropped.
     */
    public synchronized void publish(long commit, long oldestSnapshot) {
        if (closed) {
            return;
        }
        TableVersion next = null;
        while (!unpublished.isEmpty() && unpublished.getFirst().commit() <= commit) {
            next = unpublished.removeFirst();
        }
        if (next == null || next.commit() != commit) {
            throw new IllegalStateException("commit " + commit + " of table " + name + " was not applied");
        }
        history.add(current);
        current = next;
        dropVersionsBefore(oldestSnapshot);
        if (unpublished.isEmpty()) {
            notifyAll();
        }
    }

    /**
     * Commit {@code commit} applied here will never become visible (its log record could not be made durable, and the
     * log refuses every later one): forgets the versions kept for it and before it. Its rows stay applied; the
     * database must be reopened, as after any failed sync.
     */
    public synchronized void abandon(long commit) {
        while (!unpublished.isEmpty() && unpublished.getFirst().commit() <= commit) {
            unpublished.removeFirst();
        }
        notifyAll();
    }

    /** Drops the versions that a snapshot at {@code oldestSnapshot} or later never reads: those a newer one hides. */
    public synchronized void dropVersionsBefore(long oldestSnapshot) {
        dropSuccessorsBefore(oldestSnapshot);
        while (!history.isEmpty()) {
            TableVersion next = history.size() > 1 ? history.get(1) : current;
            if (next.commit() > oldestSnapshot) {
                break;
            }
            freeIfUnused(history.removeFirst().generation());
        }
    }

    /**
     * Appends the rows that conflict with nothing on the {@code arbiters} keys (see {@link TableStore#insertNew}):
     * the keys are recorded row by row as {@link UniqueKeyIndex#insertNew} decides, the kept rows are gathered into
     * batches of their own, handed to {@code beforeVisible}, and copied in; all under the store's lock.
     */
    @Override
    public boolean[] insertNew(List<Batch> batches, java.util.Set<String> arbiters,
                               java.util.function.Consumer<List<Batch>> beforeVisible) {
        checkChangesAccepted(batches);
        TableTransaction transaction = TableTransaction.current();
        if (transaction != null) {
            // a key another open transaction holds is waited for; if it committed one of the arbiters' keys, READ
            // COMMITTED skips the row (its key is taken now), REPEATABLE READ fails: its snapshot cannot see the row
            if (awaitPendingKeys(batches, arbiters) && !transaction.snapshotPerStatement()) {
                throw PendingChange.concurrentUpdate();
            }
            PendingChange change = transaction.changeForWrite(this);
            synchronized (this) {
                return change.insertNew(batches, arbiters, uniqueKeys, beforeVisible);
            }
        }
        synchronized (this) {
            return insertNewNow(batches, arbiters, beforeVisible);
        }
    }

    /**
     * Adds to {@code into} a copy of the rows of {@code batches} whose flag in {@code keep} (indexed over the
     * batches' rows one after another) is set, one batch per input batch that keeps any; the caller closes them.
     */
    private void gatherKept(List<Batch> batches, boolean[] keep, List<Batch> into) {
        int first = 0;
        for (Batch batch : batches) {
            int[] selection = new int[batch.rowCount()];
            int count = 0;
            for (int row = 0; row < batch.rowCount(); row++) {
                if (keep[first + row]) {
                    selection[count++] = row;
                }
            }
            first += batch.rowCount();
            if (count > 0) {
                into.add(io.basalt.exec.vector.VectorGather.gatherCopy(batch, selection, count, allocator));
            }
        }
    }

    private boolean[] insertNewNow(List<Batch> batches, java.util.Set<String> arbiters,
                                   java.util.function.Consumer<List<Batch>> beforeVisible) {
        UniqueKeyIndex.Insertion insertion = UniqueKeyIndex.insertNew(uniqueKeys, arbiters, batches);
        boolean[] inserted = insertion.inserted();
        List<Batch> kept = new ArrayList<>();
        try {
            gatherKept(batches, inserted, kept);
            beforeVisible.accept(kept);
            copyIn(kept);
            publishInPlace();
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
     * Chunk {@code chunk} of the current generation as the unique keys read it: its vectors when it is in memory,
     * else its key columns read from its data file into {@code owned} (once per call: {@code read} remembers them);
     * null when the table has no unique key, since then nothing reads it.
     */
    private FieldVector[] keyChunk(int chunk, java.util.Map<Integer, FieldVector[]> read, List<FieldVector> owned) {
        FieldVector[] resident = generation.chunks.get(chunk);
        if (resident != null || uniqueKeys.isEmpty()) {
            return resident;
        }
        FieldVector[] loaded = read.get(chunk);
        if (loaded == null) {
            loaded = generation.stored.load(chunk, keyColumns(), allocator, owned);
            read.put(chunk, loaded);
        }
        return loaded;
    }

    /** The columns some unique key reads; null (all) when a partial index's condition reads others too. */
    private int[] keyColumns() {
        java.util.BitSet columns = new java.util.BitSet();
        for (UniqueKeyIndex key : uniqueKeys) {
            if (key.partial()) {
                return null;
            }
            for (int column : key.columns()) {
                columns.set(column);
            }
        }
        return columns.stream().toArray();
    }

    /**
     * Chunk {@code chunk} of {@code filled}: its vectors when it is in memory, else the columns {@code wanted} (null:
     * all) read from its data file into {@code owned}, the others null.
     */
    private FieldVector[] chunkVectors(Generation filled, int chunk, int[] wanted, List<FieldVector> owned) {
        FieldVector[] resident = filled.chunks.get(chunk);
        return resident != null ? resident : filled.stored.load(chunk, wanted, allocator, owned);
    }

    private static void closeAll(List<FieldVector> vectors) {
        for (FieldVector vector : vectors) {
            vector.close();
        }
        vectors.clear();
    }

    /** Rows of chunk {@code chunk} of the current generation. */
    private int rowsOf(int chunk) {
        return chunk < generation.chunks.size() - 1 ? chunkRows : lastChunkRows;
    }

    /**
     * The position of the live row {@code rowId} in the current generation.
     *
     * @throws BasaltException 40001 when the row is gone (deleted, updated, or truncated away)
     */
    private long locate(long rowId) {
        if (!live(rowId)) {
            throw BasaltException.of(SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent "
                    + (deletedOutright(rowId) ? "delete" : "update"));
        }
        return rowId & ((1L << POSITION_BITS) - 1);
    }

    /** Whether committed row {@code rowId} is live in the newest state. Store lock held. */
    boolean live(long rowId) {
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
        return live;
    }

    /** Whether committed row {@code rowId} was deleted without a new version (a DELETE, not an UPDATE). */
    private boolean deletedOutright(long rowId) {
        long position = rowId & ((1L << POSITION_BITS) - 1);
        int chunk = (int) (position / chunkRows);
        long[] deletes = rowId >>> POSITION_BITS == generation.number && chunk < generation.deletes.size()
                ? generation.deletes.get(chunk) : null;
        int row = (int) (position % chunkRows);
        return deletes != null && (deletes[row >>> 6] & (1L << row)) != 0;
    }

    // ---- successors (EvalPlanQual) ---------------------------------------------------------------------------

    /** {@link #newestVersion}: the row was updated, but its new version is not known. */
    static final long UNKNOWN_VERSION = -2;

    /**
     * The id of the live newest version of committed row {@code rowId}, which is no longer live: -1 when it (or a
     * later version) was deleted, {@link #UNKNOWN_VERSION} when an update's new version was not recorded. Store lock
     * held.
     */
    long newestVersion(long rowId) {
        long current = rowId;
        while (true) {
            if (deletedOutright(current)) {
                return -1;
            }
            Long next = successors.get(current);
            if (next == null) {
                return UNKNOWN_VERSION;
            }
            if (next < 0 || live(next)) {
                return next;
            }
            current = next;
        }
    }

    /** Every later version of the rows {@code rowIds}, live or not, as far as recorded (see {@link #newestVersion}). */
    synchronized java.util.Set<Long> laterVersions(long[] rowIds) {
        java.util.Set<Long> later = new java.util.HashSet<>();
        for (long rowId : rowIds) {
            Long next = successors.get(rowId);
            while (next != null && next >= 0 && later.add(next)) {
                next = successors.get(next);
            }
        }
        return later;
    }

    /** Keeps the successors of every commit after {@code snapshot} until {@link #unpinSuccessors}. */
    synchronized void pinSuccessors(long snapshot) {
        successorPins.add(snapshot);
    }

    synchronized void unpinSuccessors(long snapshot) {
        successorPins.remove(Long.valueOf(snapshot));
    }

    /** Records the new versions commit {@code commit} made of committed rows (see {@link #apply}). */
    private void recordSuccessors(PendingChange change, long firstPosition, long commit) {
        long[][] pairs = change.committedSuccessors(generation.number, firstPosition);
        if (pairs[0].length == 0) {
            return;
        }
        for (int i = 0; i < pairs[0].length; i++) {
            successors.put(pairs[0][i], pairs[1][i]);
        }
        successorCommits.addLast(new long[][] {{commit}, pairs[0]});
    }

    /** Forgets the successors no snapshot at or after {@code oldestSnapshot} (nor a pinned one) can ask for. */
    private void dropSuccessorsBefore(long oldestSnapshot) {
        long floor = oldestSnapshot;
        for (long pin : successorPins) {
            floor = Math.min(floor, pin);
        }
        while (!successorCommits.isEmpty() && successorCommits.peekFirst()[0][0] <= floor) {
            for (long rowId : successorCommits.removeFirst()[1]) {
                successors.remove(rowId);
            }
        }
    }

    /** The position the next appended row takes in the current generation. */
    private long nextPosition() {
        return generation.chunks.isEmpty() ? 0 : (long) (generation.chunks.size() - 1) * chunkRows + lastChunkRows;
    }

    /**
     * Sets the rows' deletion bits, installing a new mask for each chunk touched. {@code deleteOnly[i]} (null: all
     * false) says the row was deleted rather than replaced by a new version, for the wording of a later conflict.
     */
    private void markDeleted(int[] chunkOf, int[] rowOf, boolean[] deleteOnly) {
        List<long[]> masks = generation.masks;
        boolean[] copied = new boolean[masks.size()];
        for (int i = 0; i < chunkOf.length; i++) {
            int chunk = chunkOf[i];
            long[] mask = masks.get(chunk);
            if (!copied[chunk]) {
                mask = mask == null ? new long[(chunkRows + 63) >>> 6] : mask.clone();
                masks.set(chunk, mask);
                copied[chunk] = true;
            }
            long bit = 1L << rowOf[i];
            if ((mask[rowOf[i] >>> 6] & bit) != 0) {
                throw new IllegalArgumentException("row " + rowOf[i] + " of chunk " + chunk + " deleted twice");
            }
            mask[rowOf[i] >>> 6] |= bit;
            rowCount--;
            if (deleteOnly != null && deleteOnly[i]) {
                while (generation.deletes.size() <= chunk) {
                    generation.deletes.add(null);
                }
                long[] deletes = generation.deletes.get(chunk);
                if (deletes == null) {
                    deletes = new long[(chunkRows + 63) >>> 6];
                    generation.deletes.set(chunk, deletes);
                }
                deletes[rowOf[i] >>> 6] |= bit;
            }
        }
    }

    @Override
    public void checkUniqueKeys(List<Batch> batches, int lastRows) {
        if (batches.isEmpty()) {
            return;
        }
        TableTransaction transaction = TableTransaction.current();
        PendingChange change = transaction == null ? null : transaction.change(this);
        synchronized (this) {
            if (change != null) {
                change.checkNewKeys(batches, lastRows, uniqueKeys);
            } else {
                UniqueKeyIndex.newKeys(uniqueKeys, batches, lastRows);
            }
        }
    }

    @Override
    public synchronized void addUniqueKey(UniqueKeyIndex key) {
        key.attach(allocator);
        List<FieldVector[]> chunks = generation.chunks;
        List<FieldVector> read = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            try {
                FieldVector[] chunk = chunkVectors(generation, c, null, read);
                key.addRows(new Batch(List.of(chunk), chunk[0].getValueCount()), generation.masks.get(c));
            } finally {
                closeAll(read);
            }
        }
        uniqueKeys.add(key);
        startKeyPositions(key);
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
        List<FieldVector> read = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            try {
                FieldVector[] chunk = chunkVectors(generation, c, null, read);
                int rows = c < chunks.size() - 1 ? chunkRows : lastChunkRows;
                long[] mask = generation.masks.get(c);
                for (int row = 0; row < rows; row++) {
                    if (mask == null || (mask[row >>> 6] & (1L << row)) == 0) {
                        visitor.visit(chunk, row, base + (long) c * chunkRows + row);
                    }
                }
            } finally {
                closeAll(read);
            }
        }
    }

    /**
     * The stored values of the live row {@code rowId}, one per column. The caller holds this store's lock.
     *
     * @throws BasaltException 40001 when the row is gone
     */
    Object[] row(long rowId) {
        if (PendingChange.isPending(rowId)) {
            TableTransaction transaction = TableTransaction.current();
            PendingChange change = transaction == null ? null : transaction.change(this);
            if (change == null) {
                throw PendingChange.concurrentUpdate();
            }
            return change.rowValues(rowId);
        }
        long position = locate(rowId);
        List<FieldVector> read = new ArrayList<>();
        try {
            FieldVector[] chunk = chunkVectors(generation, (int) (position / chunkRows), null, read);
            int row = (int) (position % chunkRows);
            Object[] values = new Object[chunk.length];
            for (int c = 0; c < chunk.length; c++) {
                values[c] = ValueAccess.get(chunk[c], row);
            }
            return values;
        } finally {
            closeAll(read);
        }
    }

    @Override
    public synchronized void createUniqueKey(UniqueKeyIndex key) {
        key.attach(allocator);
        List<FieldVector[]> chunks = generation.chunks;
        List<FieldVector> read = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            try {
                FieldVector[] chunk = chunkVectors(generation, c, null, read);
                key.addRowsChecked(new Batch(List.of(chunk), chunk[0].getValueCount()), generation.masks.get(c));
            } finally {
                closeAll(read);
            }
        }
        uniqueKeys.add(key);
        startKeyPositions(key);
    }

    @Override
    public synchronized void removeUniqueKey(String constraintName) {
        uniqueKeys.removeIf(key -> key.constraintName().equals(constraintName));
        generation.keyPositions.removeIf(index -> index.constraintName().equals(constraintName));
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
                    io.basalt.exec.vector.VectorCopies.appendRange(source, copied, target, lastChunkRows, take);
                    target.setValueCount(lastChunkRows + take);
                }
                lastChunkRows += take;
                copied += take;
                rowCount += take;
            }
        }
        for (KeyPositions index : generation.keyPositions) {
            recordPositions(index, generation);
        }
        for (io.basalt.storage.index.JsonbInvertedIndex index : generation.invertedPositions) {
            recordInvertedPositions(index, generation);
        }
        for (io.basalt.storage.index.ExpressionKeyIndex index : generation.expressionKeys) {
            recordExpressionKeys(index, generation);
        }
    }

    /** Starts recording the positions of the current generation by {@code key}, the rows stored so far included. */
    private void startKeyPositions(UniqueKeyIndex key) {
        if (key.partial()) {
            return; // a partial index does not know the rows outside its predicate
        }
        KeyPositions index = new KeyPositions(key.constraintName(), key.columns());
        recordPositions(index, generation);
        generation.keyPositions.add(index);
    }

    /** Records in {@code index} the positions of {@code filled} (the current generation) it has not seen yet. */
    private void recordPositions(KeyPositions index, Generation filled) {
        int[] keyColumns = index.columns();
        Object[] values = new Object[keyColumns.length];
        long end = filled.chunks.isEmpty() ? 0 : (long) (filled.chunks.size() - 1) * chunkRows + lastChunkRows;
        List<FieldVector> read = new ArrayList<>();
        int readChunk = -1;
        FieldVector[] chunk = null;
        try {
            for (long position = index.count(); position < end; position++) {
                int chunkIndex = (int) (position / chunkRows);
                if (chunkIndex != readChunk) {
                    closeAll(read);
                    chunk = chunkVectors(filled, chunkIndex, keyColumns, read);
                    readChunk = chunkIndex;
                }
                int row = (int) (position % chunkRows);
                for (int k = 0; k < keyColumns.length; k++) {
                    int column = keyColumns[k];
                    values[k] = column < chunk.length ? ValueAccess.get(chunk[column], row) : missingValues.get(column);
                }
                index.add(values);
            }
        } finally {
            closeAll(read);
        }
    }

    /**
     * The index of {@code scanned} that a scan given {@code predicates} can look its rows up in: one whose key columns
     * all have an equality predicate with a constant; null when there is none.
     */
    private static KeyPositions lookupIndex(Generation scanned,
                                            List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        for (KeyPositions index : scanned.keyPositions) {
            if (keyValues(index, predicates) != null) {
                return index;
            }
        }
        return null;
    }

    /** The values {@code predicates} fix for {@code index}'s key columns, in key order, or null if some column is free. */
    private static Object[] keyValues(KeyPositions index, List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        int[] keyColumns = index.columns();
        Object[] values = new Object[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            boolean fixed = false;
            for (io.basalt.exec.operator.scan.ScanPredicate predicate : predicates) {
                if (predicate instanceof io.basalt.exec.operator.scan.ScanPredicate.Compare compare
                        && compare.operator() == io.basalt.exec.kernel.CompareOp.EQ
                        && compare.column() == keyColumns[k]) {
                    values[k] = compare.value();
                    fixed = true;
                    break;
                }
            }
            if (!fixed) {
                return null;
            }
        }
        return values;
    }

    /**
     * The unique key a scan given {@code predicates} reads its rows through instead of reading every chunk, or null
     * when it reads every chunk; for EXPLAIN.
     */
    @Override
    public synchronized PointLookupKey pointLookup(List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        KeyPositions index = lookupIndex(generation, predicates);
        return index == null ? null : new PointLookupKey(index.constraintName(), index.columns());
    }

    /**
     * CREATE INDEX ... USING gin over a jsonb column: records the entries of the rows stored so far and of every later
     * one, in this generation and the ones after it (TRUNCATE, recovery).
     */
    @Override
    public synchronized void addInvertedIndex(io.basalt.storage.index.JsonbInvertedIndex index) {
        invertedIndexes.add(index.emptyCopy());
        io.basalt.storage.index.JsonbInvertedIndex filled = index.emptyCopy();
        recordInvertedPositions(filled, generation);
        generation.invertedPositions.add(filled);
    }

    @Override
    public synchronized void removeInvertedIndex(String indexName) {
        invertedIndexes.removeIf(index -> index.name().equals(indexName));
        generation.invertedPositions.removeIf(index -> index.name().equals(indexName));
    }

    /** The GIN index a scan given {@code predicates} reads its rows through, or null; for EXPLAIN. */
    @Override
    public synchronized String invertedLookup(List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        if (generation.invertedPositions.isEmpty() || lookupIndex(generation, predicates) != null) {
            return null;
        }
        JsonbInvertedIndexes.Lookup lookup = JsonbInvertedIndexes.lookup(generation.invertedPositions, predicates,
                current.positions());
        return lookup == null ? null : lookup.indexName();
    }

    /** Starts the current generation's GIN index positions (and expression index keys), the stored rows included. */
    private void startInvertedIndexes() {
        generation.invertedPositions.clear();
        long end = generation.chunks.isEmpty() ? 0
                : (long) (generation.chunks.size() - 1) * chunkRows + lastChunkRows;
        for (io.basalt.storage.index.JsonbInvertedIndex definition : invertedIndexes) {
            io.basalt.storage.index.InvertedPositions restored = generation.number == restoredGeneration
                    ? restoredInverted.remove(restoredKey(definition)) : null;
            io.basalt.storage.index.JsonbInvertedIndex filled = restored != null && restored.count() <= end
                    ? definition.restoredCopy(restored) : definition.emptyCopy();
            recordInvertedPositions(filled, generation);
            generation.invertedPositions.add(filled);
        }
        restoredInverted.clear();
        restoredGeneration = -1;
        generation.expressionKeys.clear();
        for (io.basalt.storage.index.ExpressionKeyIndex definition : expressionIndexes) {
            io.basalt.storage.index.ExpressionKeyIndex.Saved saved = generation.number == restoredExpressionGeneration
                    ? restoredExpressions.remove(definition.savedName()) : null;
            io.basalt.storage.index.ExpressionKeyIndex filled = saved != null && saved.count() <= end
                    ? definition.restoredCopy(saved) : definition.emptyCopy();
            recordExpressionKeys(filled, generation);
            generation.expressionKeys.add(filled);
        }
        restoredExpressions.clear();
        restoredExpressionGeneration = -1;
    }

    /**
     * Writes the indexes over expressions of generation {@code generationNumber} over positions {@code [0, positions)}
     * (what a checkpoint wrote to a data file) to {@code out}: their count, then per index its
     * {@link io.basalt.storage.index.ExpressionKeyIndex#savedName} and keys. Returns false, having written nothing,
     * when the store is in another generation now or keeps no such index that can save those positions.
     */
    public synchronized boolean writeExpressionKeys(long generationNumber, long positions, java.io.DataOutput out)
            throws java.io.IOException {
        if (generation.number != generationNumber) {
            return false;
        }
        List<io.basalt.storage.index.ExpressionKeyIndex> covering = new ArrayList<>();
        for (io.basalt.storage.index.ExpressionKeyIndex index : generation.expressionKeys) {
            if (index.covers(positions)) {
                covering.add(index);
            }
        }
        if (covering.isEmpty()) {
            return false;
        }
        out.writeInt(covering.size());
        for (io.basalt.storage.index.ExpressionKeyIndex index : covering) {
            out.writeUTF(index.savedName());
            index.write(out, positions);
        }
        return true;
    }

    /**
     * Recovery: indexes over expressions read back from what {@link #writeExpressionKeys} wrote for generation
     * {@code generationNumber}; the restore of that generation that follows starts them (those whose saved name still
     * matches a definition) from these keys instead of computing every stored row's key again.
     *
     * @throws java.io.IOException when {@code in} is not what {@link #writeExpressionKeys} wrote
     */
    public synchronized void offerExpressionKeys(long generationNumber, java.io.DataInput in)
            throws java.io.IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new java.io.IOException("bad index count");
        }
        java.util.Map<String, io.basalt.storage.index.ExpressionKeyIndex.Saved> read = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            String savedName = in.readUTF();
            read.put(savedName, io.basalt.storage.index.ExpressionKeyIndex.read(in));
        }
        restoredExpressions = read;
        restoredExpressionGeneration = generationNumber;
    }

    /** How many of the current generation's indexes over expressions were read back from a saved file (for tests). */
    public synchronized int restoredExpressionIndexes() {
        int restored = 0;
        for (io.basalt.storage.index.ExpressionKeyIndex index : generation.expressionKeys) {
            restored += index.restored() ? 1 : 0;
        }
        return restored;
    }

    /** How a GIN index's restored positions are named: its name, column and operator class. */
    private static String restoredKey(io.basalt.storage.index.JsonbInvertedIndex index) {
        return restoredKey(index.name(), index.column(), index.operatorClass());
    }

    private static String restoredKey(String name, int column, io.basalt.storage.index.JsonbOperatorClass operatorClass) {
        return name + "/" + column + "/" + operatorClass.name();
    }

    /**
     * Writes the GIN indexes of generation {@code generationNumber} over positions {@code [0, positions)} (what a
     * checkpoint wrote to a data file) to {@code out}: their count, then per index its name, column, operator class
     * and positions ({@link io.basalt.storage.index.InvertedPositions#write}). Returns false, having written nothing,
     * when the store is in another generation now or keeps no GIN index covering those positions.
     */
    public synchronized boolean writeInvertedPositions(long generationNumber, long positions, java.io.DataOutput out)
            throws java.io.IOException {
        if (generation.number != generationNumber) {
            return false;
        }
        List<io.basalt.storage.index.JsonbInvertedIndex> covering = new ArrayList<>();
        for (io.basalt.storage.index.JsonbInvertedIndex index : generation.invertedPositions) {
            if (index.covers(positions)) {
                covering.add(index);
            }
        }
        if (covering.isEmpty()) {
            return false;
        }
        out.writeInt(covering.size());
        for (io.basalt.storage.index.JsonbInvertedIndex index : covering) {
            out.writeUTF(index.name());
            out.writeInt(index.column());
            out.writeUTF(index.operatorClass().name());
            index.write(out, positions);
        }
        return true;
    }

    /**
     * Recovery: GIN index positions read back from what {@link #writeInvertedPositions} wrote for generation
     * {@code generationNumber}; the restore of that generation that follows starts its GIN indexes from them (those
     * whose name, column and operator class still match a definition) instead of reading every document again.
     *
     * @throws java.io.IOException when {@code in} is not what {@link #writeInvertedPositions} wrote
     */
    public synchronized void offerInvertedPositions(long generationNumber, java.io.DataInput in)
            throws java.io.IOException {
        int count = in.readInt();
        java.util.Map<String, io.basalt.storage.index.InvertedPositions> read = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            String indexName = in.readUTF();
            int column = in.readInt();
            io.basalt.storage.index.JsonbOperatorClass operatorClass;
            try {
                operatorClass = io.basalt.storage.index.JsonbOperatorClass.valueOf(in.readUTF());
            } catch (IllegalArgumentException unknown) {
                throw new java.io.IOException("unknown operator class");
            }
            read.put(restoredKey(indexName, column, operatorClass), io.basalt.storage.index.InvertedPositions.read(in));
        }
        restoredInverted = read;
        restoredGeneration = generationNumber;
    }

    /**
     * CREATE INDEX ... ((expr)) (a btree index whose first key is an expression): records the keys of the rows stored
     * so far and of every later one, in this generation and the ones after it (TRUNCATE, recovery).
     */
    @Override
    public synchronized void addExpressionIndex(io.basalt.storage.index.ExpressionKeyIndex index) {
        expressionIndexes.add(index.emptyCopy());
        io.basalt.storage.index.ExpressionKeyIndex filled = index.emptyCopy();
        recordExpressionKeys(filled, generation);
        generation.expressionKeys.add(filled);
    }

    @Override
    public synchronized void removeExpressionIndex(String indexName) {
        expressionIndexes.removeIf(index -> index.name().equals(indexName));
        generation.expressionKeys.removeIf(index -> index.name().equals(indexName));
    }

    @Override
    public synchronized List<io.basalt.storage.index.ExpressionKeyIndex> expressionIndexes() {
        return List.copyOf(expressionIndexes);
    }

    /** The index over an expression a scan given {@code predicates} reads its rows through, or null; for EXPLAIN. */
    @Override
    public synchronized String expressionLookup(List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        if (generation.expressionKeys.isEmpty() || lookupIndex(generation, predicates) != null
                || invertedLookup(predicates) != null) {
            return null;
        }
        JsonbInvertedIndexes.Lookup lookup = ExpressionKeyIndexes.lookup(generation.expressionKeys, predicates,
                current.positions());
        return lookup == null ? null : lookup.indexName();
    }

    @Override
    public synchronized double expressionKeyFraction(io.basalt.exec.operator.scan.ScanPredicate.IndexKey predicate) {
        for (io.basalt.storage.index.ExpressionKeyIndex index : generation.expressionKeys) {
            if (index.serves(predicate)) {
                return index.fraction(predicate);
            }
        }
        return Double.NaN;
    }

    /** Records in {@code index} the keys of the positions of {@code filled} (the current generation) it lacks. */
    private void recordExpressionKeys(io.basalt.storage.index.ExpressionKeyIndex index, Generation filled) {
        int[] wanted = index.readColumns();
        long end = filled.chunks.isEmpty() ? 0 : (long) (filled.chunks.size() - 1) * chunkRows + lastChunkRows;
        List<FieldVector> read = new ArrayList<>();
        try {
            while (index.count() < end) {
                long position = index.count();
                int chunkIndex = (int) (position / chunkRows);
                int from = (int) (position % chunkRows);
                int rows = (int) Math.min(chunkRows - from, end - position);
                FieldVector[] chunk = chunkVectors(filled, chunkIndex, wanted, read);
                index.addRange(chunk, from, rows, allocator);
                closeAll(read);
            }
        } finally {
            closeAll(read);
        }
    }

    /** Records in {@code index} the positions of {@code filled} (the current generation) it has not seen yet. */
    private void recordInvertedPositions(io.basalt.storage.index.JsonbInvertedIndex index, Generation filled) {
        int column = index.column();
        int[] wanted = {column};
        long end = filled.chunks.isEmpty() ? 0 : (long) (filled.chunks.size() - 1) * chunkRows + lastChunkRows;
        List<FieldVector> read = new ArrayList<>();
        int readChunk = -1;
        FieldVector[] chunk = null;
        try {
            for (long position = index.count(); position < end; position++) {
                int chunkIndex = (int) (position / chunkRows);
                if (chunkIndex != readChunk) {
                    closeAll(read);
                    chunk = chunkVectors(filled, chunkIndex, wanted, read);
                    readChunk = chunkIndex;
                }
                int row = (int) (position % chunkRows);
                if (column < chunk.length) {
                    index.addRow(chunk[column], row);
                } else {
                    index.addValue(missingValues.get(column));
                }
            }
        } finally {
            closeAll(read);
        }
    }

    /**
     * The chunks written between two truncations, their deletion masks (null: no row deleted; a mask is never
     * changed once installed), and how many open scans read them. {@code number} counts truncations.
     */
    static final class Generation {
        final long number;
        /** Which transaction inserted which positions (the system column xmin); see {@link InsertingTransactions}. */
        final InsertingTransactions inserters = new InsertingTransactions();
        final List<FieldVector[]> chunks = new ArrayList<>();
        final List<long[]> masks = new ArrayList<>();
        /** Rows deleted without a new version (DELETE rather than UPDATE), by chunk; changed in place, read locked. */
        final List<long[]> deletes = new ArrayList<>();
        /** The positions of this generation by unique key, for point lookups (see {@link KeyPositions}). */
        final List<KeyPositions> keyPositions = new ArrayList<>();
        /** The positions of this generation by the entries of each GIN index (see {@link JsonbInvertedIndexes}). */
        final List<io.basalt.storage.index.JsonbInvertedIndex> invertedPositions = new ArrayList<>();
        /** The keys of this generation's positions for each index over an expression (see {@link ExpressionKeyIndexes}). */
        final List<io.basalt.storage.index.ExpressionKeyIndex> expressionKeys = new ArrayList<>();
        /**
         * Zone maps of the full chunks loaded from a data file, by chunk (per column; null: none), set once by
         * {@link #restore}; chunks past the list's end have none. Full chunks never change, so they stay exact.
         */
        List<io.basalt.storage.column.ChunkStatistics[]> zoneMaps = List.of();
        /** The full chunks left in a data file (their entries in {@link #chunks} are null), or null. */
        StoredChunks stored;
        /**
         * What {@link #adoptStored} replaced while scans may still read it: chunks now read from a data file, and the
         * file read before; freed when no scan of the generation is open.
         */
        final List<FieldVector[]> retiredChunks = new ArrayList<>();
        final List<StoredRowGroups> retiredStored = new ArrayList<>();
        int openScans;
        boolean retired;

        Generation(long number) {
            this.number = number;
        }

        void free() {
            for (FieldVector[] chunk : chunks) {
                if (chunk != null) {
                    for (FieldVector vector : chunk) {
                        vector.close();
                    }
                }
            }
            chunks.clear();
            masks.clear();
            if (stored != null) {
                stored.groups.release();
                stored = null;
            }
            freeRetired();
        }

        void freeRetired() {
            for (FieldVector[] chunk : retiredChunks) {
                for (FieldVector vector : chunk) {
                    vector.close();
                }
            }
            retiredChunks.clear();
            for (StoredRowGroups groups : retiredStored) {
                groups.release();
            }
            retiredStored.clear();
        }
    }

    /** TRUNCATE: at once, or in the bound transaction's pending change. */
    @Override
    public void truncate() {
        checkChangesAccepted(List.of());
        TableTransaction transaction = TableTransaction.current();
        if (transaction != null) {
            PendingChange change = transaction.changeForWrite(this);
            synchronized (this) {
                change.stageTruncate();
            }
            return;
        }
        synchronized (this) {
            Generation old = generation;
            startGeneration();
            publishInPlace();
            freeIfUnused(old);
        }
    }

    /** Retires the current generation for a new, empty one; its memory goes when nothing reads it any more. */
    private void startGeneration() {
        Generation old = generation;
        old.retired = true;
        generation = new Generation(old.number + 1);
        lastChunkRows = 0;
        rowCount = 0;
        for (UniqueKeyIndex key : uniqueKeys) {
            key.clear();
            startKeyPositions(key);
        }
        startInvertedIndexes();
    }

    /** The state now as a version stamped {@code commit}. */
    private TableVersion version(long commit) {
        List<FieldVector[]> chunks = generation.chunks;
        long positions = chunks.isEmpty() ? 0 : (long) (chunks.size() - 1) * chunkRows + lastChunkRows;
        return new TableVersion(commit, generation, positions, generation.masks.toArray(new long[0][]), rowCount);
    }

    /** A change made without a transaction (log replay, a store used alone) replaces the newest version. */
    private void publishInPlace() {
        current = version(current.commit());
    }

    /** The newest version a snapshot at {@code snapshot} reads. */
    private TableVersion versionAt(long snapshot) {
        if (current.commit() <= snapshot) {
            return current;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).commit() <= snapshot) {
                return history.get(i);
            }
        }
        return history.isEmpty() ? current : history.getFirst();
    }

    private void freeIfUnused(Generation candidate) {
        if (closed) {
            // a scan of a dropped or replaced table ended: its rows go with the last such scan
            if (candidate.openScans == 0) {
                candidate.free();
            }
            return;
        }
        if (!candidate.retired || candidate.openScans > 0 || current.generation() == candidate) {
            return;
        }
        for (TableVersion version : unpublished) {
            if (version.generation() == candidate) {
                return;
            }
        }
        for (TableVersion version : history) {
            if (version.generation() == candidate) {
                return;
            }
        }
        candidate.free();
    }

    /** A scan of {@code scanned} ended: frees it if TRUNCATE left it behind and no other scan reads it. */
    synchronized void scanClosed(Generation scanned) {
        scanned.openScans--;
        if (scanned.openScans == 0) {
            scanned.freeRetired();
        }
        freeIfUnused(scanned);
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
        return openParallel(columns, context, List.of());
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        return open(columns, context, List.of());
    }

    /**
     * What a scan reads: the version of the bound transaction's snapshot (the newest without one), its full chunks
     * in place and its last chunk's requested columns as slices taken now, with the transaction's own deletions
     * merged into the masks and its own appended rows after them.
     */
    /** A scan that skips the full chunks whose zone maps exclude {@code predicates} (see {@link io.basalt.exec.operator.scan.ScanSource#withPredicates}). */
    @Override
    public io.basalt.exec.operator.scan.ScanSource withPredicates(
            List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return predicates.isEmpty() ? this : new PrunedScan(this, List.copyOf(predicates));
    }

    /**
     * A scan with {@code paths} as extra columns ({@link PathColumnScan}), or null when the table has no row group in
     * a data file (the only place sub-columns exist) when planned.
     */
    @Override
    public io.basalt.exec.operator.scan.ScanSource withPathColumns(
            List<io.basalt.exec.operator.scan.PathColumn> paths) {
        synchronized (this) {
            if (current.generation().stored == null) {
                return null;
            }
        }
        return new PathColumnScan(this, List.copyOf(paths), List.of());
    }

    /** A scan of {@code columns}, some of them path columns (see {@link PathColumnScan}). */
    SourceState open(int[] columns, ExecutionContext context,
                     List<io.basalt.exec.operator.scan.ScanPredicate> predicates,
                     List<io.basalt.exec.operator.scan.PathColumn> paths) {
        PathColumnReads reads = PathColumnReads.of(columns, columnTypes.size(), paths, predicates);
        int[] base = reads.baseColumns();
        return new ChunkScan(snapshot(base, context, PathColumnReads.tablePredicates(predicates, columnTypes.size())),
                base, context, new AtomicInteger(), true, reads);
    }

    /** A parallel scan of {@code columns}, some of them path columns (see {@link PathColumnScan}). */
    ParallelScan openParallel(int[] columns, ExecutionContext context,
                              List<io.basalt.exec.operator.scan.ScanPredicate> predicates,
                              List<io.basalt.exec.operator.scan.PathColumn> paths) {
        PathColumnReads reads = PathColumnReads.of(columns, columnTypes.size(), paths, predicates);
        int[] base = reads.baseColumns();
        TableSnapshot snapshot = snapshot(base, context,
                PathColumnReads.tablePredicates(predicates, columnTypes.size()));
        AtomicInteger nextMorsel = new AtomicInteger();
        return new ParallelScan() {
            private boolean closed;

            @Override
            public SourceState openWorker() {
                return new ChunkScan(snapshot, base, context, nextMorsel, false, reads);
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

    SourceState open(int[] columns, ExecutionContext context,
                     List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return new ChunkScan(snapshot(columns, context, predicates), columns, context, new AtomicInteger(), true);
    }

    ParallelScan openParallel(int[] columns, ExecutionContext context,
                              List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        TableSnapshot snapshot = snapshot(columns, context, predicates);
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

    private TableSnapshot snapshot(int[] columns, ExecutionContext context,
                                   List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        TableTransaction transaction = TableTransaction.current();
        List<FieldVector> owned = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                // the statement was planned against a table that has since been dropped or replaced
                throw BasaltException.of(SqlState.SERIALIZATION_FAILURE,
                        "could not serialize access due to concurrent update")
                        .withDetail("Table \"" + name + "\" was dropped or altered after the statement was planned.");
            }
            FieldVector[] missing = new FieldVector[columnTypes.size()];
            TableVersion version = transaction == null ? current : versionAt(transaction.snapshot());
            PendingChange change = transaction == null ? null : transaction.change(this);
            if (transaction != null) {
                transaction.read(this);
            }
            Generation scanned = version.generation();
            List<TableSnapshot.Piece> pieces = new ArrayList<>();
            KeyPositions index = predicates.isEmpty() ? null : lookupIndex(scanned, predicates);
            long[] candidates = index == null ? null : index.candidates(keyValues(index, predicates));
            if (index == null && !scanned.invertedPositions.isEmpty()) {
                JsonbInvertedIndexes.Lookup inverted = JsonbInvertedIndexes.lookup(scanned.invertedPositions,
                        predicates, version.positions());
                candidates = inverted == null ? null : inverted.candidates();
            }
            if (index == null && candidates == null && !scanned.expressionKeys.isEmpty()) {
                JsonbInvertedIndexes.Lookup keyed = ExpressionKeyIndexes.lookup(scanned.expressionKeys, predicates,
                        version.positions());
                candidates = keyed == null ? null : keyed.candidates();
            }
            if (candidates != null && (change == null || !change.truncated())) {
                addCandidatePieces(pieces, version, change, candidates, columns, missing, owned, context);
            } else if (change == null || !change.truncated()) {
                int full = (int) (version.positions() / chunkRows);
                int tailRows = (int) (version.positions() % chunkRows);
                StoredChunks stored = scanned.stored;
                for (int c = 0; c < full; ) {
                    boolean excluded = !predicates.isEmpty() && c < scanned.zoneMaps.size()
                            && scanned.zoneMaps.get(c) != null
                            && !ZoneMapFilter.mayMatch(predicates, scanned.zoneMaps.get(c));
                    if (stored != null && stored.covers(c)) {
                        // the stored chunks of one row group are one piece: one morsel, read when it is scanned
                        int end = Math.min(full, stored.endChunk(stored.group(c)));
                        if (!excluded) {
                            int rows = (end - c) * chunkRows;
                            pieces.add(new TableSnapshot.Piece(null, rows, mask(version, change, c, end),
                                    firstRowId(scanned, c), stored.stretch(c, rows, columnTypes, missingValues, predicates)));
                        }
                        c = end;
                        continue;
                    }
                    if (!excluded) {
                        pieces.add(new TableSnapshot.Piece(requested(scanned.chunks.get(c), columns, missing, owned,
                                context), chunkRows, mask(version, change, c), firstRowId(scanned, c)));
                    }
                    c++;
                }
                if (tailRows > 0) {
                    FieldVector[] last = scanned.chunks.get(full);
                    List<FieldVector> tail = new ArrayList<>(columns.length);
                    for (int column : columns) {
                        if (column != ROW_ID) {
                            FieldVector slice = VectorSlices.slice(last[column], 0, tailRows, context.allocator());
                            owned.add(slice);
                            tail.add(slice);
                        } else {
                            tail.add(null);
                        }
                    }
                    pieces.add(new TableSnapshot.Piece(tail, tailRows, mask(version, change, full),
                            firstRowId(scanned, full)));
                }
            }
            if (change != null) {
                for (int b = 0; b < change.batchCount(); b++) {
                    Batch batch = change.batch(b);
                    if (batch == null) {
                        // a row group a statement of the transaction streamed to its file: read when scanned
                        PendingChange.StoredGroup group = change.storedGroup(b);
                        pieces.add(new TableSnapshot.Piece(null, group.rows(), change.batchMask(b),
                                change.batchFirstRowId(b), new StoredChunks.Stretch(change.storedRows(group),
                                group.group(), 0, group.rows(), columnTypes, missingValues, predicates)));
                        continue;
                    }
                    pieces.add(new TableSnapshot.Piece(requested(batch.columns().toArray(new FieldVector[0]), columns,
                            missing, owned, context),
                            batch.rowCount(), change.batchMask(b), change.batchFirstRowId(b)));
                }
            }
            scanned.openScans++;
            return new TableSnapshot(this, scanned, pieces, owned);
        }
    }

    /**
     * Point lookup: the pieces of {@code version} that hold {@code candidates} (positions, ascending), one per chunk
     * holding any, with every other row of the chunk masked out as if deleted (on top of the snapshot's own mask);
     * the candidates of resident chunks holding few of them are copied into pieces of their own instead
     * ({@link CandidateGathering}).
     */
    private void addCandidatePieces(List<TableSnapshot.Piece> pieces, TableVersion version, PendingChange change,
                                    long[] candidates, int[] columns, FieldVector[] missing, List<FieldVector> owned,
                                    ExecutionContext context) {
        Generation scanned = version.generation();
        int words = (chunkRows + 63) >>> 6;
        int i = 0;
        CandidateGathering gathering = new CandidateGathering(columns, chunkRows, context.allocator(), owned, pieces);
        while (i < candidates.length && candidates[i] < version.positions()) {
            int chunk = (int) (candidates[i] / chunkRows);
            int rows = (int) Math.min(chunkRows, version.positions() - (long) chunk * chunkRows);
            int end = i;
            while (end < candidates.length && candidates[end] / chunkRows == chunk
                    && candidates[end] < version.positions()) {
                end++;
            }
            FieldVector[] resident = scanned.chunks.get(chunk);
            if ((long) (end - i) * 8 < rows && resident != null && gathering.covers(resident)) {
                // few candidates in this chunk: copy them out rather than read the chunk under a mask
                long[] visible = mask(version, change, chunk);
                for (; i < end; i++) {
                    int row = (int) (candidates[i] % chunkRows);
                    if (visible == null || (visible[row >>> 6] & (1L << row)) == 0) {
                        gathering.add(resident, row, firstRowId(scanned, chunk) + row);
                    }
                }
                continue;
            }
            gathering.flush();
            long[] restricted = new long[words];
            java.util.Arrays.fill(restricted, -1L);
            for (; i < candidates.length && candidates[i] / chunkRows == chunk && candidates[i] < version.positions();
                 i++) {
                int row = (int) (candidates[i] % chunkRows);
                restricted[row >>> 6] &= ~(1L << row);
            }
            long[] visible = mask(version, change, chunk);
            if (visible != null) {
                for (int w = 0; w < words && w < visible.length; w++) {
                    restricted[w] |= visible[w];
                }
            }
            FieldVector[] stored = scanned.chunks.get(chunk);
            List<FieldVector> read;
            if (stored == null) {
                pieces.add(new TableSnapshot.Piece(null, rows, restricted, firstRowId(scanned, chunk),
                        scanned.stored.stretch(chunk, rows, columnTypes, missingValues)));
                continue;
            }
            if (rows == chunkRows) {
                read = requested(stored, columns, missing, owned, context);
            } else {
                read = new ArrayList<>(columns.length);
                for (int column : columns) {
                    if (column == ROW_ID) {
                        read.add(null);
                    } else {
                        FieldVector slice = VectorSlices.slice(stored[column], 0, rows, context.allocator());
                        owned.add(slice);
                        read.add(slice);
                    }
                }
            }
            pieces.add(new TableSnapshot.Piece(read, rows, restricted, firstRowId(scanned, chunk)));
        }
        gathering.flush();
    }

    /**
     * The requested columns of a chunk or batch; a column added after it was written is read from {@code missing}
     * (one constant vector per column for the whole snapshot, kept in {@code owned}).
     */
    private List<FieldVector> requested(FieldVector[] tableColumns, int[] columns, FieldVector[] missing,
                                        List<FieldVector> owned, ExecutionContext context) {
        List<FieldVector> out = new ArrayList<>(columns.length);
        for (int column : columns) {
            if (column == ROW_ID) {
                out.add(null);
            } else if (column < tableColumns.length) {
                out.add(tableColumns[column]);
            } else {
                if (missing[column] == null) {
                    missing[column] = constant(columnTypes.get(column), missingValues.get(column), chunkRows,
                            chunkRows, context.allocator());
                    owned.add(missing[column]);
                }
                out.add(missing[column]);
            }
        }
        return out;
    }

    /** A vector of {@code rows} copies of {@code value}, with room for {@code capacity} rows. */
    private static FieldVector constant(LogicalType type, Object value, int rows, int capacity,
                                        BufferAllocator allocator) {
        FieldVector vector = ValueAccess.allocate(type, "", allocator, capacity);
        for (int row = 0; row < rows; row++) {
            ValueAccess.set(vector, row, value);
        }
        vector.setValueCount(rows);
        return vector;
    }

    /**
     * Adds a column after the others without copying any row: the rows stored so far read {@code value} (a value of
     * {@code type} as {@link ValueAccess#set} takes it, or null) in it, and rows appended later bring their own.
     * Full chunks stay as they are, without a vector for the column (scans fill it in); the last, partly filled
     * chunk gets one now, since appends go on writing into it. A change staged by a transaction with the old
     * width fails at COMMIT with 40001.
     */
    @Override
    public synchronized void addColumn(LogicalType type, Object value) {
        List<LogicalType> types = new ArrayList<>(columnTypes);
        types.add(type);
        List<Object> missing = new ArrayList<>(missingValues);
        missing.add(value);
        List<FieldVector[]> chunks = generation.chunks;
        int lastRows = lastChunkRows;
        if (!chunks.isEmpty() && lastRows < chunkRows && chunks.getLast().length < types.size()) {
            FieldVector[] last = chunks.getLast();
            FieldVector[] widened = java.util.Arrays.copyOf(last, types.size());
            widened[types.size() - 1] = constant(type, value, lastRows, chunkRows, allocator);
            chunks.set(chunks.size() - 1, widened);
        }
        columnTypes = List.copyOf(types);
        missingValues = java.util.Collections.unmodifiableList(missing);
    }

    /**
     * Takes back the columns {@link #addColumn} added after the first {@code width} (ROLLBACK of the ALTER TABLE that
     * added them; the caller made sure no change was committed since). The vectors the last chunk gained are freed
     * once no scan reads the generation.
     */
    @Override
    public synchronized void removeAddedColumns(int width) {
        if (width >= columnTypes.size()) {
            return;
        }
        List<FieldVector[]> chunks = generation.chunks;
        for (int c = 0; c < chunks.size(); c++) {
            FieldVector[] chunk = chunks.get(c);
            if (chunk != null && chunk.length > width) {
                generation.retiredChunks.add(java.util.Arrays.copyOfRange(chunk, width, chunk.length));
                chunks.set(c, java.util.Arrays.copyOf(chunk, width));
            }
        }
        columnTypes = List.copyOf(columnTypes.subList(0, width));
        missingValues = java.util.Collections.unmodifiableList(new ArrayList<>(missingValues.subList(0, width)));
    }

    /**
     * Refusing changes also waits for the commits applied here but not yet visible (waiting for the log's sync), so
     * that a copy of the table made next (ALTER TABLE) reads every commit that was accepted.
     */
    @Override
    public synchronized void refuseChanges(boolean refuse) {
        changesRefused = refuse;
        boolean interrupted = false;
        while (refuse && !unpublished.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @throws BasaltException 40001 while ALTER TABLE replaces this store, or when the batches are narrower than
     *                         the table (the writer planned before ALTER TABLE added a column)
     */
    private synchronized void checkChangesAccepted(List<Batch> batches) {
        if (changesRefused || !widthMatches(batches) || reservedForAnother()) {
            throw refused();
        }
    }

    /** Whether the store is reserved for a transaction other than the one the current statement runs in. */
    private boolean reservedForAnother() {
        TableTransaction current = TableTransaction.current();
        return reservedFor != null && current != null && current != reservedFor;
    }

    @Override
    public synchronized void reserveFor(TableTransaction transaction) {
        reservedFor = transaction;
    }

    /**
     * {@code appends} with the columns added since they were staged: the transaction's own ALTER TABLE ... ADD
     * COLUMN after its INSERT (another transaction's ALTER waits for its table lock until this one ends) gives its
     * earlier rows the column's value for existing rows, as the table's stored rows get it. The new vectors go to
     * {@code copies}, which the caller frees.
     */
    private List<Batch> widenedToTable(List<Batch> appends, List<Batch> copies) {
        if (widthMatches(appends)) {
            return appends;
        }
        List<Batch> widened = new ArrayList<>(appends.size());
        for (Batch batch : appends) {
            if (batch.columnCount() >= columnTypes.size()) {
                widened.add(batch);
                continue;
            }
            List<FieldVector> added = new ArrayList<>();
            for (int column = batch.columnCount(); column < columnTypes.size(); column++) {
                added.add(constant(columnTypes.get(column), missingValues.get(column), batch.rowCount(),
                        Math.max(1, batch.rowCount()), allocator));
            }
            copies.add(new Batch(added, batch.rowCount()));
            List<FieldVector> columns = new ArrayList<>(batch.columns());
            columns.addAll(added);
            widened.add(new Batch(columns, batch.rowCount()));
        }
        return widened;
    }

    private boolean widthMatches(List<Batch> batches) {
        for (Batch batch : batches) {
            if (batch.columnCount() < columnTypes.size()) {
                return false;
            }
        }
        return true;
    }

    private BasaltException refused() {
        return BasaltException.of(SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update")
                .withDetail("Table \"" + name + "\" was altered while the statement ran.");
    }

    /** Chunk {@code chunk}'s deletion mask in {@code version}, with the rows {@code change} deleted added. */
    private static long[] mask(TableVersion version, PendingChange change, int chunk) {
        long[] base = chunk < version.masks().length ? version.masks()[chunk] : null;
        long[] own = change == null ? null : change.deletedMask(version.generation().number, chunk);
        if (own == null) {
            return base;
        }
        if (base == null) {
            return own;
        }
        long[] merged = base.clone();
        for (int i = 0; i < merged.length; i++) {
            merged[i] |= own[i];
        }
        return merged;
    }

    /**
     * The deletion mask of chunks {@code [first, end)} of {@code version} as one piece, as {@link #mask} gives each;
     * null when no row of them is deleted.
     */
    private long[] mask(TableVersion version, PendingChange change, int first, int end) {
        long[] merged = null;
        for (int c = first; c < end; c++) {
            long[] chunkMask = mask(version, change, c);
            if (chunkMask == null) {
                continue;
            }
            if (merged == null) {
                merged = new long[(int) (((long) (end - first) * chunkRows + 63) >>> 6)];
            }
            long base = (long) (c - first) * chunkRows;
            for (int word = 0; word < chunkMask.length; word++) {
                long bits = chunkMask[word];
                while (bits != 0) {
                    long at = base + (word << 6) + Long.numberOfTrailingZeros(bits);
                    merged[(int) (at >>> 6)] |= 1L << at;
                    bits &= bits - 1;
                }
            }
        }
        return merged;
    }

    private long firstRowId(Generation scanned, int chunk) {
        return (scanned.number << POSITION_BITS) + (long) chunk * chunkRows;
    }

    @Override
    public synchronized long insertingTransaction(long rowId) {
        if ((rowId & PendingChange.PENDING_ROW) != 0) {
            return RUNNING_TRANSACTION;
        }
        if (rowId >>> POSITION_BITS != generation.number) {
            return FROZEN_TRANSACTION;
        }
        return generation.inserters.at(rowId & ((1L << POSITION_BITS) - 1));
    }

    @Override
    public String tupleId(long rowId) {
        return tupleId(rowId, TableTransaction.current());
    }

    /**
     * A committed row's place; a pending row of {@code transaction}'s is shown at the place its reservation says it
     * takes at COMMIT (see {@link #reserve}); a pending row of no known transaction is numbered from block 2147483648.
     */
    @Override
    public String tupleId(long rowId, TableTransaction transaction) {
        if ((rowId & PendingChange.PENDING_ROW) == 0) {
            return place(rowId & ((1L << POSITION_BITS) - 1));
        }
        synchronized (this) {
            PendingChange change = transaction == null ? null : transaction.change(this);
            if (change != null && change.truncated()) {
                // a truncating change starts a new generation with its live rows only
                return place(change.liveRowsBefore(rowId));
            }
            if (transaction != null) {
                // without a reservation yet (a data-modifying WITH appends only at the statement's end), the one the
                // transaction's first append would take now
                Long first = change == null ? null : reservations.get(change);
                long base = first != null ? first : Math.max(nextPosition(), reservedEnd);
                return place(base + (rowId & ~PendingChange.PENDING_ROW));
            }
        }
        long position = rowId & ~PendingChange.PENDING_ROW;
        return "(" + (position / chunkRows + (1L << 31)) + "," + (position % chunkRows + 1) + ")";
    }

    private String place(long position) {
        return "(" + position / chunkRows + "," + (position % chunkRows + 1) + ")";
    }

    /**
     * Called each time {@code change} appended rows: on its first append it reserves the places its rows take at
     * COMMIT, from the end of the table or of the places reserved by other open transactions, whichever is later.
     * COMMIT copies every row a transaction appended in at the end of the table (those it deleted again as dead
     * rows, as PostgreSQL's dead tuples), so the reserved place is exact when the transactions that reserved before
     * it committed first (or reserved nothing: a lone writer always lands there); see STATUS.md, system columns.
     * Store lock held.
     */
    synchronized void reserve(PendingChange change) {
        Long first = reservations.get(change);
        if (first == null) {
            first = Math.max(nextPosition(), reservedEnd);
            reservations.put(change, first);
        }
        reservedEnd = Math.max(reservedEnd, first + change.pendingRowCount());
    }

    /** {@code change} committed or rolled back: its reserved places are free again (see {@link #reserve}). */
    synchronized void releaseReservation(PendingChange change) {
        if (reservations.remove(change) == null) {
            return;
        }
        reservedEnd = 0;
        for (java.util.Map.Entry<PendingChange, Long> open : reservations.entrySet()) {
            reservedEnd = Math.max(reservedEnd, open.getValue() + open.getKey().pendingRowCount());
        }
    }

    /**
     * The id the next row the running statement appends here takes: within a transaction the next pending row id of
     * its change, without one the next position of the table.
     */
    @Override
    public long nextAppendedRowId() {
        TableTransaction transaction = TableTransaction.current();
        synchronized (this) {
            if (transaction == null) {
                return (generation.number << POSITION_BITS) | nextPosition();
            }
            PendingChange change = transaction.change(this);
            return PendingChange.PENDING_ROW | (change == null ? 0 : change.pendingRowCount());
        }
    }

    /**
     * The committed state (the newest published version) for a checkpoint; see {@link TableImage}. The last chunk
     * and the columns added after a chunk was written are copied into {@code allocator}.
     */
    public synchronized TableImage image(BufferAllocator allocator) {
        TableVersion version = current;
        Generation scanned = version.generation();
        List<FieldVector> owned = new ArrayList<>();
        List<FieldVector[]> chunks = new ArrayList<>();
        List<long[]> masks = new ArrayList<>();
        int chunkCount = (int) ((version.positions() + chunkRows - 1) / chunkRows);
        try {
            for (int c = 0; c < chunkCount; c++) {
                FieldVector[] stored = scanned.chunks.get(c);
                int rows = (int) Math.min(chunkRows, version.positions() - (long) c * chunkRows);
                boolean last = rows < chunkRows;
                FieldVector[] chunk = new FieldVector[columnTypes.size()];
                int width = stored == null ? scanned.stored.columnCount(c) : stored.length;
                for (int column = 0; column < chunk.length; column++) {
                    if (stored == null && column < width) {
                        continue; // read from the data file when the checkpoint writes it (TableImage#column)
                    }
                    if (column >= width) {
                        chunk[column] = constant(columnTypes.get(column), missingValues.get(column), rows, rows,
                                allocator);
                        owned.add(chunk[column]);
                    } else if (last) {
                        chunk[column] = VectorSlices.slice(stored[column], 0, rows, allocator);
                        owned.add(chunk[column]);
                    } else {
                        chunk[column] = stored[column];
                    }
                }
                chunks.add(chunk);
                masks.add(c < version.masks().length ? version.masks()[c] : null);
            }
        } catch (RuntimeException | Error failure) {
            for (FieldVector vector : owned) {
                vector.close();
            }
            throw failure;
        }
        scanned.openScans++;
        return new TableImage(this, version, columnTypes, scanned.number, version.positions(), chunkRows, chunks,
                masks, owned, scanned, scanned.stored);
    }

    /**
     * Recovery from a checkpoint, before the write-ahead log's tail replays: replaces the (empty) table by the
     * checkpointed generation {@code generationNumber}, whose positions are {@code chunks} in order (all but the last
     * holding {@code chunkRows} rows, {@code positions} in all, vectors allocated from this store's allocator and owned by it from now on),
     * with {@code masks} per chunk (null: none deleted) and {@code zoneMaps} per full chunk (null: none; scans given
     * predicates skip the chunks they exclude). Unique keys are rebuilt from the live rows. Runs without a
     * transaction.
     */
    public synchronized void restore(long generationNumber, long positions, List<FieldVector[]> chunks,
                                     List<long[]> masks, List<io.basalt.storage.column.ChunkStatistics[]> zoneMaps) {
        Generation old = generation;
        old.retired = true;
        generation = new Generation(generationNumber);
        generation.zoneMaps = new ArrayList<>(zoneMaps);
        lastChunkRows = 0;
        rowCount = 0;
        for (int c = 0; c < chunks.size(); c++) {
            FieldVector[] chunk = chunks.get(c);
            long[] mask = masks.get(c);
            int rows = (int) Math.min(chunkRows, positions - (long) c * chunkRows);
            generation.chunks.add(chunk);
            generation.masks.add(mask);
            lastChunkRows = rows;
            rowCount += rows;
            if (mask != null) {
                for (long word : mask) {
                    rowCount -= Long.bitCount(word);
                }
            }
        }
        for (UniqueKeyIndex key : uniqueKeys) {
            key.clear();
            for (int c = 0; c < chunks.size(); c++) {
                FieldVector[] chunk = chunks.get(c);
                key.addRows(new Batch(List.of(chunk), (int) Math.min(chunkRows, positions - (long) c * chunkRows)),
                        masks.get(c));
            }
            startKeyPositions(key);
        }
        startInvertedIndexes();
        publishInPlace();
        freeIfUnused(old);
    }

    /**
     * Recovery from a checkpoint, as {@link #restore}, without reading the rows: the full chunks stay in the data
     * file ({@code groups}, owned by this store from now on) and are read when scans and changes need them; only
     * {@code tail} (the last, partly filled chunk, rows past the last full chunk, vectors of this store's allocator
     * with room for a whole chunk; null when the rows fill whole chunks) is in memory. {@code masks} per chunk as
     * for {@link #restore}. Unique keys are rebuilt by reading their columns. Returns false, changing nothing, when
     * the row groups do not line up with this store's chunks (the file was written with another vector size): the
     * caller then restores the rows into memory.
     */
    public synchronized boolean restoreStored(long generationNumber, StoredRowGroups groups, FieldVector[] tail,
                                              List<long[]> masks) {
        StoredChunks stored = StoredChunks.of(groups, chunkRows);
        if (stored == null) {
            return false;
        }
        Generation old = generation;
        old.retired = true;
        generation = new Generation(generationNumber);
        generation.stored = stored;
        List<io.basalt.storage.column.ChunkStatistics[]> zoneMaps = new ArrayList<>(stored.count);
        io.basalt.storage.column.ChunkStatistics[] groupMap = null;
        int mapped = -1;
        for (int c = 0; c < stored.count; c++) {
            int group = stored.group(c);
            if (group != mapped) {
                groupMap = new io.basalt.storage.column.ChunkStatistics[groups.columnCount()];
                for (int column = 0; column < groupMap.length; column++) {
                    groupMap[column] = groups.statistics(group, column);
                }
                mapped = group;
            }
            zoneMaps.add(groupMap);
            generation.chunks.add(null);
        }
        generation.zoneMaps = zoneMaps;
        lastChunkRows = stored.count == 0 ? 0 : chunkRows;
        if (tail != null) {
            generation.chunks.add(tail);
            lastChunkRows = tail[0].getValueCount();
        }
        rowCount = (long) stored.count * chunkRows + (tail == null ? 0 : lastChunkRows);
        for (int c = 0; c < generation.chunks.size(); c++) {
            long[] mask = c < masks.size() ? masks.get(c) : null;
            generation.masks.add(mask);
            if (mask != null) {
                for (long word : mask) {
                    rowCount -= Long.bitCount(word);
                }
            }
        }
        int[] keyColumns = keyColumns();
        List<FieldVector> read = new ArrayList<>();
        for (UniqueKeyIndex key : uniqueKeys) {
            key.clear();
            for (int c = 0; c < generation.chunks.size(); c++) {
                try {
                    FieldVector[] chunk = chunkVectors(generation, c, keyColumns, read);
                    key.addRows(java.util.Arrays.asList(chunk), rowsOf(c), generation.masks.get(c));
                } finally {
                    closeAll(read);
                }
            }
            startKeyPositions(key);
        }
        startInvertedIndexes();
        publishInPlace();
        freeIfUnused(old);
        return true;
    }

    /**
     * A checkpoint wrote positions {@code [0, n)} of generation {@code generationNumber} to the data file
     * {@code groups} reads: the full chunks among them are read from the file from now on, and their vectors (and
     * the file the generation read before, if any) are freed once no scan or image of the generation is open. Returns
     * false, changing nothing, when the generation is gone (TRUNCATE, DROP, ALTER) or the groups do not line up with
     * the chunks; the caller then releases {@code groups}.
     */
    public synchronized boolean adoptStored(long generationNumber, StoredRowGroups groups) {
        if (closed || generation.number != generationNumber) {
            return false;
        }
        StoredChunks written = StoredChunks.of(groups, chunkRows);
        if (written == null || written.count > generation.chunks.size()
                || (written.count == generation.chunks.size() && lastChunkRows < chunkRows)) {
            return false;
        }
        // files large inserts wrote after the checkpoint's cut stay; those before it are in the new file
        long covered = groups.groupCount() == 0 ? 0
                : groups.firstPosition(groups.groupCount() - 1) + groups.rowCount(groups.groupCount() - 1);
        List<StoredRowGroups> kept = new ArrayList<>();
        List<StoredRowGroups> replaced = new ArrayList<>();
        if (generation.stored != null) {
            for (StoredRowGroups part : StackedRowGroups.partsOf(generation.stored.groups)) {
                int last = part.groupCount() - 1;
                if (last >= 0 && part.firstPosition(0) >= covered) {
                    kept.add(part);
                } else if (last >= 0 && part.firstPosition(last) + part.rowCount(last) > covered) {
                    return false; // a file the checkpoint saw only part of: commits are whole at its cut
                } else {
                    replaced.add(part);
                }
            }
        }
        List<StoredRowGroups> parts = new ArrayList<>();
        parts.add(groups);
        parts.addAll(kept);
        StoredChunks stored = StoredChunks.of(StackedRowGroups.of(parts), chunkRows);
        if (stored == null) {
            return false;
        }
        List<io.basalt.storage.column.ChunkStatistics[]> zoneMaps = new ArrayList<>(generation.zoneMaps);
        io.basalt.storage.column.ChunkStatistics[] groupMap = null;
        int mapped = -1;
        for (int c = 0; c < written.count; c++) {
            FieldVector[] resident = generation.chunks.get(c);
            if (resident != null) {
                generation.retiredChunks.add(resident);
                generation.chunks.set(c, null);
            }
            int group = written.group(c);
            if (group != mapped) {
                groupMap = new io.basalt.storage.column.ChunkStatistics[groups.columnCount()];
                for (int column = 0; column < groupMap.length; column++) {
                    groupMap[column] = groups.statistics(group, column);
                }
                mapped = group;
            }
            while (zoneMaps.size() <= c) {
                zoneMaps.add(null);
            }
            zoneMaps.set(c, groupMap);
        }
        generation.zoneMaps = zoneMaps;
        generation.retiredStored.addAll(replaced);
        generation.stored = stored;
        if (generation.openScans == 0) {
            generation.freeRetired();
        }
        return true;
    }

    /** Rows per chunk. */
    public int chunkRows() {
        return chunkRows;
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<Generation> generations = new ArrayList<>();
        for (TableVersion version : history) {
            generations.add(version.generation());
        }
        for (TableVersion version : unpublished) {
            if (!generations.contains(version.generation())) {
                generations.add(version.generation());
            }
        }
        if (!generations.contains(generation)) {
            generations.add(generation);
        }
        history.clear();
        unpublished.clear();
        for (Generation old : generations) {
            old.retired = true;
            if (old.openScans == 0) {
                old.free();
            }
        }
        rowCount = 0;
    }
}
