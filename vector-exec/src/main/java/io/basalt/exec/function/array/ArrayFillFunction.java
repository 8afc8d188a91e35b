package io.basalt.exec.function.array;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * {@code array_fill(value, dimensions [, lower_bounds])}: an array of the given lengths (and lower bounds,
 * else 1) with every element {@code value} (which may be NULL). The length and bound arrays must be
 * one-dimensional, of one size and without NULLs; a zero length or no lengths give the empty array. Errors as
 * PostgreSQL's (22004, 2202E, 54000). Arguments: the value, the lengths (integer[]), the bounds if given.
 */
public record ArrayFillFunction() implements ScalarFunction {
    @Override
    public String name() {
        return "array_fill";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector value = arguments[0];
        FieldVector lengths = arguments[1];
        FieldVector bounds = arguments.length > 2 ? arguments[2] : null;
        FieldVector out = context.newVector(resultType, rows);
        FieldVector elements = ArrayVectors.elements(out);
        for (int i = 0; i < rows; i++) {
            if (lengths.isNull(i) || bounds != null && bounds.isNull(i)) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                        "dimension array or low bound array cannot be null");
            }
            int[] dimensionLengths = integers(lengths, i, "Dimension array must be one dimensional.");
            int[] lowerBounds = new int[dimensionLengths.length];
            Arrays.fill(lowerBounds, 1);
            if (bounds != null) {
                int[] given = integers(bounds, i, "Low bound array must be one dimensional.");
                if (given.length != dimensionLengths.length) {
                    throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts")
                            .withDetail("Low bound array has different size than dimensions array.");
                }
                lowerBounds = given;
            }
            if (dimensionLengths.length > ArrayValue.MAX_DIMENSIONS) {
                throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "number of array dimensions ("
                        + dimensionLengths.length + ") exceeds the maximum allowed (" + ArrayValue.MAX_DIMENSIONS + ")");
            }
            long count = dimensionLengths.length == 0 ? 0 : 1;
            for (int d = 0; d < dimensionLengths.length; d++) {
                if (dimensionLengths[d] < 0) {
                    throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array size exceeds the maximum allowed ("
                            + io.basalt.type.ArrayAssignment.MAX_ELEMENTS + ")");
                }
                count *= dimensionLengths[d];
                if (count > io.basalt.type.ArrayAssignment.MAX_ELEMENTS) {
                    throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "array size exceeds the maximum allowed ("
                            + io.basalt.type.ArrayAssignment.MAX_ELEMENTS + ")");
                }
            }
            int start = ArrayVectors.startRow(out, i);
            for (int k = 0; k < count; k++) {
                elements.copyFromSafe(i, start + k, value);
            }
            if (count == 0) {
                ArrayVectors.endRow(out, i, 0);
            } else {
                ArrayVectors.endRow(out, i, (int) count, dimensionLengths, lowerBounds);
            }
        }
        return out;
    }

    /** Row {@code row} of an integer array as ints: one-dimensional (or empty) and without NULLs. */
    private static int[] integers(FieldVector array, int row, String notOneDimensional) {
        if (ArrayVectors.dimensionCount(array, row) > 1) {
            throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts")
                    .withDetail(notOneDimensional);
        }
        IntVector values = (IntVector) ArrayVectors.elements(array);
        int start = ArrayVectors.start(array, row);
        int[] result = new int[ArrayVectors.end(array, row) - start];
        for (int k = 0; k < result.length; k++) {
            if (values.isNull(start + k)) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "dimension values cannot be null");
            }
            result[k] = values.get(start + k);
        }
        return result;
    }
}
