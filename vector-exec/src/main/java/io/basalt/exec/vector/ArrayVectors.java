package io.basalt.exec.vector;

import io.basalt.type.ArrayValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Arrays in Arrow vectors. An array column is a struct of two lists (see {@code LogicalType.arrowField}):
 * <ul>
 *   <li>{@code items}: the elements in row-major order; row {@code r}'s elements are rows
 *       {@code [start(r), end(r))} of the list's data vector, which has the element type's own vector class;</li>
 *   <li>{@code shape}: NULL for the common arrays, empty ones and one-dimensional ones with lower bound 1;
 *       otherwise the dimension lengths followed by the lower bounds ({@code 2 * ndims} integers).</li>
 * </ul>
 * The struct's own validity is the array's NULL. Element loops over one-dimensional arrays read {@code items}
 * alone and ask {@link #isShaped} only where a lower bound or a dimension matters. Reading and writing whole
 * values, and PostgreSQL's array ordering (element by element, a NULL element above every value and equal to
 * another NULL; then fewer elements first, fewer dimensions first, shorter dimensions first, smaller lower
 * bounds first), which also defines equality.
 */
public final class ArrayVectors {
    /** The child holding the elements. */
    public static final String ITEMS = "items";
    /** The child holding the shape of rows that need one. */
    public static final String SHAPE = "shape";

    private ArrayVectors() {
    }

    /** Whether {@code vector} holds arrays. */
    public static boolean isArray(FieldVector vector) {
        return vector instanceof StructVector struct && struct.getChild(ITEMS) instanceof ListVector;
    }

    /** The list of elements of an array vector. */
    public static ListVector items(FieldVector array) {
        return (ListVector) ((StructVector) array).getChild(ITEMS);
    }

    /** The list of shapes of an array vector. */
    public static ListVector shapes(FieldVector array) {
        return (ListVector) ((StructVector) array).getChild(SHAPE);
    }

    /** The vector all rows' elements live in. */
    public static FieldVector elements(FieldVector array) {
        return (FieldVector) items(array).getDataVector();
    }

    /** The first element position of row {@code row} in the data vector. */
    public static int start(FieldVector array, int row) {
        return items(array).getOffsetBuffer().getInt((long) row * ListVector.OFFSET_WIDTH);
    }

    /** One past the last element position of row {@code row} in the data vector. */
    public static int end(FieldVector array, int row) {
        return items(array).getOffsetBuffer().getInt((long) (row + 1) * ListVector.OFFSET_WIDTH);
    }

    /** Whether row {@code row} (non-null) has a recorded shape: several dimensions or a lower bound other than 1. */
    public static boolean isShaped(FieldVector array, int row) {
        // a row past the shapes' capacity was never given a shape (the array grew without them)
        ListVector shapes = shapes(array);
        return row < shapes.getValueCapacity() && !shapes.isNull(row);
    }

    /** Whether some row of the first {@code rows} has a recorded shape (else all are one-dimensional from 1). */
    public static boolean anyShaped(FieldVector array, int rows) {
        ListVector shapes = shapes(array);
        int known = Math.min(rows, shapes.getValueCapacity());
        for (int i = 0; i < known; i++) {
            if (!shapes.isNull(i)) {
                return true;
            }
        }
        return false;
    }

    /** The number of dimensions of row {@code row} (non-null): 0 when empty. */
    public static int dimensionCount(FieldVector array, int row) {
        if (isShaped(array, row)) {
            ListVector shapes = shapes(array);
            return (shapeEnd(shapes, row) - shapeStart(shapes, row)) / 2;
        }
        return end(array, row) == start(array, row) ? 0 : 1;
    }

    /** The length of dimension {@code dimension} (0-based, below {@link #dimensionCount}) of row {@code row}. */
    public static int dimensionLength(FieldVector array, int row, int dimension) {
        if (isShaped(array, row)) {
            ListVector shapes = shapes(array);
            return ((IntVector) shapes.getDataVector()).get(shapeStart(shapes, row) + dimension);
        }
        return end(array, row) - start(array, row);
    }

    /** The lower bound of dimension {@code dimension} (0-based, below {@link #dimensionCount}) of row {@code row}. */
    public static int lowerBound(FieldVector array, int row, int dimension) {
        if (isShaped(array, row)) {
            ListVector shapes = shapes(array);
            int start = shapeStart(shapes, row);
            int count = (shapeEnd(shapes, row) - start) / 2;
            return ((IntVector) shapes.getDataVector()).get(start + count + dimension);
        }
        return 1;
    }

    private static int shapeStart(ListVector shapes, int row) {
        return shapes.getOffsetBuffer().getInt((long) row * ListVector.OFFSET_WIDTH);
    }

    private static int shapeEnd(ListVector shapes, int row) {
        return shapes.getOffsetBuffer().getInt((long) (row + 1) * ListVector.OFFSET_WIDTH);
    }

