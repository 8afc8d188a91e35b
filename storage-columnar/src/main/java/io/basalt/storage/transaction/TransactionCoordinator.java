package io.basalt.storage.transaction;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.table.PreparedChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The order of commits in one database, and what serializable transactions check at commit.
 *
 * <p>Commit sequence numbers: every commit that changes a table takes the next number when it hands its records to
 * the log ({@link #reserve}) and becomes visible in that order once durable ({@link #publish}); a snapshot is the
 * number of the newest visible commit ({@link #takeSnapshot}). Publishing
 * installs the new version of every table the commit changed under this object's lock, so a snapshot sees a commit
 * in all its tables or in none. The snapshots in use are counted, so that stores can drop the versions nobody reads
 * any more ({@link #oldestSnapshot}).
 *
 * <p>SERIALIZABLE (coarse, per table): while a serializable transaction is active, every commit that writes is
 * recorded with the tables it wrote. A serializable transaction that writes may commit only if no transaction
 * that committed after its snapshot (or is committing now) wrote a table it read: the optimistic, backward
 * validation of Kung and Robinson. It forbids write skew and every other anomaly, and also aborts some
 * transactions PostgreSQL's row- and predicate-level SSI would let through (two serializable transactions
 * updating different rows of one table: the later committer gets 40001). A serializable transaction that only
 * read never fails: it is ordered at its snapshot.
 *
 * <p>Thread-safe; the lock is held only for bookkeeping and for installing versions (no I/O, no row copying).
 */
public final class TransactionCoordinator {
    /** A commit that wrote {@code tables} (store ids); {@code commit} stays MAX_VALUE until it is visible. */
    static final class WriteRecord {
        final Set<Long> tables;
        long commit = Long.MAX_VALUE;

        WriteRecord(Set<Long> tables) {
            this.tables = tables;
        }
    }

    private long lastCommit;
    /** Guards {@link #reserved}: the number of the last commit handed to the log (held only while handing over). */
    private final Object order = new Object();
    private long reserved;
    private final TreeMap<Long, Integer> snapshots = new TreeMap<>();
    private int serializableActive;
    private final List<WriteRecord> writes = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong transactionNumbers = new java.util.concurrent.atomic.AtomicLong();
    /** Durable commits whose turn has not come, by number, left for the publisher of the commit before each. */
    private final HashMap<Long, Publication> waiting = new HashMap<>();
    /** Threads in {@link #awaitInFlightCommits}, which publishing wakes (none: no notifyAll). */
    private int inFlightWaiters;
    /**
     * Held shared by every commit from locking its tables until its rows are applied (its record handed to the log),
     * and exclusively by {@link #withCommitsSettled}, which thus sees no commit between its log record and its
     * publication.
     */
    private final ReentrantReadWriteLock commitGate = new ReentrantReadWriteLock();

    /** Starts a transaction (its snapshot is taken by its first statement). */
    public Transaction begin(IsolationLevel level, boolean readOnly) {
        return new Transaction(this, transactionNumbers.incrementAndGet(), level, readOnly);
    }

    /** The newest visible commit, counted as in use until {@link #releaseSnapshot}. */
    synchronized long takeSnapshot() {
        snapshots.merge(lastCommit, 1, Integer::sum);
        return lastCommit;
    }

    synchronized void releaseSnapshot(long snapshot) {
        Integer count = snapshots.get(snapshot);
        if (count == null) {
            throw new IllegalStateException("snapshot " + snapshot + " is not in use");
        }
        if (count == 1) {
            snapshots.remove(snapshot);
        } else {
            snapshots.put(snapshot, count - 1);
        }
        forgetOldWrites();
    }

    /** The oldest snapshot in use, or the newest commit when none is. */
    synchronized long oldestSnapshot() {
        return snapshots.isEmpty() ? lastCommit : snapshots.firstKey();
    }

    /** The number of the newest visible commit. */
    public synchronized long lastCommit() {
        return lastCommit;
    }

    synchronized void serializableStarted() {
        serializableActive++;
    }

    synchronized void serializableEnded() {
        serializableActive--;
        forgetOldWrites();
    }

    /**
     * Called by a committing transaction that writes {@code written} (store ids), after its tables validated and
     * before it is logged. A serializable one ({@code readTables} non-null) first checks that nothing committed
     * after {@code snapshot}, or committing now, wrote a table it read. Returns the record to {@link #publish}
     * (null when no serializable transaction is active, so none needs it).
     *
     * @throws BasaltException 40001 when the serializable check fails
     */
    synchronized WriteRecord register(Set<Long> written, Set<Long> readTables, long snapshot) {
        if (readTables != null) {
            for (WriteRecord record : writes) {
                if (record.commit > snapshot && intersects(record.tables, readTables)) {
                    throw BasaltException.of(SqlState.SERIALIZATION_FAILURE,
                                    "could not serialize access due to read/write dependencies among transactions")
                            .withDetail("Reason code: Canceled on identification as a pivot, during commit attempt.")
                            .withHint("The transaction might succeed if retried.");
                }
            }
        }
        if (serializableActive == 0) {
            return null;
        }
        WriteRecord record = new WriteRecord(written);
        writes.add(record);
        return record;
    }

    /** A registered commit failed before it became visible. */
    synchronized void withdraw(WriteRecord record) {
        if (record != null) {
            writes.remove(record);
        }
    }

    /**
     * Takes the next commit number and runs {@code submit} (which hands the commit's records to the log) under one
     * lock, so that commit numbers follow the order of the log records. When {@code submit} fails the number is
     * given back.
     */
    long reserve(Runnable submit) {
        synchronized (order) {
            long commit = ++reserved;
            try {
                submit.run();
            } catch (RuntimeException | Error failure) {
                reserved--;
                throw failure;
            }
            return commit;
        }
    }

    /**
     * Makes commit {@code commit} (reserved, logged durably and applied) visible once every commit numbered before
     * it is visible, publishing every table's new version under this lock, so snapshots see commits in order and
     * each commit in all its tables or in none. {@code changes} are in the order of their stores' ids; their stores
     * are locked before this object (the order every committer takes: stores, then the coordinator).
     *
     * <p>Commits are published in groups: a commit whose turn has not come hands itself over ({@link #waiting}) and
     * sleeps; whoever publishes the commit before it publishes it too, and the ones after it that are waiting, then
     * wakes their committers. So a group of commits made durable by one sync becomes visible in one pass, and each
     * committer is woken once, by the publisher, instead of every waiter being woken at every commit to check
     * whether its turn has come.
     */
    void publish(long commit, WriteRecord record, List<PreparedChange> changes) {
        finish(new Publication(commit, record, changes, false));
    }

    /**
     * Commit {@code commit} could not be made durable (the log failed, and refuses every later record): it takes its
     * turn without becoming visible, so the commits after it are not left waiting.
     */
    void publishFailed(long commit, WriteRecord record, List<PreparedChange> changes) {
        finish(new Publication(commit, record, changes, true));
    }

    /** A commit ready to be published (or, {@code failed}, to take its turn without becoming visible). */
    private static final class Publication {
        final long commit;
        final WriteRecord record;
        final List<PreparedChange> changes;
        final boolean failed;
        final Thread committer = Thread.currentThread();
        /** Set by the thread that published it (its committer or the publisher of an earlier commit). */
        volatile boolean done;
        /** What publishing it threw, for its committer to rethrow. */
        Throwable failure;

        Publication(long commit, WriteRecord record, List<PreparedChange> changes, boolean failed) {
            this.commit = commit;
            this.record = record;
            this.changes = changes;
            this.failed = failed;
        }
    }

    /**
     * Publishes {@code own} when its turn has come, together with the waiting commits that follow it; otherwise
     * leaves it in {@link #waiting} and sleeps until the publisher of an earlier commit has published it.
     */
    private void finish(Publication own) {
        boolean turnCame;
        synchronized (this) {
            turnCame = lastCommit >= own.commit - 1;
            if (!turnCame) {
                waiting.put(own.commit, own);
            }
        }
        if (turnCame) {
            Publication next = own;
            while (next != null) {
                Publication published = next;
                next = publishOne(published);
                if (published != own) {
                    published.done = true;
                    LockSupport.unpark(published.committer);
                }
            }
        } else {
            awaitPublished(own);
        }
        if (own.failure != null) {
            rethrow(own.failure);
        }
    }

    /** Sleeps, uninterruptibly, until another thread has published {@code own}. */
    private static void awaitPublished(Publication own) {
        boolean interrupted = false;
        while (!own.done) {
            LockSupport.park(own);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Publishes {@code publication}, whose turn has come, and returns the waiting commit after it, which the caller
     * publishes next (taken out of {@link #waiting} in the same step that advances {@link #lastCommit}, so that its
     * committer, looking under this lock, either finds its turn come or has been taken). A failure is kept in the
     * publication; the commit still takes its turn.
     */
    private Publication publishOne(Publication publication) {
        try {
            if (publication.failed) {
                for (PreparedChange change : publication.changes) {
                    if (!change.skipped()) {
                        change.change().store().abandon(publication.commit);
                    }
                }
            } else {
                return publishLocked(publication, 0);
            }
        } catch (RuntimeException | Error failure) {
            publication.failure = failure;
        }
        synchronized (this) {
            if (lastCommit < publication.commit) {
                // publishing failed before the versions were installed, or the commit failed: it takes its turn
                lastCommit = publication.commit;
                if (publication.record != null) {
                    writes.remove(publication.record);
                }
            }
            return advanced();
        }
    }

    private Publication publishLocked(Publication publication, int from) {
        List<PreparedChange> changes = publication.changes;
        if (from < changes.size()) {
            synchronized (changes.get(from).change().store()) {
                return publishLocked(publication, from + 1);
            }
        }
        synchronized (this) {
            long commit = publication.commit;
            lastCommit = commit;
            try {
                long oldest = snapshots.isEmpty() ? commit : snapshots.firstKey();
                for (PreparedChange change : changes) {
                    if (!change.skipped()) {
                        InMemoryTableStore store = change.change().store();
                        store.publish(commit, oldest);
                    }
                }
                if (publication.record != null) {
                    publication.record.commit = commit;
                }
            } catch (RuntimeException | Error failure) {
                publication.failure = failure;
            }
            return advanced();
        }
    }

    /**
     * Called under this lock after {@link #lastCommit} advanced: wakes the threads waiting for commits in flight, and
     * takes the next commit out of {@link #waiting}, if it is there, for the caller to publish.
     */
    private Publication advanced() {
        if (inFlightWaiters > 0) {
            notifyAll();
        }
        return waiting.remove(lastCommit + 1);
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    /** A commit starts locking its tables (see {@link #commitGate}); {@link #leaveCommit} follows in a finally. */
    void enterCommit() {
        commitGate.readLock().lock();
    }

    /** The commit's record is in the log and its rows applied, or it failed before. */
    void leaveCommit() {
        commitGate.readLock().unlock();
    }

    /**
     * Runs {@code action} while no commit is between handing its record to the log and becoming visible: new commits
     * wait before locking their tables, and those already logged are published first. A checkpoint takes the log's
     * position and the tables' newest versions so: otherwise a commit whose record is durable but whose versions are
     * not yet published would be left out of the tables written and its record removed with the log segments the
     * checkpoint covers, and lost at the next crash. The caller holds no table's lock (publishing takes them).
     */
    public <T> T withCommitsSettled(Supplier<T> action) {
        commitGate.writeLock().lock();
        try {
            awaitInFlightCommits();
            return action.get();
        } finally {
            commitGate.writeLock().unlock();
        }
    }

    /**
     * Waits until every commit handed to the log so far is visible (or failed), so that a snapshot taken next sees
     * them: a statement that met a conflict with such a commit runs again after this rather than spinning while its
     * log record is synced. Uninterruptible.
     */
    public void awaitInFlightCommits() {
        long target;
        synchronized (order) {
            target = reserved;
        }
        boolean interrupted = false;
        synchronized (this) {
            inFlightWaiters++;
            try {
                while (lastCommit < target) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                inFlightWaiters--;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commit records no active snapshot can conflict with any more. */
    private void forgetOldWrites() {
        if (writes.isEmpty()) {
            return;
        }
        long oldest = snapshots.isEmpty() ? lastCommit : snapshots.firstKey();
        Iterator<WriteRecord> records = writes.iterator();
        while (records.hasNext()) {
            WriteRecord record = records.next();
            if (record.commit <= oldest || (serializableActive == 0 && record.commit != Long.MAX_VALUE)) {
                records.remove();
            }
        }
    }

    private static boolean intersects(Set<Long> a, Set<Long> b) {
        for (Long id : a) {
            if (b.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
