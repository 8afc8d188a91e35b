package io.basalt.engine;

import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.storage.lock.LockWaits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * What the tests of waiting statements (row locks, unique keys, foreign keys, EvalPlanQual) share: a statement run on
 * a thread of its own, the point at which the wait-for graph shows it waiting (no timing), and its failure.
 */
final class WaitingStatements {
    private WaitingStatements() {
    }

    /** Runs {@code sql} on {@code session} on a new thread; the future holds {@code outcome} of its result. */
    static CompletableFuture<String> inBackground(Session session, String sql, Function<QueryResult, String> outcome) {
        return CompletableFuture.supplyAsync(() -> {
            try (QueryResult result = session.execute(sql)) {
                return outcome.apply(result);
            }
        }, runnable -> new Thread(runnable).start());
    }

    /** Returns once {@code count} transactions wait for a lock. */
    static void awaitWaiting(int count) {
        while (LockWaits.waitingTransactions() < count) {
            Thread.onSpinWait();
        }
    }

    /** The error {@code statement} failed with; an AssertionError when it succeeded. */
    static BasaltException failureOf(CompletableFuture<String> statement) throws InterruptedException {
        try {
            statement.get();
        } catch (ExecutionException e) {
            return (BasaltException) e.getCause();
        }
        throw new AssertionError("the statement succeeded");
    }
}
