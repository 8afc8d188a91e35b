package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The functions that describe an array's shape: {@code array_length(a, dim)}, {@code cardinality(a)},
 * {@code array_lower(a, dim)}, {@code array_upper(a, dim)}, {@code array_ndims(a)} and {@code array_dims(a)}.
 * An empty array has no dimensions, so every function but cardinality (0) returns NULL for it, and so does a
 * dimension number outside {@code [1, ndims]}. cardinality counts the elements of all dimensions.
 */
public record ArrayShapeFunction(ArrayShapeFunction.Kind kind) implements ScalarFunction {
    /** The functions, by PostgreSQL name. */
    public enum Kind {
        LENGTH("array_length"), CARDINALITY("cardinality"), LOWER("array_lower"), UPPER("array_upper"),
        NDIMS("array_ndims"), DIMS("array_dims");

        private final String functionName;

        Kind(String functionName) {
            this.functionName = functionName;
        }

        /** Whether the function takes a dimension number after the array. */
        public boolean takesDimension() {
            return this == LENGTH || this == LOWER || this == UPPER;
        }
    }

    @Override
    public String name() {
        return kind.functionName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector array = arguments[0];
        IntVector dimension = kind.takesDimension() ? (IntVector) arguments[1] : null;
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i) || dimension != null && dimension.isNull(i)) {
                continue;
            }
            if (kind == Kind.CARDINALITY) {
                ((IntVector) out).set(i, ArrayVectors.end(array, i) - ArrayVectors.start(array, i));
                continue;
            }
            int dimensions = ArrayVectors.dimensionCount(array, i);
            if (dimensions == 0) {
                continue;
            }
            int d = dimension == null ? 0 : dimension.get(i) - 1;
            if (d < 0 || d >= dimensions) {
                continue;
            }
            int lower = ArrayVectors.lowerBound(array, i, d);
            int length = ArrayVectors.dimensionLength(array, i, d);
            switch (kind) {
                case LENGTH -> ((IntVector) out).set(i, length);
                case UPPER -> ((IntVector) out).set(i, lower + length - 1);
                case LOWER -> ((IntVector) out).set(i, lower);
                case NDIMS -> ((IntVector) out).set(i, dimensions);
                case DIMS -> ((VarCharVector) out).setSafe(i, dims(array, i, dimensions).getBytes(StandardCharsets.UTF_8));
                case CARDINALITY -> throw new IllegalStateException();
            }
        }
        return out;
    }

    /** array_dims: {@code [lo:hi]} per dimension. */
    private static String dims(FieldVector array, int row, int dimensions) {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < dimensions; d++) {
            int lower = ArrayVectors.lowerBound(array, row, d);
            text.append('[').append(lower).append(':').append(lower + ArrayVectors.dimensionLength(array, row, d) - 1)
                    .append(']');
        }
        return text.toString();
    }
}
