package io.basalt.exec.pipeline;

import io.basalt.error.BasaltException;
import io.basalt.exec.operator.BuildProbeOperator;
import io.basalt.exec.operator.ParallelSink;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.operator.scan.ParallelScan;
import io.basalt.exec.operator.scan.ScanOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Morsel-driven execution of one pipeline on several threads: a shared scan hands out morsels, each
 * worker runs its own states of the streaming operators into its own sink state, and the worker states
 * are merged into the pipeline's sink when all are done. Used for pipelines of the shape
 * scan -> filter/project/hash-join probe... -> mergeable breaker (aggregation) or hash-join build over enough
 * rows to be worth it, and for the same chains over the output of a finished breaker that shares it among workers
 * ({@link SinkState#openParallelResult}: an aggregation's groups); every other pipeline runs on the calling thread. Join builds have run first, once (the caller runs
 * and closes them), and the workers probe them together. The calling thread is one of the workers.
 */
final class ParallelPipeline {
    private ParallelPipeline() {
    }

    static boolean eligible(ExecutionContext context, SourceOperator source, List<PhysicalOperator> chain,
                            ParallelSink sinkOperator, java.util.Map<PhysicalOperator, SinkState> builds) {
        if (!(source instanceof ScanOperator scan)) {
            return false;
        }
        long rows = scan.source().estimatedRows();
        if (rows < 0 || rows < context.parallelRowThreshold()) {
            return false;
        }
        return chainEligible(context, chain, sinkOperator, builds);
    }

    /** Whether workers may each run {@code chain} into their own state of {@code sinkOperator}, whatever the source. */
    static boolean chainEligible(ExecutionContext context, List<PhysicalOperator> chain, ParallelSink sinkOperator,
                                 java.util.Map<PhysicalOperator, SinkState> builds) {
        if (context.threads() < 2 || sinkOperator == null) {
            return false;
        }
        for (PhysicalOperator operator : chain) {
            boolean safe = operator instanceof StreamingOperator streaming ? streaming.parallelSafe()
                    : operator instanceof BuildProbeOperator join && join.parallelProbeSafe(builds.get(join));
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the pipeline in parallel into {@code global}; false (nothing done) when the scan cannot split.
     * {@code builds} holds the finished build state of each join in the chain; the caller closes them.
     */
    static boolean run(ExecutionContext context, ScanOperator scan, List<PhysicalOperator> chain,
                       ParallelSink sinkOperator, SinkState global,
                       java.util.Map<PhysicalOperator, SinkState> builds) {
        ParallelScan shared = scan.source().openParallel(scan.columns(), context);
        if (shared == null) {
            return false;
        }
        run(context, scan, shared, chain, sinkOperator, global, builds);
        return true;
    }

    /**
     * Runs the pipeline in parallel over {@code shared} (read by the workers of {@code source}, the operator their
     * batches are counted against), which it closes, into {@code global}.
     */
    static void run(ExecutionContext context, PhysicalOperator source, ParallelScan shared,
                    List<PhysicalOperator> chain, ParallelSink sinkOperator, SinkState global,
                    java.util.Map<PhysicalOperator, SinkState> builds) {
        int workers = context.threads();
        for (PhysicalOperator operator : chain) {
            if (operator instanceof BuildProbeOperator join) {
                join.prepareParallelProbe(builds.get(join), workers);
            }
        }
        List<SinkState> locals = new ArrayList<>(workers);
        List<Future<?>> tasks = new ArrayList<>(workers - 1);
        // Per helper: 0 not started, 1 started, 2 taken back by the calling thread.
        AtomicIntegerArray states = new AtomicIntegerArray(workers);
        try {
            for (int w = 0; w < workers; w++) {
                locals.add(sinkOperator.openSink(context));
            }
            for (int w = 1; w < workers; w++) {
                SinkState local = locals.get(w);
                int helper = w;
                tasks.add(context.workers().submit(() -> {
                    if (states.compareAndSet(helper, 0, 1)) {
                        work(context, source, shared, chain, builds, local);
                    }
                }));
            }
            RuntimeException failure = null;
            try {
                work(context, source, shared, chain, builds, locals.getFirst());
            } catch (RuntimeException e) {
                failure = e;
            }
            for (int w = 1; w < workers; w++) {
                Future<?> task = tasks.get(w - 1);
                if (failure == null && states.compareAndSet(w, 0, 2)) {
                    // The helper has not started, and the calling thread has claimed every morsel: it runs the
                    // helper's part itself (opening and draining its operator states over an exhausted scan, which
                    // a join that marks build rows counts on) rather than wait for a busy pool to start it.
                    try {
                        work(context, source, shared, chain, builds, locals.get(w));
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                    continue;
                }
                if (states.compareAndSet(w, 0, 2)) {
                    continue;
                }
                try {
                    task.get();
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
            for (SinkState local : locals) {
                sinkOperator.merge(global, local);
            }
        } finally {
            for (SinkState local : locals) {
                local.close();
            }
            shared.close();
        }
    }

    /** One worker: its own source over the shared scan, its own operator states, its own sink state. */
    private static void work(ExecutionContext context, PhysicalOperator source, ParallelScan shared,
                             List<PhysicalOperator> chain,
                             java.util.Map<PhysicalOperator, SinkState> builds, SinkState local) {
        List<OperatorState> states = new ArrayList<>(chain.size());
        try (SourceState input = shared.openWorker()) {
            for (PhysicalOperator operator : chain) {
                states.add(operator instanceof BuildProbeOperator join
                        ? join.openProbe(context, builds.get(join))
                        : ((StreamingOperator) operator).openOperator(context));
            }
            PipelineExecutor.drive(context.cancellation(), input, states, local, context.profile(), source, chain);
        } finally {
            for (OperatorState state : states) {
                state.close();
            }
        }
    }
}
