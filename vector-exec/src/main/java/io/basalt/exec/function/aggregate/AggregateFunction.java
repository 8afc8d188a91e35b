package io.basalt.exec.function.aggregate;

import io.basalt.type.LogicalType;

/**
 * An aggregate function resolved for one argument type: immutable, shared. Its running values live in a
 * {@link GroupedAggregateState}, one slot per group.
 */
public interface AggregateFunction {
    String name();

    /** The type of the argument ({@code null} for {@code count(*)}). */
    LogicalType argumentType();

    LogicalType resultType();

    GroupedAggregateState newState();

    /** A state that may hold Arrow memory from {@code allocator} (freed by {@link GroupedAggregateState#close}). */
    default GroupedAggregateState newState(org.apache.arrow.memory.BufferAllocator allocator) {
        return newState();
    }
}
