package io.basalt.exec.operator;

import io.basalt.exec.batch.Batch;

/**
 * A running pipeline breaker. Lifecycle: {@link #sink} for every input batch (which is valid only during
 * the call: copy what must be kept) -> {@link #finish()} once at the end of input -> {@link #openResult()}
 * to read the output -> {@link #close()}.
 */
public interface SinkState extends AutoCloseable {
    void sink(Batch batch);

    /**
     * Whether {@link #sink} accepts selective batches (a selection over vectors holding more rows, see
     * {@link io.basalt.exec.batch.Batch}); false by default, and such a sink only ever receives dense batches.
     */
    default boolean takesSelections() {
        return false;
    }

    /** True when more input cannot change the result, so the pipeline may stop early. */
    default boolean isFinished() {
        return false;
    }

    void finish();

    /** The output, as a source for the next pipeline. Closing that source does not close this state. */
    SourceState openResult();

    /**
     * The output shared by the workers of a parallel pipeline instead of {@link #openResult()} (each worker's source
     * takes the next unclaimed rows), or null when this state's output is read on one thread: by default, and when
     * it holds fewer than {@code context.parallelRowThreshold()} rows. Closing it does not close this state.
     */
    default io.basalt.exec.operator.scan.ParallelScan openParallelResult(
            io.basalt.exec.pipeline.ExecutionContext context) {
        return null;
    }

    @Override
    void close();
}
