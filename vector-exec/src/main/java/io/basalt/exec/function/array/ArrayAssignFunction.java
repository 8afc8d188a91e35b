package io.basalt.exec.function.array;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayAssignment;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * The new value of an array column after {@code a[i]... = x} or {@code a[lo:hi]... = source} (see
 * {@link ArrayAssignment} for the rules). Arguments: the old array, then per subscript its lower bound when
 * {@code lowerPresent} says so and its upper bound when {@code upperPresent} says so (element assignments have
 * lower bounds only), then the assigned value (an element, or an array for a slice). A NULL subscript fails
 * (22004). Writes are rare, so rows go through Java values.
 */
public record ArrayAssignFunction(boolean slice, List<Boolean> lowerPresent, List<Boolean> upperPresent)
        implements ScalarFunction {
    public ArrayAssignFunction {
        lowerPresent = List.copyOf(lowerPresent);
        upperPresent = List.copyOf(upperPresent);
    }

    @Override
    public String name() {
        return slice ? "array_slice_assign" : "array_subscript_assign";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector array = arguments[0];
        FieldVector value = arguments[arguments.length - 1];
        int count = lowerPresent.size();
        FieldVector out = context.newVector(resultType, rows);
        Integer[] lowers = new Integer[count];
        Integer[] uppers = new Integer[count];
        for (int i = 0; i < rows; i++) {
            int argument = 1;
            for (int s = 0; s < count; s++) {
                lowers[s] = lowerPresent.get(s) ? subscript(arguments[argument++], i) : null;
                uppers[s] = upperPresent.get(s) ? subscript(arguments[argument++], i) : null;
            }
            ArrayValue old = array.isNull(i) ? null : ArrayVectors.get(array, i);
            ArrayValue result = slice
                    ? ArrayAssignment.assignSlice(old, lowers, uppers,
                            value.isNull(i) ? null : ArrayVectors.get(value, i))
                    : ArrayAssignment.assignElement(old, lowers, ValueAccess.get(value, i));
            ArrayVectors.set(out, i, result);
        }
        return out;
    }

    private static Integer subscript(FieldVector subscript, int row) {
        if (subscript.isNull(row)) {
            throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "array subscript in assignment must not be null");
        }
        return ((IntVector) subscript).get(row);
    }
}
