package io.basalt.exec.function.record;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.RecordVectors;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * {@code ROW(e1, e2, ...)} (and a whole-row reference, which is the row of the table's columns): one record
 * per row of the arguments' values, never NULL itself, its fields NULL where an argument is. The binder has
 * cast every argument to its field's type, so values copy vector to vector, one field column at a time.
 */
public record RowConstructFunction() implements ScalarFunction {
    @Override
    public String name() {
        return "row";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        StructVector struct = (StructVector) out;
        for (int i = 0; i < rows; i++) {
            struct.setIndexDefined(i);
        }
        for (int f = 0; f < arguments.length; f++) {
            FieldVector field = RecordVectors.field(out, f);
            FieldVector argument = arguments[f];
            for (int i = 0; i < rows; i++) {
                VectorGather.copyValue(argument, i, field, i);
            }
        }
        out.setValueCount(rows);
        return out;
    }
}
