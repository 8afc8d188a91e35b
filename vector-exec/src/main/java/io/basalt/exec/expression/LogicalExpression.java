package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * AND / OR over two or more boolean operands with SQL's three-valued logic: for AND, false wins over
 * NULL and NULL over true; for OR, true wins over NULL and NULL over false.
 */
public record LogicalExpression(boolean isAnd, List<PhysicalExpression> operands) implements PhysicalExpression {
    public LogicalExpression {
        requireNonNull(operands, "operands is null");
        operands = List.copyOf(operands);
    }

    @Override
    public LogicalType type() {
        return LogicalType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        int rows = batch.rowCount();
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        // Start from the identity (true for AND, false for OR), no NULL seen.
        int identity = isAnd ? 1 : 0;
        for (int i = 0; i < rows; i++) {
            out.set(i, identity);
        }
        for (PhysicalExpression operand : operands) {
            BitVector in = (BitVector) operand.evaluate(batch, context);
            for (int i = 0; i < rows; i++) {
                boolean decided = !out.isNull(i) && out.get(i) != identity;
                if (decided) {
                    continue;
                }
                if (in.isNull(i)) {
                    out.setNull(i);
                } else if (in.get(i) != identity) {
                    out.set(i, 1 - identity);
                }
            }
        }
        out.setValueCount(rows);
        return out;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                text.append(isAnd ? " AND " : " OR ");
            }
            text.append(operands.get(i));
        }
        return text.append(')').toString();
    }
}