    /** Row {@code row} (non-null) as a Java value. */
    public static ArrayValue get(FieldVector array, int row) {
        FieldVector data = elements(array);
        int start = start(array, row);
        int end = end(array, row);
        List<Object> values = new ArrayList<>(end - start);
        for (int k = start; k < end; k++) {
            values.add(ValueAccess.get(data, k));
        }
        if (!isShaped(array, row)) {
            return ArrayValue.of(values);
        }
        int dimensions = dimensionCount(array, row);
        int[] lengths = new int[dimensions];
        int[] lowerBounds = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            lengths[d] = dimensionLength(array, row, d);
            lowerBounds[d] = lowerBound(array, row, d);
        }
        return ArrayValue.of(values, lengths, lowerBounds);
    }

    /**
     * Writes {@code value} at {@code row}. Rows must be written in increasing order (the lists append to their
     * data vectors); skipped rows become NULL.
     */
    public static void set(FieldVector array, int row, ArrayValue value) {
        int start = startRow(array, row);
        FieldVector data = elements(array);
        for (int k = 0; k < value.length(); k++) {
            ValueAccess.set(data, start + k, value.get(k));
        }
        if (value.hasPlainShape()) {
            endRow(array, row, value.length());
        } else {
            endRow(array, row, value.length(), value.lengths(), value.lowerBounds());
        }
    }

    /** Row {@code row} is NULL. */
    public static void setNull(FieldVector array, int row) {
        ((StructVector) array).setNull(row);
    }

    /** Starts row {@code row} (not NULL), returning where its first element goes in the data vector. */
    public static int startRow(FieldVector array, int row) {
        ((StructVector) array).setIndexDefined(row);
        return items(array).startNewValue(row);
    }

    /** Ends row {@code row} after {@code count} elements were written: one dimension from 1, or empty. */
    public static void endRow(FieldVector array, int row, int count) {
        items(array).endValue(row, count);
    }

    /**
     * Ends row {@code row} after {@code count} elements were written, with the given shape (recorded only when
     * it is not one dimension from 1; a zero length makes the array empty, which the caller must have written).
     */
    public static void endRow(FieldVector array, int row, int count, int[] lengths, int[] lowerBounds) {
        items(array).endValue(row, count);
        if (count == 0 || lengths.length == 1 && lowerBounds[0] == 1) {
            return;
        }
        ListVector shapes = shapes(array);
        IntVector data = (IntVector) shapes.getDataVector();
        int at = shapes.startNewValue(row);
        for (int d = 0; d < lengths.length; d++) {
            data.setSafe(at + d, lengths[d]);
            data.setSafe(at + lengths.length + d, lowerBounds[d]);
        }
        shapes.endValue(row, 2 * lengths.length);
    }

    /**
     * Copies row {@code row} of {@code source} (or its NULL) to row {@code targetRow} of {@code target}, element
     * by element through the element vectors (Arrow's own list copy cannot copy some element types, such as
     * fixed-size binary). Target rows must be written in increasing order.
     */
    public static void copyRow(FieldVector source, int row, FieldVector target, int targetRow) {
        if (source.isNull(row)) {
            setNull(target, targetRow);
            return;
        }
        FieldVector from = elements(source);
        FieldVector to = elements(target);
        int start = start(source, row);
        int count = end(source, row) - start;
        int at = startRow(target, targetRow);
        for (int k = 0; k < count; k++) {
            to.copyFromSafe(start + k, at + k, from);
        }
        if (!isShaped(source, row)) {
            endRow(target, targetRow, count);
            return;
        }
        int dimensions = dimensionCount(source, row);
        int[] lengths = new int[dimensions];
        int[] lowerBounds = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            lengths[d] = dimensionLength(source, row, d);
            lowerBounds[d] = lowerBound(source, row, d);
        }
        endRow(target, targetRow, count, lengths, lowerBounds);
    }

    /** Three-way comparison of two non-null arrays of the same element type, as PostgreSQL's btree orders them. */
    public static int compare(FieldVector a, int i, FieldVector b, int j) {
        FieldVector x = elements(a);
        FieldVector y = elements(b);
        int aStart = start(a, i);
        int aLength = end(a, i) - aStart;
        int bStart = start(b, j);
        int bLength = end(b, j) - bStart;
        int common = Math.min(aLength, bLength);
        for (int k = 0; k < common; k++) {
            int order = compareElements(x, aStart + k, y, bStart + k);
            if (order != 0) {
                return order;
            }
        }
        if (aLength != bLength) {
            return Integer.compare(aLength, bLength);
        }
        if (!isShaped(a, i) && !isShaped(b, j)) {
            return 0;
        }
        return compareShapes(a, i, b, j);
    }

    /** Number of dimensions, then lengths, then lower bounds, as array_cmp breaks ties of equal elements. */
    private static int compareShapes(FieldVector a, int i, FieldVector b, int j) {
        int aDimensions = dimensionCount(a, i);
        int bDimensions = dimensionCount(b, j);
        if (aDimensions != bDimensions) {
            return Integer.compare(aDimensions, bDimensions);
        }
        for (int d = 0; d < aDimensions; d++) {
            int order = Integer.compare(dimensionLength(a, i, d), dimensionLength(b, j, d));
            if (order != 0) {
                return order;
            }
        }
        for (int d = 0; d < aDimensions; d++) {
            int order = Integer.compare(lowerBound(a, i, d), lowerBound(b, j, d));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Element order with NULL above every value and equal to NULL. */
    public static int compareElements(FieldVector x, int i, FieldVector y, int j) {
        boolean xNull = x.isNull(i);
        boolean yNull = y.isNull(j);
        if (xNull || yNull) {
            return xNull == yNull ? 0 : xNull ? 1 : -1;
        }
        return ValueComparison.compare(x, i, y, j);
    }
}
