package io.basalt.exec.function.array;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * The functions that look for a value in an array, matching as IS NOT DISTINCT FROM does (a NULL finds NULL
 * elements): {@code array_position(a, x [, start])} (the first match at or after {@code start}, else NULL),
 * {@code array_positions(a, x)} (every match, as an integer array), {@code array_remove(a, x)} and
 * {@code array_replace(a, x, y)}. A NULL array gives NULL. Arguments are the array then values of its
 * element type.
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
        ListVector array = (ListVector) arguments[0];
        FieldVector elements = ArrayVectors.elements(array);
        FieldVector value = arguments[1];
        FieldVector out = context.newVector(resultType, rows);
        FieldVector outElements = out instanceof ListVector list ? ArrayVectors.elements(list) : null;
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i)) {
                if (out instanceof ListVector list) {
                    list.setNull(i);
                }
                continue;
            }
            int start = ArrayVectors.start(array, i);
            int end = ArrayVectors.end(array, i);
            switch (kind) {
                case POSITION -> {
                    int from = start;
                    if (arguments.length > 2) {
                        if (arguments[2].isNull(i)) {
                            throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "initial position must not be null");
                        }
                        from = start + Math.max(0, ((IntVector) arguments[2]).get(i) - 1);
                    }
                    for (int k = from; k < end; k++) {
                        if (ArraySearchFunction.matches(value, i, elements, k)) {
                            ((IntVector) out).set(i, k - start + 1);
                            break;
                        }
                    }
                }
                case POSITIONS -> {
                    ListVector list = (ListVector) out;
                    IntVector positions = (IntVector) outElements;
                    int at = ArrayVectors.startRow(list, i);
                    int count = 0;
                    for (int k = start; k < end; k++) {
                        if (matches(value, i, elements, k)) {
                            positions.setSafe(at + count++, k - start + 1);
                        }
                    }
                    ArrayVectors.endRow(list, i, count);
                }
                case REMOVE, REPLACE -> {
                    ListVector list = (ListVector) out;
                    int at = ArrayVectors.startRow(list, i);
                    int count = 0;
                    for (int k = start; k < end; k++) {
                        if (!matches(value, i, elements, k)) {
                            outElements.copyFromSafe(k, at + count++, elements);
                        } else if (kind == Kind.REPLACE) {
                            outElements.copyFromSafe(i, at + count++, arguments[2]);
                        }
                    }
                    ArrayVectors.endRow(list, i, count);
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
