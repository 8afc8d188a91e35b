package io.basalt.type;

import java.util.Arrays;
import java.util.List;

/**
 * The canonical Java form of a one-dimensional SQL array (see {@code ValueAccess}): its elements in
 * order, each in its element type's canonical form or null. The lower bound is always 1. Used for
 * constants, parameters and rendering, never per row in a hot loop.
 */
public final class ArrayValue {
    private final Object[] elements;

    private ArrayValue(Object[] elements) {
        this.elements = elements;
    }

    /** An array of {@code elements}, which may contain nulls; the list is copied. */
    public static ArrayValue of(List<?> elements) {
        return new ArrayValue(elements.toArray());
    }

    public int length() {
        return elements.length;
    }

    /** Element {@code index} (0-based), or null for a NULL element. */
    public Object get(int index) {
        return elements[index];
    }

    public List<Object> elements() {
        return Arrays.asList(elements.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayValue that && Arrays.equals(elements, that.elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return Arrays.toString(elements);
    }
}
