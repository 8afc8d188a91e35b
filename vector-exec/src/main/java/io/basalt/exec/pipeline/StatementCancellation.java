package io.basalt.exec.pipeline;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Whether the statement a session is running has been cancelled, by a user (another thread calling {@link #cancel})
 * or by its statement_timeout. One object lives as long as its session; {@link #begin} and {@link #end} bracket each
 * statement the client issues, so a cancel that arrives while no statement runs does nothing (PostgreSQL's cancel
 * request between queries), and a timeout armed for one statement never reaches the next.
 *
 * <p>Executing threads call {@link #check} once per batch, morsel or task: a single volatile read while nothing is
 * cancelled, so the cost per batch is negligible and no check runs per row. After a cancel every thread of the
 * statement throws at its next check, with SQLSTATE 57014 and PostgreSQL's message; the executor's usual failure
 * paths then stop the other workers, close operator states and spill files, and free the query's memory.
 *
 * <p>Thread-safe: {@code begin}, {@code end} and the cancels are synchronized (they are rare); {@code check} is not.
 */
public final class StatementCancellation {
    public static final String USER_REQUEST = "canceling statement due to user request";
    public static final String STATEMENT_TIMEOUT = "canceling statement due to statement timeout";

    /** The statement the current thread executes a pipeline for (bound by the executor per pipeline). */
    private static final ScopedValue<StatementCancellation> EXECUTING = ScopedValue.newInstance();

    /** One daemon thread for every timeout of the JVM: it only flips flags, never runs a statement's work. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    /** PostgreSQL's message while the running statement is cancelled, else null. */
    private volatile String reason;
    /** Counts statements begun, so that a timer armed for an earlier one does nothing. */
    private long statement;
    private boolean running;
    private ScheduledFuture<?> timeout;

    /** A token for one statement on its own (operator tests, internal rewrites): running until cancelled. */
    public static StatementCancellation running() {
        StatementCancellation cancellation = new StatementCancellation();
        cancellation.begin(0);
        return cancellation;
    }

    /**
     * Marks a statement as running, clearing an earlier cancel; with {@code timeoutMillis > 0} it is cancelled with
     * {@link #STATEMENT_TIMEOUT} once that many milliseconds have passed.
     */
    public synchronized void begin(long timeoutMillis) {
        statement++;
        running = true;
        reason = null;
        if (timeoutMillis > 0) {
            long armedFor = statement;
            timeout = TIMER.schedule(() -> cancel(armedFor, STATEMENT_TIMEOUT), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Marks the running statement as ended and disarms its timeout. */
    public synchronized void end() {
        running = false;
        reason = null;
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    /** Cancels the running statement at its next check; nothing when none runs. Callable from any thread. */
    public void cancel() {
        cancel(USER_REQUEST);
    }

    /** Cancels the running statement with {@code message} (PostgreSQL's wording); nothing when none runs. */
    public synchronized void cancel(String message) {
        if (running && reason == null) {
            reason = message;
            notifyAll(); // wakes pg_sleep
        }
    }

    private synchronized void cancel(long armedFor, String message) {
        if (statement == armedFor) {
            cancel(message);
        }
    }

    /** Whether the running statement has been cancelled. */
    public boolean isCancelled() {
        return reason != null;
    }

    /**
     * Throws the cancel's error (57014) when the running statement has been cancelled; else returns at the cost of a
     * volatile read. Called per batch, morsel or task by the threads executing the statement.
     */
    public void check() {
        String message = reason;
        if (message != null) {
            throw BasaltException.of(SqlState.QUERY_CANCELED, message);
        }
    }

    /**
     * Waits {@code nanos} or until the statement is cancelled, whichever comes first, then {@link #check}s (pg_sleep).
     */
    public void sleep(long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (this) {
            long left;
            while (reason == null && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        check();
    }

    /** The statement whose pipeline the current thread executes, or null outside one. */
    public static StatementCancellation executing() {
        return EXECUTING.isBound() ? EXECUTING.get() : null;
    }

    /** Runs {@code action} with this as {@link #executing()} on the current thread. */
    void bindWhile(Runnable action) {
        ScopedValue.where(EXECUTING, this).run(action);
    }

    /** Runs {@code action} once {@code delayMillis} have passed on the timer thread; cancel the future to disarm. */
    public static ScheduledFuture<?> schedule(Runnable action, long delayMillis) {
        return TIMER.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "basalt-statement-timeout");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
