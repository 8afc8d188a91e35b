package io.basalt.exec.vector;

import io.basalt.type.ArrayValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Arrays in Arrow ListVectors: row {@code r}'s elements are rows {@code [start(r), end(r))} of the list's
 * data vector, which has the element type's own vector class. Reading and writing whole values, and
 * PostgreSQL's array ordering (element by element, a NULL element above every value and equal to another
 * NULL, then the shorter array first), which also defines equality.
 */
public final class ArrayVectors {
    private ArrayVectors() {
    }

    /** The first element position of row {@code row} in the data vector. */
    public static int start(ListVector vector, int row) {
        return vector.getOffsetBuffer().getInt((long) row * ListVector.OFFSET_WIDTH);
    }

    /** One past the last element position of row {@code row} in the data vector. */
    public static int end(ListVector vector, int row) {
        return vector.getOffsetBuffer().getInt((long) (row + 1) * ListVector.OFFSET_WIDTH);
    }

    public static FieldVector elements(ListVector vector) {
        return (FieldVector) vector.getDataVector();
    }

    /** Row {@code row} (non-null) as a Java value. */
    public static ArrayValue get(ListVector vector, int row) {
        FieldVector data = elements(vector);
        int start = start(vector, row);
        int end = end(vector, row);
        List<Object> values = new ArrayList<>(end - start);
        for (int k = start; k < end; k++) {
            values.add(ValueAccess.get(data, k));
        }
        return ArrayValue.of(values);
    }

    /**
     * Writes {@code value} at {@code row}. Rows must be written in increasing order (ListVector appends
     * elements to its data vector); skipped rows become empty.
     */
    public static void set(ListVector vector, int row, ArrayValue value) {
        int start = vector.startNewValue(row);
        FieldVector data = elements(vector);
        for (int k = 0; k < value.length(); k++) {
            ValueAccess.set(data, start + k, value.get(k));
        }
        vector.endValue(row, value.length());
    }

    /** Starts row {@code row}, returning where its first element goes in the data vector. */
    public static int startRow(ListVector vector, int row) {
        return vector.startNewValue(row);
    }

    /** Ends row {@code row} after {@code count} elements were written from its start. */
    public static void endRow(ListVector vector, int row, int count) {
        vector.endValue(row, count);
    }

    /**
     * Copies row {@code row} of {@code source} (or its NULL) to row {@code targetRow} of {@code target}, element
     * by element through the element vectors (Arrow's own list copy cannot copy some element types, such as
     * fixed-size binary). Target rows must be written in increasing order.
     */
    public static void copyRow(ListVector source, int row, ListVector target, int targetRow) {
        if (source.isNull(row)) {
            target.setNull(targetRow);
            return;
        }
        FieldVector from = elements(source);
        FieldVector to = elements(target);
        int start = start(source, row);
        int count = end(source, row) - start;
        int at = target.startNewValue(targetRow);
        for (int k = 0; k < count; k++) {
            to.copyFromSafe(start + k, at + k, from);
        }
        target.endValue(targetRow, count);
    }

    /** Copies element {@code from} of {@code source}'s data into position {@code to} of {@code target}'s data. */
    public static void copyElement(ListVector source, int from, ListVector target, int to) {
        elements(target).copyFromSafe(from, to, elements(source));
    }

    /** Three-way comparison of two non-null arrays of the same element type, as PostgreSQL's btree orders them. */
    public static int compare(ListVector a, int i, ListVector b, int j) {
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
        return Integer.compare(aLength, bLength);
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
