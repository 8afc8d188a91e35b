package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.Arrays;
import java.util.List;

/**
 * The canonical Java form of a SQL array (see {@code ValueAccess}): its elements in row-major order, each in
 * its element type's canonical form or null, and its shape: the length and lower bound of each dimension. An
 * empty array has no dimensions; {@link #of(List)} makes the common one-dimensional array with lower bound
 * 1. Used for constants, parameters, rendering and the rare multidimensional paths, never per row in a hot
 * loop over one-dimensional arrays.
 */
public final class ArrayValue {
    /** PostgreSQL's MAXDIM: the most dimensions an array may have. */
    public static final int MAX_DIMENSIONS = 6;
    private static final int[] NONE = new int[0];

    private final Object[] elements;
    private final int[] lengths;
    private final int[] lowerBounds;

    private ArrayValue(Object[] elements, int[] lengths, int[] lowerBounds) {
        this.elements = elements;
        this.lengths = lengths;
        this.lowerBounds = lowerBounds;
    }

    /** A one-dimensional array with lower bound 1 of {@code elements} (none: the empty array); the list is copied. */
    public static ArrayValue of(List<?> elements) {
        Object[] values = elements.toArray();
        return values.length == 0 ? new ArrayValue(values, NONE, NONE)
                : new ArrayValue(values, new int[] {values.length}, new int[] {1});
    }

    /**
     * An array of {@code elements} in row-major order with the given dimension lengths and lower bounds (both
     * copied). Any zero length, or no dimensions, makes the empty array.
     *
     * @throws BasaltException 54000 when the shape has more than {@link #MAX_DIMENSIONS} dimensions or more
     *         elements than an array may hold, XX000 when the element count does not match the shape
     */
    public static ArrayValue of(List<?> elements, int[] lengths, int[] lowerBounds) {
        Object[] values = elements.toArray();
        if (lengths.length != lowerBounds.length) {
            throw BasaltException.internal("array shape has " + lengths.length + " lengths and "
                    + lowerBounds.length + " lower bounds");
        }
        if (lengths.length > MAX_DIMENSIONS) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "number of array dimensions ("
                    + lengths.length + ") exceeds the maximum allowed (" + MAX_DIMENSIONS + ")");
        }
        long count = lengths.length == 0 ? 0 : 1;
        for (int length : lengths) {
            count *= length;
        }
        if (count == 0) {
            if (values.length != 0) {
                throw BasaltException.internal("empty array shape with " + values.length + " elements");
            }
            return new ArrayValue(values, NONE, NONE);
        }
        if (count != values.length) {
            throw BasaltException.internal("array shape of " + count + " elements holds " + values.length);
        }
        return new ArrayValue(values, lengths.clone(), lowerBounds.clone());
    }

    /**
     * {@code ARRAY[sub1, sub2, ...]} over arrays: one more dimension in front (lower bound 1) of sub-arrays that
     * all have the same shape. NULL and empty sub-arrays are allowed only when all of them are, giving the
     * empty array.
     *
     * @throws BasaltException 2202E when the sub-arrays' shapes differ
     */
    public static ArrayValue stack(List<ArrayValue> subarrays) {
        ArrayValue first = null;
        boolean sawEmpty = false;
        java.util.ArrayList<Object> values = new java.util.ArrayList<>();
        for (ArrayValue subarray : subarrays) {
            if (subarray == null || subarray.dimensionCount() == 0) {
                sawEmpty = true;
                continue;
            }
            if (first == null) {
                first = subarray;
            } else if (!Arrays.equals(first.lengths, subarray.lengths)
                    || !Arrays.equals(first.lowerBounds, subarray.lowerBounds)) {
                throw mismatchedSubarrays();
            }
            values.addAll(Arrays.asList(subarray.elements));
        }
        if (first == null) {
            return of(List.of());
        }
        if (sawEmpty) {
            throw mismatchedSubarrays();
        }
        int dimensions = first.dimensionCount() + 1;
        int[] lengths = new int[dimensions];
        int[] lowerBounds = new int[dimensions];
        lengths[0] = subarrays.size();
        lowerBounds[0] = 1;
        System.arraycopy(first.lengths, 0, lengths, 1, dimensions - 1);
        System.arraycopy(first.lowerBounds, 0, lowerBounds, 1, dimensions - 1);
        return of(values, lengths, lowerBounds);
    }

    private static BasaltException mismatchedSubarrays() {
        return BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                "multidimensional arrays must have array expressions with matching dimensions");
    }

    /** The number of elements (of all dimensions). */
    public int length() {
        return elements.length;
    }

    /** Element {@code index} (0-based, in row-major order), or null for a NULL element. */
    public Object get(int index) {
        return elements[index];
    }

    public List<Object> elements() {
        return Arrays.asList(elements.clone());
    }

    /** The number of dimensions: 0 for the empty array. */
    public int dimensionCount() {
        return lengths.length;
    }

    /** The length of dimension {@code dimension} (0-based). */
    public int dimensionLength(int dimension) {
        return lengths[dimension];
    }

    /** The lower bound of dimension {@code dimension} (0-based). */
    public int lowerBound(int dimension) {
        return lowerBounds[dimension];
    }

    public int[] lengths() {
        return lengths.clone();
    }

    public int[] lowerBounds() {
        return lowerBounds.clone();
    }

    /** Whether the array is empty or one-dimensional with lower bound 1: the shape vectors need not record. */
    public boolean hasPlainShape() {
        return lengths.length == 0 || lengths.length == 1 && lowerBounds[0] == 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayValue that && Arrays.equals(elements, that.elements)
                && Arrays.equals(lengths, that.lengths) && Arrays.equals(lowerBounds, that.lowerBounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements) * 31 + Arrays.hashCode(lengths);
    }

    @Override
    public String toString() {
        return hasPlainShape() ? Arrays.toString(elements)
                : Arrays.toString(lengths) + "@" + Arrays.toString(lowerBounds) + Arrays.toString(elements);
    }
}
