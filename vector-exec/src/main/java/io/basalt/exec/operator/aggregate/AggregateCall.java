package io.basalt.exec.operator.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.function.aggregate.AggregateFunction;
import java.util.List;

/**
 * One aggregate of an aggregation: the function, its first argument ({@code null} for {@code count(*)}),
 * any further arguments (a second argument, then sort keys or direct arguments the function asked for),
 * and the {@code FILTER (WHERE ...)} condition ({@code null} when absent): only rows where it is true reach
 * the aggregate.
 */
public record AggregateCall(AggregateFunction function, PhysicalExpression argument,
                            List<PhysicalExpression> extraArguments, PhysicalExpression filter) {
    public AggregateCall {
        requireNonNull(function, "function is null");
        extraArguments = List.copyOf(extraArguments);
    }

    public AggregateCall(AggregateFunction function, PhysicalExpression argument) {
        this(function, argument, List.of(), null);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(function.name()).append('(').append(argument == null ? "*" : argument);
        for (PhysicalExpression extra : extraArguments) {
            text.append(", ").append(extra);
        }
        text.append(')');
        if (filter != null) {
            text.append(" FILTER (WHERE ").append(filter).append(')');
        }
        return text.toString();
    }
}
