package io.basalt.exec.function.array;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * {@code width_bucket(operand, thresholds)}: the number of the bucket the operand falls in, given the lower
 * bounds of the buckets as a sorted one-dimensional array without NULLs: 0 below the first threshold, else the
 * position of the last threshold not above the operand, found by PostgreSQL's binary search (so an unsorted
 * array gives what PostgreSQL gives). NaN sorts above every number. Arguments: the operand and the thresholds,
 * of one element type.
 */
public record ArrayWidthBucketFunction() implements ScalarFunction {
    @Override
    public String name() {
        return "width_bucket";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector operand = arguments[0];
        FieldVector thresholds = arguments[1];
        FieldVector elements = ArrayVectors.elements(thresholds);
        IntVector out = (IntVector) context.newVector(LogicalType.INTEGER, rows);
        for (int i = 0; i < rows; i++) {
            if (operand.isNull(i) || thresholds.isNull(i)) {
                continue;
            }
            if (ArrayVectors.dimensionCount(thresholds, i) > 1) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "thresholds must be one-dimensional array");
            }
            int start = ArrayVectors.start(thresholds, i);
            int end = ArrayVectors.end(thresholds, i);
            for (int k = start; k < end; k++) {
                if (elements.isNull(k)) {
                    throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "thresholds array must not contain NULLs");
                }
            }
            int left = 0;
            int right = end - start;
            while (left < right) {
                int middle = (left + right) >>> 1;
                if (ValueComparison.compare(operand, i, elements, start + middle) < 0) {
                    right = middle;
                } else {
                    left = middle + 1;
                }
            }
            out.set(i, left);
        }
        return out;
    }
}
