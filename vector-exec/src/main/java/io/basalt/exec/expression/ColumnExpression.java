package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/** The column at {@code index} of the input batch. */
public record ColumnExpression(int index, LogicalType type) implements PhysicalExpression {
    public ColumnExpression {
        requireNonNull(type, "type is null");
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        return batch.column(index);
    }

    @Override
    public String toString() {
        return "#" + index;
    }
}
