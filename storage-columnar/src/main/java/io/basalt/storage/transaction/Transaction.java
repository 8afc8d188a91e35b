package io.basalt.storage.transaction;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.storage.table.DeferredChecks;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.table.PendingChange;
import io.basalt.storage.table.PreparedChange;
import io.basalt.storage.table.TableTransaction;
import io.basalt.storage.wal.WalRecord;
import io.basalt.storage.wal.WriteAheadLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One transaction: its snapshot, its pending change per table, its savepoints, and COMMIT and ROLLBACK. An
 * autocommit statement is a transaction of one statement.
 *
 * <p>Snapshots: {@link #beginStatement} takes a new one for every statement at READ COMMITTED, and one for the whole
 * transaction (at its first statement) at REPEATABLE READ and SERIALIZABLE.
 *
 * <p>COMMIT ({@link #commit}) locks the changed tables in the order of their ids (so two commits never wait for each
 * other in a cycle), validates each change against the newest committed state (first committer wins: a row this
 * transaction deletes that another deleted or updated since fails with 40001; unique keys again), runs the
 * serializable check, writes every change to the log as one record (so replay applies all of the transaction or
 * none of it, and the commit returns only once it is durable), applies the rows, and publishes them all at once
 * ({@link TransactionCoordinator#publish}). The tables stay locked from validation until the records are handed to
 * the log and the rows applied (invisibly); the wait for durability and the publication happen after they are
 * unlocked, so the next commit of the same tables appends its record while this one waits for the sync (group
 * commit), and commits become visible in the order of their log records.
 *
 * <p>Savepoints are marks in every pending change (and in the list of actions that undo the transaction's DDL);
 * ROLLBACK TO cuts back to them.
 *
 * <p>Row locks ({@link io.basalt.storage.lock}): the transaction is the owner of the rows its pending changes
 * delete and of the rows it locks with SELECT ... FOR UPDATE / SHARE; it keeps them until it ends, and then signals
 * its end to the transactions waiting for it ({@link #awaitEnd}).
 *
 * <p>Not thread-safe: one session drives it; stores call it from that session's thread. {@link #ended} and
 * {@link #awaitEnd} may be called from any thread.
 */
public final class Transaction implements TableTransaction {
    /** A savepoint: the marks of the changes, of the undo actions, and READ ONLY as it was (ending it restores it). */
    private record Savepoint(String name, Map<PendingChange, Integer> marks, int undoActions, int commitActions,
                             boolean readOnly, int commitRecords) {
    }

    /** Records a statement of the transaction left for COMMIT to write, in {@code log}, before its changes. */
    private record CommitRecords(WriteAheadLog log, java.util.function.Supplier<List<WalRecord>> records) {
    }

    private final TransactionCoordinator coordinator;
    private IsolationLevel level;
    private boolean readOnly;
    private boolean snapshotHeld;
    private long snapshot;
    private boolean statementRun;
    private boolean serializableCounted;
    private volatile boolean ended;
    private final Map<InMemoryTableStore, PendingChange> changes = new IdentityHashMap<>();
    private final Set<Long> readTables = new HashSet<>();
    private final List<Savepoint> savepoints = new ArrayList<>();
    private final List<Runnable> undoActions = new ArrayList<>();
    private final List<Runnable> commitActions = new ArrayList<>();
    private final List<CommitRecords> commitRecords = new ArrayList<>();
    /** What COMMIT holds while it runs when it writes deferred DDL (the database's DDL lock), or null. */
    private Object commitLock;
    private final DeferredChecks deferredChecks = new DeferredChecks();
    private final long number;
    private int process;
    private long lockTimeoutMillis;
    private final Set<InMemoryTableStore> lockedStores = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final java.util.concurrent.CountDownLatch endSignal = new java.util.concurrent.CountDownLatch(1);

    Transaction(TransactionCoordinator coordinator, long number, IsolationLevel level, boolean readOnly) {
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
        this.number = number;
        this.level = requireNonNull(level, "level is null");
        this.readOnly = readOnly;
    }

    public IsolationLevel level() {
        return level;
    }

    @Override
    public boolean snapshotPerStatement() {
        return level.snapshotPerStatement();
    }

    @Override
    public long transactionNumber() {
        return number;
    }

    @Override
    public int processNumber() {
        return process;
    }

    /** The number of the session that runs it, for deadlock reports. */
    public void setProcessNumber(int newProcess) {
        this.process = newProcess;
    }

    @Override
    public long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    /** lock_timeout for the statements to come, in milliseconds (0: wait as long as it takes). */
    public void setLockTimeoutMillis(long millis) {
        this.lockTimeoutMillis = millis;
    }

    @Override
    public boolean awaitEnd(long nanos) throws InterruptedException {
        if (nanos < 0) {
            endSignal.await();
            return true;
        }
        return endSignal.await(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Override
    public void holdsLocksIn(InMemoryTableStore store) {
        lockedStores.add(store);
    }

    @Override
    public DeferredChecks deferredChecks() {
        return deferredChecks;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Whether a statement other than transaction control ran in it (after which the isolation level is fixed). */
    public boolean statementRun() {
        return statementRun;
    }

    /** Whether it is inside a savepoint (the isolation level may not change there). */
    public boolean inSavepoint() {
        return !savepoints.isEmpty();
    }

    /** SET TRANSACTION ISOLATION LEVEL; the caller checks that no statement ran yet. */
    public void setLevel(IsolationLevel newLevel) {
        this.level = requireNonNull(newLevel, "newLevel is null");
    }

    /** SET TRANSACTION READ ONLY / READ WRITE. */
    public void setReadOnly(boolean newReadOnly) {
        this.readOnly = newReadOnly;
    }

    /** A statement starts: takes its snapshot (READ COMMITTED), or the transaction's at its first statement. */
    public void beginStatement() {
        checkActive();
        if (!statementRun && level == IsolationLevel.SERIALIZABLE) {
            coordinator.serializableStarted();
            serializableCounted = true;
        }
        statementRun = true;
        if (snapshotHeld && level.snapshotPerStatement()) {
            coordinator.releaseSnapshot(snapshot);
            snapshotHeld = false;
        }
        if (!snapshotHeld) {
            snapshot = coordinator.takeSnapshot();
            snapshotHeld = true;
        }
    }

    @Override
    public long snapshot() {
        if (!snapshotHeld) {
            beginStatement();
        }
        return snapshot;
    }

    @Override
    public PendingChange change(InMemoryTableStore store) {
        return changes.get(store);
    }

    @Override
    public PendingChange changeForWrite(InMemoryTableStore store) {
        checkActive();
        if (readOnly && !store.temporary()) {
            throw BasaltException.of(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot change table \"" + store.name() + "\" in a read-only transaction");
        }
        PendingChange change = changes.get(store);
        if (change == null) {
            change = store.newChange(this);
            changes.put(store, change);
        }
        return change;
    }

    @Override
    public void read(InMemoryTableStore store) {
        if (level == IsolationLevel.SERIALIZABLE) {
            readTables.add(store.id());
        }
    }

    /** Whether it changed any table. */
    public boolean hasChanges() {
        for (PendingChange change : changes.values()) {
            if (!change.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code undo} if the transaction rolls back (wholly, or to a savepoint taken before now). */
    public void onRollback(Runnable undo) {
        undoActions.add(requireNonNull(undo, "undo is null"));
    }

    /**
     * Runs {@code action} once the transaction has committed (DDL deferred to COMMIT: a DROP is logged and its
     * storage freed then), unless it rolls back to a savepoint taken before now. Actions run in the order given.
     */
    public void onCommit(Runnable action) {
        commitActions.add(requireNonNull(action, "action is null"));
    }

    /**
     * Makes COMMIT write {@code records} (asked for when the commit is handed to the log, in the order given) to
     * {@code log} in the same log record as the transaction's changes and before them, unless the transaction rolls
     * back to a savepoint taken before now: DDL deferred to COMMIT (ALTER TABLE) is then replayed all or not at all
     * with the rows written under it. COMMIT then runs holding {@code lock} (the DDL lock, under which checkpoints
     * read the log's position and the DDL history), taken before any table's lock.
     */
    public void logAtCommit(WriteAheadLog log, java.util.function.Supplier<List<WalRecord>> records, Object lock) {
        commitLock = requireNonNull(lock, "lock is null");
        commitRecords.add(new CommitRecords(requireNonNull(log, "log is null"),
                requireNonNull(records, "records is null")));
    }

    // ---- savepoints -----------------------------------------------------------------------------------------

    /** SAVEPOINT {@code name}; a name may be used again, the newest one wins. */
    public void savepoint(String name) {
        checkActive();
        Map<PendingChange, Integer> marks = new HashMap<>();
        for (PendingChange change : changes.values()) {
            marks.put(change, change.mark());
        }
        savepoints.add(new Savepoint(name, marks, undoActions.size(), commitActions.size(), readOnly,
                commitRecords.size()));
    }

    /** Whether a savepoint of that name exists. */
    public boolean hasSavepoint(String name) {
        return find(name) >= 0;
    }

    /**
     * ROLLBACK TO SAVEPOINT {@code name}: undoes what happened since; the savepoint stays, those after it go.
     *
     * @throws BasaltException 3B001 when there is no such savepoint
     */
    public void rollbackTo(String name) {
        int index = requireSavepoint(name);
        Savepoint savepoint = savepoints.get(index);
        while (savepoints.size() > index + 1) {
            savepoints.removeLast();
        }
        for (PendingChange change : changes.values()) {
            InMemoryTableStore store = change.store();
            synchronized (store) {
                change.rollbackTo(savepoint.marks().getOrDefault(change, 0));
            }
        }
        undoSince(savepoint.undoActions());
        while (commitActions.size() > savepoint.commitActions()) {
            commitActions.removeLast();
        }
        while (commitRecords.size() > savepoint.commitRecords()) {
            commitRecords.removeLast();
        }
        readOnly = savepoint.readOnly();
    }

    /**
     * RELEASE SAVEPOINT {@code name}: forgets it and every savepoint after it, keeping what they did (but READ ONLY
     * returns to what it was at the savepoint, as PostgreSQL's subtransaction-local setting does).
     *
     * @throws BasaltException 3B001 when there is no such savepoint
     */
    public void release(String name) {
        int index = requireSavepoint(name);
        readOnly = savepoints.get(index).readOnly();
        while (savepoints.size() > index) {
            savepoints.removeLast();
        }
    }

    private int requireSavepoint(String name) {
        int index = find(name);
        if (index < 0) {
            throw BasaltException.of(SqlState.INVALID_SAVEPOINT_SPECIFICATION,
                    "savepoint \"" + name + "\" does not exist");
        }
        return index;
    }

    private int find(String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // ---- end ------------------------------------------------------------------------------------------------

    /** ROLLBACK: drops every pending change and undoes the transaction's DDL. Safe to call more than once. */
    public void rollback() {
        if (ended) {
            return;
        }
        try {
            for (PendingChange change : changes.values()) {
                synchronized (change.store()) {
                    change.close();
                }
            }
            changes.clear();
            commitActions.clear();
            commitRecords.clear();
            undoSince(0);
        } finally {
            end();
        }
    }

    /**
     * COMMIT: makes every pending change durable and visible at once, or none of them.
     *
     * @throws BasaltException 40001 when another transaction committed a conflicting change first, 23505 when it
     *     committed a row with a key this one adds, an I/O error from the log; the transaction is rolled back then
     */
    public void commit() {
        Object lock = commitLock;
        if (lock == null) {
            commitNow();
            return;
        }
        synchronized (lock) {
            commitNow();
        }
    }

    private void commitNow() {
        checkActive();
        try {
            deferredChecks.checkAll(this);
            List<PendingChange> changed = new ArrayList<>();
            for (PendingChange change : changes.values()) {
                if (!change.isEmpty()) {
                    changed.add(change);
                }
            }
            if (!changed.isEmpty()) {
                changed.sort(Comparator.comparingLong(change -> change.store().id()));
                for (PendingChange change : changed) {
                    change.store().writeRowGroups(change); // large inserts' rows to data files, unlocked
                }
                Committing committing;
                coordinator.enterCommit();
                try {
                    committing = lockAndPrepare(changed, 0);
                } finally {
                    coordinator.leaveCommit();
                }
                committing.finish(coordinator);
            } else if (!commitRecords.isEmpty()) {
                for (CompletableFuture<Long> record : log(List.of())) {
                    WriteAheadLog.awaitDurable(record);
                }
            }
            commitRecords.clear();
            for (PendingChange change : changes.values()) {
                synchronized (change.store()) {
                    change.close();
                }
            }
            changes.clear();
            undoActions.clear();
        } catch (RuntimeException | Error failure) {
            rollback();
            throw failure;
        } finally {
            end();
        }
        runCommitActions();
    }

    /** The actions deferred to COMMIT, after it succeeded; the first failure is thrown once all have run. */
    private void runCommitActions() {
        RuntimeException first = null;
        for (Runnable action : commitActions) {
            try {
                action.run();
            } catch (RuntimeException failure) {
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        commitActions.clear();
        if (first != null) {
            throw first;
        }
    }

    /**
     * A commit that is logged (its records handed to the log writer) and applied to its stores, but neither known
     * to be durable nor visible yet.
     */
    private record Committing(long commit, TransactionCoordinator.WriteRecord record, List<PreparedChange> prepared,
                              List<CompletableFuture<Long>> durable) {
        /**
         * Waits for the records to be durable, without any store locked (so later commits of the same tables append
         * their records meanwhile and share the sync), then makes the commit visible in commit order.
         */
        void finish(TransactionCoordinator coordinator) {
            try {
                for (CompletableFuture<Long> record : durable) {
                    WriteAheadLog.awaitDurable(record);
                }
            } catch (RuntimeException | Error failure) {
                coordinator.publishFailed(commit, record, prepared);
                throw failure;
            }
            coordinator.publish(commit, record, prepared);
        }
    }

    /**
     * Locks {@code changed}'s stores from {@code from} on, in order, and with all of them held validates the changes,
     * takes the next commit number while handing the records to the log (so the log's order is the commit order),
     * and applies the changes to the stores, invisible until published.
     */
    private Committing lockAndPrepare(List<PendingChange> changed, int from) {
        if (from < changed.size()) {
            synchronized (changed.get(from).store()) {
                return lockAndPrepare(changed, from + 1);
            }
        }
        List<PreparedChange> prepared = new ArrayList<>(changed.size());
        TransactionCoordinator.WriteRecord record = null;
        boolean registered = false;
        long commit;
        List<CompletableFuture<Long>> durable = new ArrayList<>(1);
        try {
            Set<Long> written = new HashSet<>();
            for (PendingChange change : changed) {
                prepared.add(change.store().validate(change));
                written.add(change.store().id());
            }
            record = coordinator.register(written, level == IsolationLevel.SERIALIZABLE ? readTables : null,
                    snapshotHeld ? snapshot : coordinator.lastCommit());
            registered = true;
            commit = coordinator.reserve(() -> durable.addAll(log(prepared)));
        } catch (RuntimeException | Error failure) {
            if (registered) {
                coordinator.withdraw(record);
            }
            for (PreparedChange change : prepared) {
                change.abort();
            }
            throw failure;
        }
        // Handed to the log: from here on the commit must become visible once durable.
        for (PreparedChange change : prepared) {
            change.change().store().apply(change, commit);
        }
        return new Committing(commit, record, prepared, durable);
    }

    /**
     * Hands every change to its log, one log record per log (every logged table of a database shares one), and
     * returns the futures of their durability.
     */
    private List<CompletableFuture<Long>> log(List<PreparedChange> prepared) {
        Map<WriteAheadLog, List<WalRecord>> byLog = new LinkedHashMap<>();
        for (CommitRecords deferred : commitRecords) {
            byLog.computeIfAbsent(deferred.log(), ignored -> new ArrayList<>()).addAll(deferred.records().get());
        }
        for (PreparedChange change : prepared) {
            WriteAheadLog log = change.change().log();
            List<WalRecord> records = change.walRecords();
            if (log != null && !records.isEmpty()) {
                byLog.computeIfAbsent(log, ignored -> new ArrayList<>()).addAll(records);
            }
        }
        List<CompletableFuture<Long>> durable = new ArrayList<>(byLog.size());
        for (Map.Entry<WriteAheadLog, List<WalRecord>> entry : byLog.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                durable.add(entry.getKey().submit(entry.getValue()));
            }
        }
        return durable;
    }

    private void undoSince(int mark) {
        while (undoActions.size() > mark) {
            undoActions.removeLast().run();
        }
    }

    /** Ends it: releases its snapshot and its explicit row locks, then wakes the transactions waiting for it. */
    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        for (InMemoryTableStore store : lockedStores) {
            store.releaseLocks(this);
        }
        lockedStores.clear();
        endSignal.countDown();
        if (snapshotHeld) {
            coordinator.releaseSnapshot(snapshot);
            snapshotHeld = false;
        }
        if (serializableCounted) {
            coordinator.serializableEnded();
            serializableCounted = false;
        }
    }

    /** Whether COMMIT or ROLLBACK ended it. */
    @Override
    public boolean ended() {
        return ended;
    }

    private void checkActive() {
        if (ended) {
            throw new IllegalStateException("the transaction has ended");
        }
    }
}
