package io.basalt.exec.operator.scan;

import io.basalt.exec.operator.SourceState;

/**
 * One scan shared by the workers of a parallel pipeline. Each worker opens its own source; together they
 * produce every row exactly once, each worker taking the next unclaimed morsel when it needs one.
 * Closing the parallel scan (after every worker's source is closed) frees what it shares.
 */
public interface ParallelScan extends AutoCloseable {
    /** A worker's view; thread-safe to call from each worker. */
    SourceState openWorker();

    @Override
    void close();
}
