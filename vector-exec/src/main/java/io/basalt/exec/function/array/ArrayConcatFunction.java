package io.basalt.exec.function.array;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code array_cat} / {@code array || array}, {@code array_append} / {@code array || element} and
 * {@code array_prepend} / {@code element || array}. A NULL array counts as empty unless both sides are NULL
 * arrays (then the result is NULL); a NULL element is appended or prepended as a NULL element. Shapes follow
 * PostgreSQL: appending and prepending keep the lower bound (both need an empty or one-dimensional array); arrays of equal dimensions join along the first, whose lower bound the left one
 * gives, when their other dimensions match; an array of one dimension fewer joins as one more item of the
 * other's first dimension; anything else fails with 2202E.
 */
public record ArrayConcatFunction(ArrayConcatFunction.Kind kind) implements ScalarFunction {
    /** Which sides are arrays. */
    public enum Kind {
        CAT("array_cat"), APPEND("array_append"), PREPEND("array_prepend");

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
        FieldVector out = context.newVector(resultType, rows);
        FieldVector target = ArrayVectors.elements(out);
        FieldVector first = arguments[0];
        FieldVector second = arguments[1];
        for (int i = 0; i < rows; i++) {
            if (kind == Kind.CAT && first.isNull(i) && second.isNull(i)) {
                ArrayVectors.setNull(out, i);
                continue;
            }
            int[][] shape = shape(first, second, i);
            int start = ArrayVectors.startRow(out, i);
            int count = kind == Kind.PREPEND ? copyElement(first, i, target, start)
                    : copyArray(first, i, target, start);
            count += kind == Kind.APPEND ? copyElement(second, i, target, start + count)
                    : copyArray(second, i, target, start + count);
            if (shape == null) {
                ArrayVectors.endRow(out, i, count);
            } else {
                ArrayVectors.endRow(out, i, count, shape[0], shape[1]);
            }
        }
        return out;
    }

    /**
     * The result's shape (lengths, lower bounds) for row {@code row}, or null when it is one dimension from 1
     * (or empty); fails as PostgreSQL does when the shapes do not fit together.
     */
    private int[][] shape(FieldVector first, FieldVector second, int row) {
        if (kind != Kind.CAT) {
            FieldVector array = kind == Kind.APPEND ? first : second;
            if (array.isNull(row) || ArrayVectors.dimensionCount(array, row) == 0) {
                return null;
            }
            if (ArrayVectors.dimensionCount(array, row) != 1) {
                throw BasaltException.of(SqlState.DATA_EXCEPTION, "argument must be empty or one-dimensional array");
            }
            int lower = ArrayVectors.lowerBound(array, row, 0);
            int length = ArrayVectors.dimensionLength(array, row, 0);
            if ((long) lower + length > Integer.MAX_VALUE) {
                throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
            }
            return lower == 1 ? null : new int[][] {{length + 1}, {lower}};
        }
        int firstDimensions = first.isNull(row) ? 0 : ArrayVectors.dimensionCount(first, row);
        int secondDimensions = second.isNull(row) ? 0 : ArrayVectors.dimensionCount(second, row);
        if (firstDimensions == 0 || secondDimensions == 0) {
            FieldVector only = firstDimensions == 0 ? second : first;
            return only.isNull(row) || !ArrayVectors.isShaped(only, row) ? null : shapeOf(only, row);
        }
        if (Math.abs(firstDimensions - secondDimensions) > 1) {
            throw incompatible("Arrays of " + firstDimensions + " and " + secondDimensions
                    + " dimensions are not compatible for concatenation.");
        }
        if (firstDimensions == 1 && secondDimensions == 1 && !ArrayVectors.isShaped(first, row)) {
            return null;
        }
        if (firstDimensions == secondDimensions) {
            int[][] shape = shapeOf(first, row);
            for (int d = 1; d < firstDimensions; d++) {
                if (shape[0][d] != ArrayVectors.dimensionLength(second, row, d)
                        || shape[1][d] != ArrayVectors.lowerBound(second, row, d)) {
                    throw incompatible("Arrays with differing element dimensions are not compatible for concatenation.");
                }
            }
            shape[0][0] += ArrayVectors.dimensionLength(second, row, 0);
            return shape;
        }
        FieldVector outer = firstDimensions > secondDimensions ? first : second;
        FieldVector inner = firstDimensions > secondDimensions ? second : first;
        int[][] shape = shapeOf(outer, row);
        for (int d = 0; d < shape[0].length - 1; d++) {
            if (ArrayVectors.dimensionLength(inner, row, d) != shape[0][d + 1]
                    || ArrayVectors.lowerBound(inner, row, d) != shape[1][d + 1]) {
                throw incompatible("Arrays with differing dimensions are not compatible for concatenation.");
            }
        }
        shape[0][0] += 1;
        return shape;
    }

    private static int[][] shapeOf(FieldVector array, int row) {
        int dimensions = ArrayVectors.dimensionCount(array, row);
        int[][] shape = new int[2][dimensions];
        for (int d = 0; d < dimensions; d++) {
            shape[0][d] = ArrayVectors.dimensionLength(array, row, d);
            shape[1][d] = ArrayVectors.lowerBound(array, row, d);
        }
        return shape;
    }

    private static BasaltException incompatible(String detail) {
        return BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "cannot concatenate incompatible arrays")
                .withDetail(detail);
    }

    private static int copyArray(FieldVector array, int row, FieldVector target, int at) {
        if (array.isNull(row)) {
            return 0;
        }
        FieldVector elements = ArrayVectors.elements(array);
        int start = ArrayVectors.start(array, row);
        int end = ArrayVectors.end(array, row);
        for (int k = start; k < end; k++) {
            target.copyFromSafe(k, at + k - start, elements);
        }
        return end - start;
    }

    private static int copyElement(FieldVector values, int row, FieldVector target, int at) {
        target.copyFromSafe(row, at, values);
        return 1;
    }
}
