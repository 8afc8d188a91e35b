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
