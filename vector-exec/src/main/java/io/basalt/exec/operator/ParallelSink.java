package io.basalt.exec.operator;

import io.basalt.exec.pipeline.ExecutionContext;

/**
 * A sink that several workers of one pipeline can fill at once: each worker sinks into its own state (from
 * {@link #openSink}), and after all have finished their input the executor folds every worker state into the
 * pipeline's one global state with {@link #merge}, then finishes that one as usual. Mergeable pipeline breakers
 * (aggregations) are such sinks, and so are the build sides of hash joins ({@link BuildProbeOperator#parallelBuild}).
 */
public interface ParallelSink {
    /** A worker's own state; the executor closes it after {@link #merge}. */
    SinkState openSink(ExecutionContext context);

    /** Folds {@code worker}'s state into {@code global}; called on one thread, once per worker state. */
    void merge(SinkState global, SinkState worker);
}
