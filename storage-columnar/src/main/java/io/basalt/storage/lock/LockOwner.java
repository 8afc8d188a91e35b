package io.basalt.storage.lock;

/**
 * A transaction as the row locks see it: something that holds locks until it ends, and that others can wait for.
 * Row locks are never released one at a time: a transaction keeps them until COMMIT or ROLLBACK, as in PostgreSQL,
 * so waiting for a lock is waiting for its holder to end.
 */
public interface LockOwner {
    /** The transaction's number, unique in the process (PostgreSQL's transaction id in messages). */
    long transactionNumber();

    /** The number of the session running it (PostgreSQL's process id in messages). */
    int processNumber();

    /** Whether it has ended (committed or rolled back); its locks are gone then. */
    boolean ended();

    /**
     * Waits until it has ended, at most {@code nanos} nanoseconds (negative: no limit).
     *
     * @return whether it ended
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean awaitEnd(long nanos) throws InterruptedException;

    /** How long a statement of this transaction waits for a row lock, in milliseconds; 0 means no limit. */
    long lockTimeoutMillis();
}
