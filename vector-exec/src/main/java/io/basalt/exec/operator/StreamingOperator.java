package io.basalt.exec.operator;

import io.basalt.exec.pipeline.ExecutionContext;
import java.util.List;

/** An operator applied to each batch as it flows through a pipeline: filter, projection, limit. */
public interface StreamingOperator extends PhysicalOperator {
    PhysicalOperator child();

    OperatorState openOperator(ExecutionContext context);

    /**
     * Whether several workers may each run their own state of this operator over parts of the input with
     * the same overall result: true for per-row work (filter, projection), false for anything that counts
     * or remembers across batches (LIMIT).
     */
    default boolean parallelSafe() {
        return false;
    }

    @Override
    default List<PhysicalOperator> children() {
        return List.of(child());
    }
}
