package io.basalt.storage.table;

/**
 * What a table store asks of the transaction a statement runs in: which committed state its scans read, and where
 * its writes go until COMMIT. The session binds the transaction to {@link #CURRENT} while a statement runs on its
 * thread (scans are opened and writes are applied on that thread; workers only read what a scan opened), so every
 * write of the statement, whoever plans it (INSERT, UPDATE, DELETE, TRUNCATE, cascades), is kept private to the
 * transaction without being told. With nothing bound, stores read their newest state and change it at once (log
 * replay, tests of a store alone).
 */
public interface TableTransaction extends io.basalt.storage.lock.LockOwner {
    /** The transaction of the statement running on this thread. */
    ScopedValue<TableTransaction> CURRENT = ScopedValue.newInstance();

    /** The transaction bound to this thread, or null. */
    static TableTransaction current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /** The commit sequence number the running statement reads at: it sees exactly the commits numbered up to it. */
    long snapshot();

    /** This transaction's pending change of {@code store}, or null when it has not written there. */
    PendingChange change(InMemoryTableStore store);

    /**
     * This transaction's pending change of {@code store}, created on the first write.
     *
     * @throws io.basalt.error.BasaltException 25006 in a READ ONLY transaction
     */
    PendingChange changeForWrite(InMemoryTableStore store);

    /** Notes that the running statement read {@code store} (SERIALIZABLE tracks what it read). */
    void read(InMemoryTableStore store);

    /** Notes that the transaction took explicit row locks in {@code store}, to release when it ends. */
    void holdsLocksIn(InMemoryTableStore store);

    /**
     * Whether each statement takes a new snapshot (READ COMMITTED). A REPEATABLE READ transaction that waited for
     * another to commit a key its snapshot does not see fails with 40001 where READ COMMITTED goes on.
     */
    default boolean snapshotPerStatement() {
        return true;
    }

    /** The foreign-key checks waiting for this transaction's COMMIT. */
    DeferredChecks deferredChecks();
}
