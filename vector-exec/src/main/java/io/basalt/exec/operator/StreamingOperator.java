package io.basalt.exec.operator;

import io.basalt.exec.pipeline.ExecutionContext;
import java.util.List;

/** An operator applied to each batch as it flows through a pipeline: filter, projection, limit. */
public interface StreamingOperator extends PhysicalOperator {
    PhysicalOperator child();

    OperatorState openOperator(ExecutionContext context);

    @Override
    default List<PhysicalOperator> children() {
        return List.of(child());
    }
}
