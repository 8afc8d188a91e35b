package io.basalt.exec.vector;

import io.basalt.type.ArrayValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * PostgreSQL's array ordering over Java values ({@link ArrayValue}), the twin of {@link ArrayVectors#compare}
 * for the places that hold arrays as values (min and max of arrays): element by element with NULL above every
 * value, then fewer elements, fewer dimensions, shorter dimensions and smaller lower bounds first.
 */
public final class ArrayValueOrder {
    private ArrayValueOrder() {
    }

    /** Three-way comparison of two arrays of one element type. */
    public static int compare(ArrayValue a, ArrayValue b) {
        int common = Math.min(a.length(), b.length());
        for (int k = 0; k < common; k++) {
            int order = compareElements(a.get(k), b.get(k));
            if (order != 0) {
                return order;
            }
        }
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        if (a.dimensionCount() != b.dimensionCount()) {
            return Integer.compare(a.dimensionCount(), b.dimensionCount());
        }
        int order = Arrays.compare(a.lengths(), b.lengths());
        return order != 0 ? order : Arrays.compare(a.lowerBounds(), b.lowerBounds());
    }

    /** Two elements in canonical form, NULL above every value. */
    @SuppressWarnings("unchecked")
    public static int compareElements(Object x, Object y) {
        if (x == null || y == null) {
            return x == y ? 0 : x == null ? 1 : -1;
        }
        return switch (x) {
            case Double d -> ValueComparison.compareDoubles(d, (Double) y);
            // text orders by its UTF-8 bytes, as the vectors do
            case String s -> Arrays.compareUnsigned(s.getBytes(StandardCharsets.UTF_8),
                    ((String) y).getBytes(StandardCharsets.UTF_8));
            case ArrayValue array -> compare(array, (ArrayValue) y);
            case io.basalt.type.RecordValue record -> RecordValueOrder.compare(record, (io.basalt.type.RecordValue) y);
            default -> ((Comparable<Object>) x).compareTo(y);
        };
    }
}
