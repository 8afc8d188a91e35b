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

    @Override
    void close();
}
