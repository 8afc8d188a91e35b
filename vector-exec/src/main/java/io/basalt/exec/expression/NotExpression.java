package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** NOT: true and false swap, NULL stays NULL. */
public record NotExpression(PhysicalExpression operand) implements PhysicalExpression {
    public NotExpression {
        requireNonNull(operand, "operand is null");
    }

    @Override
    public LogicalType type() {
        return LogicalType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        BitVector in = (BitVector) operand.evaluate(batch, context);
        int rows = batch.rowCount();
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        for (int i = 0; i < rows; i++) {
            if (!in.isNull(i)) {
                out.set(i, 1 - in.get(i));
            }
        }
        out.setValueCount(rows);
        return out;
    }

    @Override
    public String toString() {
        return "(NOT " + operand + ")";
    }
}
