package io.basalt.exec.function.record;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.RecordVectors;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code record IS [NOT] NULL} as PostgreSQL defines it for rows: IS NULL holds when the record is NULL or every
 * field is NULL, IS NOT NULL when the record is not NULL and no field is NULL (so a row with some NULL fields is
 * neither). Never NULL itself.
 */
public record RecordNullTest(boolean negated) implements ScalarFunction {
    @Override
    public String name() {
        return negated ? "is not null" : "is null";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector record = arguments[0];
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        int count = RecordVectors.fieldCount(record);
        for (int i = 0; i < rows; i++) {
            boolean result;
            if (record.isNull(i)) {
                result = !negated;
            } else {
                result = true;
                for (int f = 0; f < count && result; f++) {
                    // IS NULL needs every field NULL, IS NOT NULL every field set
                    result = RecordVectors.field(record, f).isNull(i) != negated;
                }
            }
            out.set(i, result ? 1 : 0);
        }
        out.setValueCount(rows);
        return out;
    }
}
