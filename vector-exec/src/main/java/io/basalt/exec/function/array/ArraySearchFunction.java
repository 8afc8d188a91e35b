package io.basalt.exec.function.array;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * The functions that look for a value in an array, matching as IS NOT DISTINCT FROM does (a NULL finds NULL
 * elements): {@code array_position(a, x [, start])} (the first match at or after {@code start}, else NULL),
 * {@code array_positions(a, x)} (every match, as an integer array), {@code array_remove(a, x)} and
 * {@code array_replace(a, x, y)}. A NULL array gives NULL. Positions count from the array's lower bound,
 * which array_remove keeps and array_replace keeps with the whole shape; the others refuse multidimensional
 * arrays (0A000). Arguments are the array then values of its element type.
 */
public record ArraySearchFunction(ArraySearchFunction.Kind kind) implements ScalarFunction {
    /** The functions, by PostgreSQL name. */
    public enum Kind {
        POSITION("array_position"), POSITIONS("array_positions"), REMOVE("array_remove"), REPLACE("array_replace");

        private final String functionName;

        Kind(String functionName) {
            this.functionName = functionName;
        }
    }

    @Override
    public String name() {
        return kind.functionName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector array = arguments[0];
        FieldVector elements = ArrayVectors.elements(array);
        FieldVector value = arguments[1];
        FieldVector out = context.newVector(resultType, rows);
        FieldVector outElements = ArrayVectors.isArray(out) ? ArrayVectors.elements(out) : null;
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i)) {
                if (outElements != null) {
                    ArrayVectors.setNull(out, i);
                }
                continue;
            }
            int start = ArrayVectors.start(array, i);
            int end = ArrayVectors.end(array, i);
            int dimensions = ArrayVectors.dimensionCount(array, i);
            if (dimensions > 1 && kind != Kind.REPLACE) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, kind == Kind.REMOVE
                        ? "removing elements from multidimensional arrays is not supported"
                        : "searching for elements in multidimensional arrays is not supported");
            }
            int lower = dimensions == 1 ? ArrayVectors.lowerBound(array, i, 0) : 1;
            switch (kind) {
                case POSITION -> {
                    long from = lower;
                    if (arguments.length > 2) {
                        if (arguments[2].isNull(i)) {
                            throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "initial position must not be null");
                        }
                        from = ((IntVector) arguments[2]).get(i);
                    }
                    for (int k = (int) Math.max(start, Math.min(end, start + from - lower)); k < end; k++) {
                        if (ArraySearchFunction.matches(value, i, elements, k)) {
                            ((IntVector) out).set(i, k - start + lower);
                            break;
                        }
                    }
                }
                case POSITIONS -> {
                    IntVector positions = (IntVector) outElements;
                    int at = ArrayVectors.startRow(out, i);
                    int count = 0;
                    for (int k = start; k < end; k++) {
                        if (matches(value, i, elements, k)) {
                            positions.setSafe(at + count++, k - start + lower);
                        }
                    }
                    ArrayVectors.endRow(out, i, count);
                }
                case REMOVE, REPLACE -> {
                    int at = ArrayVectors.startRow(out, i);
                    int count = 0;
                    for (int k = start; k < end; k++) {
                        if (!matches(value, i, elements, k)) {
                            outElements.copyFromSafe(k, at + count++, elements);
                        } else if (kind == Kind.REPLACE) {
                            outElements.copyFromSafe(i, at + count++, arguments[2]);
                        }
                    }
                    if (!ArrayVectors.isShaped(array, i)) {
                        ArrayVectors.endRow(out, i, count);
                    } else if (kind == Kind.REMOVE) {
                        ArrayVectors.endRow(out, i, count, new int[] {count}, new int[] {lower});
                    } else {
                        int[] lengths = new int[dimensions];
                        int[] lowerBounds = new int[dimensions];
                        for (int d = 0; d < dimensions; d++) {
                            lengths[d] = ArrayVectors.dimensionLength(array, i, d);
                            lowerBounds[d] = ArrayVectors.lowerBound(array, i, d);
                        }
                        ArrayVectors.endRow(out, i, count, lengths, lowerBounds);
                    }
                }
            }
        }
        return out;
    }

    private static boolean matches(FieldVector value, int row, FieldVector elements, int k) {
        boolean valueNull = value.isNull(row);
        boolean elementNull = elements.isNull(k);
        if (valueNull || elementNull) {
            return valueNull && elementNull;
        }
        return io.basalt.exec.vector.ValueComparison.compare(value, row, elements, k) == 0;
    }
}
