package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assigning to a subscript or slice of an array, as {@code UPDATE t SET a[i] = x} and
 * {@code INSERT INTO t (a[lo:hi]) ...} do in PostgreSQL: a NULL or empty array becomes an array of exactly the
 * assigned place (lower bounds from the subscripts); a one-dimensional array grows to take a subscript outside
 * its bounds, the gap filled with NULLs; a multidimensional one does not (2202E "array subscript out of range").
 * A slice takes its items from the source array in row-major order, whatever the source's shape, and a NULL
 * source leaves the array as it was. Errors carry PostgreSQL's SQLSTATEs and wording.
 */
public final class ArrayAssignment {
    /** PostgreSQL's MaxArraySize: the most elements an array may hold. */
    public static final int MAX_ELEMENTS = 134_217_727;

    private ArrayAssignment() {
    }

    /**
     * {@code array[subscripts...] = value}: a new array ({@code array} may be null). Subscripts must not be null.
     *
     * @throws BasaltException 22004 for a NULL subscript, 2202E for a wrong number of subscripts or one outside a
     *         multidimensional array, 54000 when the array would grow too large
     */
    public static ArrayValue assignElement(ArrayValue array, Integer[] subscripts, Object value) {
        checkNotNull(subscripts);
        int count = subscripts.length;
        if (array == null || array.dimensionCount() == 0) {
            int[] lengths = new int[count];
            int[] lowerBounds = new int[count];
            for (int d = 0; d < count; d++) {
                lengths[d] = 1;
                lowerBounds[d] = checkUpper(subscripts[d], 1);
            }
            return ArrayValue.of(java.util.Collections.singletonList(value), lengths, lowerBounds);
        }
        if (array.dimensionCount() != count) {
            throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts");
        }
        if (count == 1) {
            int index = subscripts[0];
            return assignRange(array, index, index, java.util.Collections.singletonList(value));
        }
        int offset = 0;
        for (int d = 0; d < count; d++) {
            long index = (long) subscripts[d] - array.lowerBound(d);
            if (index < 0 || index >= array.dimensionLength(d)) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array subscript out of range");
            }
            offset = offset * array.dimensionLength(d) + (int) index;
        }
        List<Object> elements = new ArrayList<>(array.elements());
        elements.set(offset, value);
        return ArrayValue.of(elements, array.lengths(), array.lowerBounds());
    }

    /**
     * {@code array[lo:hi]... = source}: a new array ({@code array} may be null; a null bound in {@code lowers}
     * or {@code uppers} was omitted); {@code array} (or the empty array for null) when {@code source} is null.
     *
     * @throws BasaltException 2202E when bounds are omitted on an empty array, the subscripts do not fit the
     *         array or the source has too few items; 54000 when the array would grow too large
     */
    public static ArrayValue assignSlice(ArrayValue array, Integer[] lowers, Integer[] uppers, ArrayValue source) {
        if (array == null) {
            array = ArrayValue.of(List.of());
        }
        if (source == null) {
            return array;
        }
        int count = lowers.length;
        if (array.dimensionCount() == 0) {
            return sliceOfEmpty(lowers, uppers, source);
        }
        int dimensions = array.dimensionCount();
        if (dimensions < count) {
            throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts");
        }
        long[] from = new long[dimensions];
        long[] to = new long[dimensions];
        for (int d = 0; d < dimensions; d++) {
            long lower = array.lowerBound(d);
            long upper = lower + array.dimensionLength(d) - 1;
            from[d] = d < count && lowers[d] != null ? lowers[d] : lower;
            to[d] = d < count && uppers[d] != null ? uppers[d] : upper;
            if (from[d] > to[d]) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "upper bound cannot be less than lower bound");
            }
        }
        long wanted = 1;
        for (int d = 0; d < dimensions; d++) {
            wanted *= to[d] - from[d] + 1;
        }
        if (dimensions == 1) {
            checkUpper(to[0], 1);
            if (to[0] - Math.min(from[0], array.lowerBound(0)) + 1 > MAX_ELEMENTS) {
                throw tooLarge();
            }
            if (wanted > source.length()) {
                throw tooSmall();
            }
            return assignRange(array, (int) from[0], (int) to[0], source.elements().subList(0, (int) wanted));
        }
        for (int d = 0; d < dimensions; d++) {
            if (from[d] < array.lowerBound(d) || to[d] >= (long) array.lowerBound(d) + array.dimensionLength(d)) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array subscript out of range");
            }
        }
        if (wanted > source.length()) {
            throw tooSmall();
        }
        List<Object> elements = new ArrayList<>(array.elements());
        int[] counter = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            counter[d] = (int) (from[d] - array.lowerBound(d));
        }
        for (int item = 0; item < wanted; item++) {
            int offset = 0;
            for (int d = 0; d < dimensions; d++) {
                offset = offset * array.dimensionLength(d) + counter[d];
            }
            elements.set(offset, source.get(item));
            for (int d = dimensions - 1; d >= 0; d--) {
                if (++counter[d] <= to[d] - array.lowerBound(d)) {
                    break;
                }
                counter[d] = (int) (from[d] - array.lowerBound(d));
            }
        }
        return ArrayValue.of(elements, array.lengths(), array.lowerBounds());
    }

    /** A slice assigned into an empty array: the slice's own shape, all of whose bounds must be given. */
    private static ArrayValue sliceOfEmpty(Integer[] lowers, Integer[] uppers, ArrayValue source) {
        int count = lowers.length;
        int[] lengths = new int[count];
        int[] lowerBounds = new int[count];
        long items = 1;
        for (int d = 0; d < count; d++) {
            if (lowers[d] == null || uppers[d] == null) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                                "array slice subscript must provide both boundaries")
                        .withDetail("When assigning to a slice of an empty array value, slice boundaries must be fully specified.");
            }
            long length = (long) uppers[d] - lowers[d] + 1;
            if (length <= 0) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "upper bound cannot be less than lower bound");
            }
            if (length > MAX_ELEMENTS) {
                throw tooLarge();
            }
            checkUpper(uppers[d], 1);
            items *= length;
            if (items > MAX_ELEMENTS) {
                throw tooLarge();
            }
            lengths[d] = (int) length;
            lowerBounds[d] = lowers[d];
        }
        if (items > source.length()) {
            throw tooSmall();
        }
        return ArrayValue.of(source.elements().subList(0, (int) items), lengths, lowerBounds);
    }

    /**
     * A one-dimensional {@code array} with positions {@code [from, to]} set to {@code values}, grown (NULL-filled)
     * to reach them.
     */
    private static ArrayValue assignRange(ArrayValue array, int from, int to, List<Object> values) {
        int lower = array.lowerBound(0);
        int length = array.dimensionLength(0);
        checkUpper(to, 1);
        long newLower = Math.min(lower, from);
        long newUpper = Math.max((long) lower + length - 1, to);
        if (newUpper - newLower + 1 > MAX_ELEMENTS) {
            throw tooLarge();
        }
        Object[] elements = new Object[(int) (newUpper - newLower + 1)];
        for (int k = 0; k < length; k++) {
            elements[(int) (lower - newLower) + k] = array.get(k);
        }
        for (int k = 0; k < values.size(); k++) {
            elements[(int) (from - newLower) + k] = values.get(k);
        }
        return ArrayValue.of(Arrays.asList(elements), new int[] {elements.length}, new int[] {(int) newLower});
    }

    private static void checkNotNull(Integer[] subscripts) {
        for (Integer subscript : subscripts) {
            if (subscript == null) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "array subscript in assignment must not be null");
            }
        }
    }

    /** A dimension ending at {@code upper} must leave room for one past it, as PostgreSQL's bound checks ask. */
    private static int checkUpper(long upper, int extra) {
        if (upper + extra > Integer.MAX_VALUE) {
            throw tooLarge();
        }
        return (int) upper;
    }

    private static BasaltException tooLarge() {
        return BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                "array size exceeds the maximum allowed (" + MAX_ELEMENTS + ")");
    }

    private static BasaltException tooSmall() {
        return BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "source array too small");
    }
}
