package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code ARRAY[e1, e2, ...]}: one array per row of the arguments' values, NULLs kept as NULL elements. The
 * binder has cast every argument to the element type, so values copy vector to vector without boxing. With
 * {@code nested}, the arguments are arrays of the result type and become the items of a new first dimension
 * ({@link ArrayValue#stack}); that rare path goes through Java values.
 */
public record ArrayConstructFunction(boolean nested) implements ScalarFunction {
    public ArrayConstructFunction() {
        this(false);
    }

    @Override
    public String name() {
        return "array";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        if (nested) {
            for (int i = 0; i < rows; i++) {
                List<ArrayValue> subarrays = new ArrayList<>(arguments.length);
                for (FieldVector argument : arguments) {
                    subarrays.add(argument.isNull(i) ? null : ArrayVectors.get(argument, i));
                }
                ArrayVectors.set(out, i, ArrayValue.stack(subarrays));
            }
            return out;
        }
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
