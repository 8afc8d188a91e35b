package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

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
        // The value is converted once; the common vector kinds are filled by typed loops.
        switch (vector) {
            case VarCharVector strings when value instanceof String text -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < rows; i++) {
                    strings.setSafe(i, bytes);
                }
            }
            case BigIntVector longs when value instanceof Long number -> {
                long constant = number;
                for (int i = 0; i < rows; i++) {
                    longs.set(i, constant);
                }
            }
            case IntVector ints when value instanceof Long number -> {
                int constant = (int) (long) number;
                for (int i = 0; i < rows; i++) {
                    ints.set(i, constant);
                }
            }
            case DateDayVector days when value instanceof Long number -> {
                int constant = (int) (long) number;
                for (int i = 0; i < rows; i++) {
                    days.set(i, constant);
                }
            }
            case Float8Vector doubles when value instanceof Double number -> {
                double constant = number;
                for (int i = 0; i < rows; i++) {
                    doubles.set(i, constant);
                }
            }
            case org.apache.arrow.vector.DecimalVector decimals when value instanceof java.math.BigDecimal number
                    && rows > 0 -> {
                // Converted into the 16-byte form once; the other rows copy its two words.
                io.basalt.exec.vector.WideDecimalValues.set(decimals, 0, number);
                org.apache.arrow.memory.ArrowBuf data = decimals.getDataBuffer();
                org.apache.arrow.memory.ArrowBuf validity = decimals.getValidityBuffer();
                long lowWord = data.getLong(0);
                long highWord = data.getLong(8);
                for (int i = 1; i < rows; i++) {
                    data.setLong((long) i * 16, lowWord);
                    data.setLong((long) i * 16 + 8, highWord);
                    org.apache.arrow.vector.BitVectorHelper.setBit(validity, i);
                }
            }
            case org.apache.arrow.vector.VarBinaryVector numerics when value instanceof java.math.BigDecimal number -> {
                // A NUMERIC beyond 64 bits (or of unconstrained precision): encoded once, not once per row.
                byte[] encoded = io.basalt.type.DecimalCodec.encode(number);
                for (int i = 0; i < rows; i++) {
                    numerics.setSafe(i, encoded);
                }
            }
            default -> {
                for (int i = 0; i < rows; i++) {
                    ValueAccess.set(vector, i, value);
                }
            }
        }
        vector.setValueCount(rows);
        return vector;
    }

    @Override
    public String toString() {
        return String.valueOf(ValueAccess.text(type, value));
    }
}
