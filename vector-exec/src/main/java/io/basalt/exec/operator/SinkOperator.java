package io.basalt.exec.operator;

import io.basalt.exec.pipeline.ExecutionContext;
import java.util.List;

/**
 * A pipeline breaker: it consumes every batch of its input pipeline, then (after {@link SinkState#finish()})
 * produces its own output as the source of the next pipeline.
 */
public interface SinkOperator extends PhysicalOperator {
    PhysicalOperator child();

    SinkState openSink(ExecutionContext context);

    @Override
    default List<PhysicalOperator> children() {
        return List.of(child());
    }
}
