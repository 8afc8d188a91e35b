package io.basalt.storage.lock;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for the transaction that holds a row lock, with deadlock detection and lock_timeout.
 *
 * <p>Every waiting transaction is an edge of one wait-for graph (waiter to holder), kept for the whole process:
 * transactions of different databases never wait for each other, so one graph serves all. A transaction about to
 * wait first follows the edges from the holder; reaching itself means the wait would close a cycle, and it fails
 * at once with 40P01 instead of waiting (the transaction that closes the cycle is the victim, where PostgreSQL picks
 * the one whose deadlock_timeout runs out first; the other transactions of the cycle go on once it rolls back).
 * The DETAIL lists the cycle as PostgreSQL does, one line per waiting process, starting with the victim.
 *
 * <p>Thread-safe; the graph's lock is held only to add, check and remove edges, never while waiting.
 */
public final class LockWaits {
    /** A waiting transaction's edge: whom it waits for, and for what ({@code ShareLock on transaction 7}). */
    private record Edge(LockOwner holder, String lock) {
    }

    private static final Map<LockOwner, Edge> WAITING = new HashMap<>();

    private LockWaits() {
    }

    /**
     * Waits until {@code holder} has ended, on behalf of {@code waiter}, for at most the waiter's lock_timeout.
     * {@code context} names what the waiter was doing, as PostgreSQL's CONTEXT line does ({@code while updating
     * tuple (0,1) in relation "t"}).
     *
     * @throws BasaltException 40P01 when waiting would close a cycle of waiting transactions, 55P03 when
     *     lock_timeout passes first, 57014 when the thread is interrupted
     */
    public static void awaitEnd(LockOwner waiter, LockOwner holder, String context) {
        awaitEnd(waiter, holder, context, "ShareLock on transaction " + holder.transactionNumber());
    }

    /**
     * As {@link #awaitEnd(LockOwner, LockOwner, String)}, for a lock that the deadlock DETAIL names {@code lock}
     * ({@code AccessExclusiveLock on relation public.t}); a null {@code context} adds no CONTEXT line.
     */
    public static void awaitEnd(LockOwner waiter, LockOwner holder, String context, String lock) {
        if (waiter == holder || holder.ended()) {
            return;
        }
        synchronized (WAITING) {
            String cycle = cycle(waiter, holder, lock);
            if (cycle != null) {
                throw BasaltException.of(SqlState.DEADLOCK_DETECTED, "deadlock detected").withDetail(cycle)
                        .withHint("See server log for query details.").withContext(context);
            }
            WAITING.put(waiter, new Edge(holder, lock));
        }
        try {
            long timeout = waiter.lockTimeoutMillis();
            boolean ended = holder.awaitEnd(timeout <= 0 ? -1 : TimeUnit.MILLISECONDS.toNanos(timeout));
            if (!ended) {
                throw BasaltException.of(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout")
                        .withContext(context);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BasaltException.of(SqlState.QUERY_CANCELED, "canceling statement due to user request")
                    .withContext(context);
        } finally {
            synchronized (WAITING) {
                WAITING.remove(waiter);
            }
        }
    }

    /** How many transactions wait for a row lock now (tests wait for a session to block on it). */
    public static int waitingTransactions() {
        synchronized (WAITING) {
            return WAITING.size();
        }
    }

    /** The DETAIL of the cycle that {@code waiter} waiting for {@code holder} would close, or null if none. */
    private static String cycle(LockOwner waiter, LockOwner holder, String lock) {
        Set<LockOwner> seen = new HashSet<>();
        LockOwner next = holder;
        while (next != null && next != waiter && seen.add(next)) {
            Edge edge = WAITING.get(next);
            next = edge == null ? null : edge.holder();
        }
        if (next != waiter) {
            return null;
        }
        StringBuilder detail = new StringBuilder();
        LockOwner from = waiter;
        LockOwner to = holder;
        String waitsFor = lock;
        while (true) {
            if (!detail.isEmpty()) {
                detail.append('\n');
            }
            detail.append("Process ").append(from.processNumber()).append(" waits for ").append(waitsFor)
                    .append("; blocked by process ").append(to.processNumber()).append('.');
            if (to == waiter) {
                return detail.toString();
            }
            from = to;
            Edge edge = WAITING.get(to);
            to = edge.holder();
            waitsFor = edge.lock();
        }
    }
}
