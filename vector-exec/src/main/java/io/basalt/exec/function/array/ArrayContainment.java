package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code a @> b} (contains), {@code a <@ b} (is contained by) and {@code a && b} (overlaps), as PostgreSQL
 * defines them: containment asks that every element of the contained array equal some element of the other
 * (a NULL element is never contained), overlap that some non-NULL element of one equal an element of the
 * other. Duplicates do not matter. NULL arrays give NULL.
 */
public record ArrayContainment(ArrayContainment.Kind kind) implements ScalarFunction {
    /** The three operators. */
    public enum Kind {
        CONTAINS("@>"), CONTAINED_BY("<@"), OVERLAPS("&&");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    @Override
    public String name() {
        return kind.symbol();
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector left = arguments[0];
        FieldVector right = arguments[1];
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        for (int i = 0; i < rows; i++) {
            if (left.isNull(i) || right.isNull(i)) {
                continue;
            }
            boolean result = switch (kind) {
                case CONTAINS -> everyFound(right, left, i);
                case CONTAINED_BY -> everyFound(left, right, i);
                case OVERLAPS -> anyFound(left, right, i);
            };
            out.set(i, result ? 1 : 0);
        }
        return out;
    }

    /** Whether every element of {@code inner}'s row is a non-NULL value found in {@code outer}'s row. */
    private static boolean everyFound(FieldVector inner, FieldVector outer, int row) {
        FieldVector elements = ArrayVectors.elements(inner);
        for (int k = ArrayVectors.start(inner, row), end = ArrayVectors.end(inner, row); k < end; k++) {
            if (elements.isNull(k) || !found(elements, k, outer, row)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyFound(FieldVector first, FieldVector second, int row) {
        FieldVector elements = ArrayVectors.elements(first);
        for (int k = ArrayVectors.start(first, row), end = ArrayVectors.end(first, row); k < end; k++) {
            if (!elements.isNull(k) && found(elements, k, second, row)) {
                return true;
            }
        }
        return false;
    }

    private static boolean found(FieldVector values, int index, FieldVector array, int row) {
        FieldVector elements = ArrayVectors.elements(array);
        for (int k = ArrayVectors.start(array, row), end = ArrayVectors.end(array, row); k < end; k++) {
            if (!elements.isNull(k) && ValueComparison.compare(values, index, elements, k) == 0) {
                return true;
            }
        }
        return false;
    }
}
