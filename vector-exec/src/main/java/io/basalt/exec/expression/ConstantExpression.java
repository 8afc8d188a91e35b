package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * A constant (or NULL) in canonical Java form (see {@link ValueAccess}). Operators and kernels look for
 * constants and use scalar paths; evaluating one as a vector is the fallback.
 */
public record ConstantExpression(LogicalType type, Object value) implements PhysicalExpression {
    public ConstantExpression {
        requireNonNull(type, "type is null");
    }

    public boolean isNull() {
        return value == null;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        int rows = batch.rowCount();
        FieldVector vector = context.newVector(type, rows);
        for (int i = 0; i < rows; i++) {
            ValueAccess.set(vector, i, value);
        }
        vector.setValueCount(rows);
        return vector;
    }

    @Override
    public String toString() {
        return String.valueOf(ValueAccess.text(type, value));
    }
}
