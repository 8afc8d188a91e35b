package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * The functions that describe an array's shape: {@code array_length(a, dim)}, {@code cardinality(a)},
 * {@code array_lower(a, dim)}, {@code array_upper(a, dim)}, {@code array_ndims(a)} and {@code array_dims(a)}.
 * Arrays here have one dimension with lower bound 1; an empty array has no dimensions, so every function but
 * cardinality (0) returns NULL for it, and so does a dimension other than 1.
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
        ListVector array = (ListVector) arguments[0];
        IntVector dimension = kind.takesDimension() ? (IntVector) arguments[1] : null;
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i) || dimension != null && dimension.isNull(i)) {
                continue;
            }
            int length = ArrayVectors.end(array, i) - ArrayVectors.start(array, i);
            if (kind == Kind.CARDINALITY) {
                ((IntVector) out).set(i, length);
                continue;
            }
            if (length == 0 || dimension != null && dimension.get(i) != 1) {
                continue;
            }
            switch (kind) {
                case LENGTH, UPPER -> ((IntVector) out).set(i, length);
                case LOWER, NDIMS -> ((IntVector) out).set(i, 1);
                case DIMS -> ((VarCharVector) out).setSafe(i, ("[1:" + length + "]").getBytes(StandardCharsets.UTF_8));
                case CARDINALITY -> throw new IllegalStateException();
            }
        }
        return out;
    }
}
