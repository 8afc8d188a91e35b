package io.basalt.exec.operator;

import io.basalt.exec.batch.Batch;

/**
 * A running streaming operator. {@link #execute} returns the transformed batch (possibly with zero rows);
 * its vectors belong to this state and stay valid until the next call or {@link #close()}.
 * {@link #isFinished()} turns true when no more input can change the output (LIMIT reached): the
 * pipeline then stops pulling from its source.
 */
public interface OperatorState extends AutoCloseable {
    Batch execute(Batch input);

    /**
     * Called once, before the first {@link #execute}, by a pipeline that hands selective batches on (see
     * {@link io.basalt.exec.batch.Batch}): {@code consumerTakesSelections} says whether what comes after this state
     * (the next operator or the sink) accepts them, and so whether this state may return one. The answer is whether
     * this state accepts selective input itself. A state never asked returns and receives only dense batches;
     * the default declines.
     */
    default boolean acceptSelections(boolean consumerTakesSelections) {
        return false;
    }

    default boolean isFinished() {
        return false;
    }

    /**
     * Output that exists only once the input has ended (e.g. a RIGHT join's unmatched build rows): called
     * after the last {@link #execute} until it returns null. The batch is valid until the next call.
     */
    default Batch drain() {
        return null;
    }

    @Override
    void close();
}
