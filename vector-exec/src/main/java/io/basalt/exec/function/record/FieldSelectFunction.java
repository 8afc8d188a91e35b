package io.basalt.exec.function.record;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.RecordVectors;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/** {@code (record).field}: the field's value, NULL where the record is NULL. */
public record FieldSelectFunction(int index) implements ScalarFunction {
    @Override
    public String name() {
        return "field selection";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector record = arguments[0];
        FieldVector field = RecordVectors.field(record, index);
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (record.isNull(i)) {
                io.basalt.exec.vector.ValueAccess.set(out, i, null);
            } else {
                VectorGather.copyValue(field, i, out, i);
            }
        }
        out.setValueCount(rows);
        return out;
    }
}
