package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * {@code a[i][j]...} and {@code a[lo:hi][lo:hi]...} with PostgreSQL's rules. An element fetch needs one
 * subscript per dimension, each counted from the dimension's lower bound; anything else (too few or too many
 * subscripts, one outside the bounds, a NULL subscript) is NULL. A slice clips each bound to the array (an
 * omitted bound means the array's own), keeps the dimensions beyond the subscripts whole, and gives an array
 * with lower bounds 1, or an empty array when nothing is left or the array has fewer dimensions than there are
 * subscripts; a NULL bound makes it NULL.
 *
 * <p>Arguments: the array, then per subscript its lower bound when {@code lowerPresent} says so and its upper
 * bound when {@code upperPresent} says so (element fetches have lower bounds only).
 */
public record ArraySubscriptFunction(boolean slice, List<Boolean> lowerPresent, List<Boolean> upperPresent)
        implements ScalarFunction {
    public ArraySubscriptFunction {
        lowerPresent = List.copyOf(lowerPresent);
        upperPresent = List.copyOf(upperPresent);
    }

    /** {@code a[i]...}: arguments (array, one integer per subscript). */
    public static ArraySubscriptFunction element(int subscripts) {
        return new ArraySubscriptFunction(false, java.util.Collections.nCopies(subscripts, true),
                java.util.Collections.nCopies(subscripts, false));
    }

    /** {@code a[lo:hi]} with one dimension: arguments (array, lo if present, hi if present). */
    public static ArraySubscriptFunction slice(boolean hasLower, boolean hasUpper) {
        return new ArraySubscriptFunction(true, List.of(hasLower), List.of(hasUpper));
    }

    @Override
    public String name() {
        return slice ? "array_slice" : "array_subscript";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector array = arguments[0];
        int count = lowerPresent.size();
        IntVector[] lowers = new IntVector[count];
        IntVector[] uppers = new IntVector[count];
        int argument = 1;
        for (int s = 0; s < count; s++) {
            lowers[s] = lowerPresent.get(s) ? (IntVector) arguments[argument++] : null;
            uppers[s] = upperPresent.get(s) ? (IntVector) arguments[argument++] : null;
        }
        FieldVector out = context.newVector(resultType, rows);
        if (!slice) {
            fetch(array, lowers, rows, out);
        } else {
            slice(array, lowers, uppers, rows, out);
        }
        return out;
    }

    private static void fetch(FieldVector array, IntVector[] subscripts, int rows, FieldVector out) {
        FieldVector elements = ArrayVectors.elements(array);
        rows:
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i) || ArrayVectors.dimensionCount(array, i) != subscripts.length) {
                continue;
            }
            int offset = 0;
            for (int d = 0; d < subscripts.length; d++) {
                if (subscripts[d].isNull(i)) {
                    continue rows;
                }
                long index = (long) subscripts[d].get(i) - ArrayVectors.lowerBound(array, i, d);
                int length = ArrayVectors.dimensionLength(array, i, d);
                if (index < 0 || index >= length) {
                    continue rows;
                }
                offset = offset * length + (int) index;
            }
            out.copyFromSafe(ArrayVectors.start(array, i) + offset, i, elements);
        }
    }

    private static void slice(FieldVector array, IntVector[] lowers, IntVector[] uppers, int rows, FieldVector out) {
        FieldVector elements = ArrayVectors.elements(array);
        FieldVector resultElements = ArrayVectors.elements(out);
        int[] from = new int[io.basalt.type.ArrayValue.MAX_DIMENSIONS];
        int[] to = new int[io.basalt.type.ArrayValue.MAX_DIMENSIONS];
        rows:
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i)) {
                ArrayVectors.setNull(out, i);
                continue;
            }
            for (int s = 0; s < lowers.length; s++) {
                if (lowers[s] != null && lowers[s].isNull(i) || uppers[s] != null && uppers[s].isNull(i)) {
                    ArrayVectors.setNull(out, i);
                    continue rows;
                }
            }
            int dimensions = ArrayVectors.dimensionCount(array, i);
            int target = ArrayVectors.startRow(out, i);
            if (dimensions < lowers.length || dimensions == 0) {
                ArrayVectors.endRow(out, i, 0);
                continue;
            }
            boolean empty = false;
            for (int d = 0; d < dimensions; d++) {
                int lower = ArrayVectors.lowerBound(array, i, d);
                long upper = (long) lower + ArrayVectors.dimensionLength(array, i, d) - 1;
                long wantedLower = d < lowers.length && lowers[d] != null ? lowers[d].get(i) : lower;
                long wantedUpper = d < uppers.length && uppers[d] != null ? uppers[d].get(i) : upper;
                from[d] = (int) (Math.max(wantedLower, lower) - lower);
                to[d] = (int) (Math.min(wantedUpper, upper) - lower);
                empty |= from[d] > to[d];
            }
            if (empty) {
                ArrayVectors.endRow(out, i, 0);
                continue;
            }
            int start = ArrayVectors.start(array, i);
            int count = copyBlock(array, i, dimensions, from, to, elements, start, resultElements, target);
            int[] lengths = new int[dimensions];
            int[] lowerBounds = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                lengths[d] = to[d] - from[d] + 1;
                lowerBounds[d] = 1;
            }
            ArrayVectors.endRow(out, i, count, lengths, lowerBounds);
        }
    }

    /** Copies the block {@code [from, to]} (per dimension, 0-based) of row {@code row} in row-major order. */
    private static int copyBlock(FieldVector array, int row, int dimensions, int[] from, int[] to,
                                 FieldVector elements, int start, FieldVector target, int at) {
        int[] counter = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            counter[d] = from[d];
        }
        int count = 0;
        while (true) {
            int offset = 0;
            for (int d = 0; d < dimensions; d++) {
                offset = offset * ArrayVectors.dimensionLength(array, row, d) + counter[d];
            }
            target.copyFromSafe(start + offset, at + count++, elements);
            int d = dimensions - 1;
            while (d >= 0 && counter[d] == to[d]) {
                counter[d] = from[d];
                d--;
            }
            if (d < 0) {
                return count;
            }
            counter[d]++;
        }
    }
}
