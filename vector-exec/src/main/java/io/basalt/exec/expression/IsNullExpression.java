package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** {@code x IS NULL} / {@code x IS NOT NULL}: never NULL itself. */
public record IsNullExpression(PhysicalExpression operand, boolean negated) implements PhysicalExpression {
    public IsNullExpression {
        requireNonNull(operand, "operand is null");
    }

    @Override
    public LogicalType type() {
        return LogicalType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        FieldVector in = operand.evaluate(batch, context);
        int rows = batch.rowCount();
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        for (int i = 0; i < rows; i++) {
            out.set(i, in.isNull(i) != negated ? 1 : 0);
        }
        out.setValueCount(rows);
        return out;
    }

    @Override
    public String toString() {
        return "(" + operand + (negated ? " IS NOT NULL)" : " IS NULL)");
    }
}
