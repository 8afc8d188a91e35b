package io.basalt.exec.pipeline;

import io.basalt.error.BasaltException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Runs a fixed number of independent tasks (the pieces of an operator's finishing work: sorting runs,
 * merging them, computing window partitions) on a query's workers. The calling thread takes part and
 * claims tasks like any worker, so the tasks complete even when the pool is busy; helpers that have not
 * started by then are told not to (they return at once when they do start). The first failure is rethrown
 * after every helper that started has ended, so no task still runs when this returns or throws. A cancelled
 * statement stops before its next task (57014).
 */
public final class ParallelTasks {
    /** One task of a batch; {@code index} is in {@code [0, count)}. */
    public interface Task {
        void run(int index);
    }

    private ParallelTasks() {
    }

    /** Runs {@code task} for every index in {@code [0, count)} on up to {@code context.threads()} threads. */
    public static void run(ExecutionContext context, int count, Task task) {
        int helpers = Math.min(context.threads(), count) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < count; i++) {
                context.cancellation().check();
                task.run(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(helpers);
        // Per helper: 0 not started, 1 started, 2 told not to start.
        AtomicIntegerArray states = new AtomicIntegerArray(helpers);
        for (int h = 0; h < helpers; h++) {
            int helper = h;
            futures.add(context.workers().submit(() -> {
                if (states.compareAndSet(helper, 0, 1)) {
                    claim(context.cancellation(), next, count, task);
                }
            }));
        }
        RuntimeException failure = null;
        try {
            claim(context.cancellation(), next, count, task);
        } catch (RuntimeException e) {
            failure = e;
            next.set(count);
        }
        for (int h = 0; h < helpers; h++) {
            if (states.compareAndSet(h, 0, 2)) {
                continue;
            }
            try {
                futures.get(h).get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : BasaltException.internal("worker failed: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = BasaltException.internal("interrupted while waiting for workers", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void claim(StatementCancellation cancellation, AtomicInteger next, int count, Task task) {
        int index;
        while ((index = next.getAndIncrement()) < count) {
            try {
                cancellation.check();
                task.run(index);
            } catch (RuntimeException | Error e) {
                next.set(count);
                throw e;
            }
        }
    }
}
