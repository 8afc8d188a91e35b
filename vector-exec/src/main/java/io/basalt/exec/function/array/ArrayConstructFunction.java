package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * {@code ARRAY[e1, e2, ...]}: one array per row of the arguments' values, NULLs kept as NULL elements. The
 * binder has cast every argument to the element type, so values copy vector to vector without boxing.
 */
public record ArrayConstructFunction() implements ScalarFunction {
    @Override
    public String name() {
        return "array";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        ListVector out = (ListVector) context.newVector(resultType, rows);
        FieldVector elements = ArrayVectors.elements(out);
        for (int i = 0; i < rows; i++) {
            int start = ArrayVectors.startRow(out, i);
            for (int k = 0; k < arguments.length; k++) {
                elements.copyFromSafe(i, start + k, arguments[k]);
            }
            ArrayVectors.endRow(out, i, arguments.length);
        }
        return out;
    }
}
