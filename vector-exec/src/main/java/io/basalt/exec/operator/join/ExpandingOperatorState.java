package io.basalt.exec.operator.join;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.OperatorState;

/**
 * An operator state whose output for one input batch may be larger than one batch: a join whose probe
 * batch meets many build rows. {@link #execute} returns the first piece; the executor then calls
 * {@link #continueOutput()} until it returns null, pushing each piece downstream before asking for the
 * next, and only then passes the next input batch. Every piece holds at most the vector size's rows, and
 * is valid until the next call on this state.
 *
 * <p>The input batch handed to {@code execute} must stay valid until {@code continueOutput()} returned
 * null, which the push-based executor guarantees by not touching upstream operators in between.
 *
 * <p>This belongs in {@link OperatorState} itself (as a default method returning null); it lives here
 * until that interface can change, and {@code PipelineExecutor} asks for it by type.
 */
public interface ExpandingOperatorState extends OperatorState {
    /** The next piece of output for the input last passed to {@link #execute}, or null when there is none. */
    Batch continueOutput();
}
