package io.basalt.exec.operator;

import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A node of a physical plan. Operators are immutable plan data, shareable between threads; everything
 * that changes while a query runs lives in the state objects they open. Each operator plays one of three
 * roles in a push-based pipeline: a {@link SourceOperator} produces batches, a {@link StreamingOperator}
 * transforms each batch as it passes, a {@link SinkOperator} consumes all its input (a pipeline breaker:
 * aggregation, sort) and then serves as the source of the next pipeline.
 */
public interface PhysicalOperator {
    /** The types of the columns of every batch this operator produces. */
    List<LogicalType> outputTypes();

    List<PhysicalOperator> children();

    /** One line for EXPLAIN-style plan printing, e.g. {@code Filter (#0 > 5)}. */
    String describe();
}
