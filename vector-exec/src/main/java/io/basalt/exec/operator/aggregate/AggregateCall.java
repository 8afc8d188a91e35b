package io.basalt.exec.operator.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.function.aggregate.AggregateFunction;

/** One aggregate of an aggregation: the function and its argument ({@code null} for {@code count(*)}). */
public record AggregateCall(AggregateFunction function, PhysicalExpression argument) {
    public AggregateCall {
        requireNonNull(function, "function is null");
    }

    @Override
    public String toString() {
        return function.name() + "(" + (argument == null ? "*" : argument) + ")";
    }
}
