package io.basalt.exec.operator;

/**
 * A pipeline breaker that can consume its input on several workers: each worker sinks into its own
 * state (from {@link #openSink}), and after all have finished their input the executor merges every
 * worker state into one global state, then finishes and reads that one as usual.
 */
public interface MergeableSinkOperator extends SinkOperator, ParallelSink {
    /** Folds {@code worker}'s state into {@code global}; called on one thread, once per worker state. */
    @Override
    void merge(SinkState global, SinkState worker);
}
