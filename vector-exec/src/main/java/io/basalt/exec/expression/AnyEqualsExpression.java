package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code operand IN (c1, c2, ...)} over non-NULL constants, which the binder spells {@code operand = c1 OR
 * operand = c2 OR ...}: the operand is evaluated once per batch instead of once per constant (TPC-H Q22's
 * {@code substring(c_phone FROM 1 FOR 2) IN ('13', '31', ...)}). True when the operand equals a constant,
 * false when it equals none, NULL when it is NULL, as the OR of the equalities gives. Text is compared by its
 * bytes, as equality of VARCHAR and TEXT is; other types by {@link ValueComparison}, as
 * {@link ComparisonExpression} compares them.
 */
public record AnyEqualsExpression(PhysicalExpression operand, List<ConstantExpression> constants,
                                  String text) implements PhysicalExpression {
    public AnyEqualsExpression {
        requireNonNull(operand, "operand is null");
        constants = List.copyOf(constants);
        requireNonNull(text, "text is null");
    }

    @Override
    public LogicalType type() {
        return LogicalType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        FieldVector values = operand.evaluate(batch, context);
        int rows = batch.rowCount();
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        TypeId id = operand.type().id();
        if (values instanceof VarCharVector strings && (id == TypeId.TEXT || id == TypeId.VARCHAR)
                && allStrings()) {
            strings(strings, out, rows);
        } else {
            Batch one = new Batch(List.of(), 1);
            FieldVector[] wanted = new FieldVector[constants.size()];
            for (int c = 0; c < wanted.length; c++) {
                wanted[c] = constants.get(c).evaluate(one, context);
            }
            for (int i = 0; i < rows; i++) {
                if (values.isNull(i)) {
                    continue;
                }
                int found = 0;
                for (int c = 0; c < wanted.length && found == 0; c++) {
                    found = ValueComparison.compare(values, i, wanted[c], 0) == 0 ? 1 : 0;
                }
                out.set(i, found);
            }
        }
        out.setValueCount(rows);
        return out;
    }

    private boolean allStrings() {
        for (ConstantExpression constant : constants) {
            if (!(constant.value() instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private void strings(VarCharVector strings, BitVector out, int rows) {
        byte[][] wanted = new byte[constants.size()][];
        for (int c = 0; c < wanted.length; c++) {
            wanted[c] = ((String) constants.get(c).value()).getBytes(StandardCharsets.UTF_8);
        }
        ArrowBuf offsets = strings.getOffsetBuffer();
        ArrowBuf data = strings.getDataBuffer();
        boolean nulls = strings.getNullCount() > 0;
        for (int i = 0; i < rows; i++) {
            if (nulls && strings.isNull(i)) {
                continue;
            }
            int start = offsets.getInt((long) i * 4);
            int length = offsets.getInt((long) (i + 1) * 4) - start;
            int found = 0;
            for (int c = 0; c < wanted.length && found == 0; c++) {
                byte[] bytes = wanted[c];
                if (bytes.length == length) {
                    int b = 0;
                    while (b < length && data.getByte(start + b) == bytes[b]) {
                        b++;
                    }
                    found = b == length ? 1 : 0;
                }
            }
            out.set(i, found);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
