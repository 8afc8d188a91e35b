package io.basalt.exec.operator.join;

import io.basalt.error.BasaltException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;

/**
 * A piece of a join build's finishing work offered to the query's worker pool while the calling thread does another
 * piece: {@link #offer} hands it to the pool (or keeps it, without a pool), and {@link #complete()} runs it on the
 * calling thread if no worker has started it yet, then waits for it. So the work is done exactly once and the caller
 * never waits for a pool whose workers are all busy (or are themselves waiting): the finish is never slower than on
 * one thread, and takes a second core when one is free.
 */
final class OfferedTask {
    private final FutureTask<Void> task;

    private OfferedTask(Runnable work) {
        this.task = new FutureTask<>(work, null);
    }

    /** Offers {@code work} to {@code workers} (null: nobody; the caller then runs it in {@link #complete()}). */
    static OfferedTask offer(Runnable work, ExecutorService workers) {
        OfferedTask offered = new OfferedTask(work);
        if (workers != null) {
            try {
                workers.execute(offered.task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the pool is shutting down: the caller runs the work in complete()
            }
        }
        return offered;
    }

    /** Runs the work here unless a worker started it, waits until it is done, and rethrows its failure. */
    void complete() {
        task.run();
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BasaltException.internal("interrupted while finishing a join build", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw BasaltException.internal("join build task failed: " + e.getCause(), e.getCause());
        }
    }
}
