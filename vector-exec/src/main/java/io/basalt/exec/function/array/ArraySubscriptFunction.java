package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * {@code a[i]} and {@code a[lo:hi]} with PostgreSQL's rules for one-dimensional arrays with lower bound 1:
 * subscripts count from 1, an element outside the array is NULL, a slice is clipped to the array (an empty
 * array when nothing is left), an omitted slice bound means the array's own bound, and a NULL subscript
 * makes the result NULL. Arguments: the array, then the integer subscripts present.
 */
public record ArraySubscriptFunction(boolean slice, boolean hasLower, boolean hasUpper) implements ScalarFunction {
    /** {@code a[i]}: arguments (array, integer). */
    public static ArraySubscriptFunction element() {
        return new ArraySubscriptFunction(false, true, false);
    }

    /** {@code a[lo:hi]}: arguments (array, lo if present, hi if present). */
    public static ArraySubscriptFunction slice(boolean hasLower, boolean hasUpper) {
        return new ArraySubscriptFunction(true, hasLower, hasUpper);
    }

    @Override
    public String name() {
        return slice ? "array_slice" : "array_subscript";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        ListVector array = (ListVector) arguments[0];
        IntVector lower = hasLower ? (IntVector) arguments[1] : null;
        IntVector upper = hasUpper ? (IntVector) arguments[hasLower ? 2 : 1] : null;
        FieldVector elements = ArrayVectors.elements(array);
        FieldVector out = context.newVector(resultType, rows);
        if (!slice) {
            for (int i = 0; i < rows; i++) {
                if (array.isNull(i) || lower.isNull(i)) {
                    continue;
                }
                int start = ArrayVectors.start(array, i);
                int length = ArrayVectors.end(array, i) - start;
                long index = lower.get(i);
                if (index >= 1 && index <= length) {
                    out.copyFromSafe(start + (int) index - 1, i, elements);
                }
            }
            return out;
        }
        ListVector result = (ListVector) out;
        FieldVector resultElements = ArrayVectors.elements(result);
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i) || lower != null && lower.isNull(i) || upper != null && upper.isNull(i)) {
                result.setNull(i);
                continue;
            }
            int start = ArrayVectors.start(array, i);
            int length = ArrayVectors.end(array, i) - start;
            long from = Math.max(1, lower == null ? 1 : lower.get(i));
            long to = Math.min(length, upper == null ? length : upper.get(i));
            int target = ArrayVectors.startRow(result, i);
            int count = 0;
            for (long k = from; k <= to; k++) {
                resultElements.copyFromSafe(start + (int) k - 1, target + count, elements);
                count++;
            }
            ArrayVectors.endRow(result, i, count);
        }
        return result;
    }
}
