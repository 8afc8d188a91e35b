package io.basalt.exec.function.array;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayValueOrder;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * The functions that keep, drop or reorder the items of an array's first dimension (its elements, or its
 * sub-arrays when it has more dimensions), leaving the other dimensions and the lower bounds as they were:
 * {@code trim_array(a, n)} (drops the last n, as a slice: lower bounds 1; 2202E outside [0, length]), {@code array_reverse(a)},
 * {@code array_sort(a [, descending [, nulls_first]])} (sub-arrays in array order; NULLs last ascending, first
 * descending, unless said), {@code array_shuffle(a)} and {@code array_sample(a, n)} (n items in random order,
 * lower bounds 1 for the first dimension; 22023 outside [0, length]). A NULL array gives NULL. These run on Java
 * values: they copy whole arrays anyway.
 */
public record ArrayItemsFunction(ArrayItemsFunction.Kind kind) implements ScalarFunction {
    /** The functions, by PostgreSQL name. */
    public enum Kind {
        TRIM("trim_array"), REVERSE("array_reverse"), SORT("array_sort"), SHUFFLE("array_shuffle"),
        SAMPLE("array_sample");

        private final String functionName;

        Kind(String functionName) {
            this.functionName = functionName;
        }
    }

    @Override
    public String name() {
        return kind.functionName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector array = arguments[0];
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i) || anyNull(arguments, i)) {
                ArrayVectors.setNull(out, i);
                continue;
            }
            ArrayVectors.set(out, i, apply(ArrayVectors.get(array, i), arguments, i));
        }
        return out;
    }

    private boolean anyNull(FieldVector[] arguments, int row) {
        for (int k = 1; k < arguments.length; k++) {
            if (arguments[k].isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private ArrayValue apply(ArrayValue array, FieldVector[] arguments, int row) {
        int items = array.dimensionCount() == 0 ? 0 : array.dimensionLength(0);
        int width = items == 0 ? 0 : array.length() / items;
        List<Integer> order = new ArrayList<>(items);
        for (int k = 0; k < items; k++) {
            order.add(k);
        }
        int[] lengths = array.lengths();
        int[] lowerBounds = array.lowerBounds();
        switch (kind) {
            case TRIM -> {
                int trimmed = ((IntVector) arguments[1]).get(row);
                if (trimmed < 0 || trimmed > items) {
                    throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                            "number of elements to trim must be between 0 and " + items);
                }
                order = order.subList(0, items - trimmed);
                Arrays.fill(lowerBounds, 1);
            }
            case REVERSE -> java.util.Collections.reverse(order);
            case SORT -> order.sort(itemOrder(array, width, arguments, row));
            case SHUFFLE -> java.util.Collections.shuffle(order, ThreadLocalRandom.current());
            case SAMPLE -> {
                int size = ((IntVector) arguments[1]).get(row);
                if (size < 0 || size > items) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "sample size must be between 0 and " + items);
                }
                java.util.Collections.shuffle(order, ThreadLocalRandom.current());
                order = order.subList(0, size);
                if (items > 0) {
                    lowerBounds[0] = 1;
                }
            }
        }
        if (order.isEmpty()) {
            return ArrayValue.of(List.of());
        }
        List<Object> elements = new ArrayList<>(order.size() * width);
        for (int item : order) {
            for (int k = 0; k < width; k++) {
                elements.add(array.get(item * width + k));
            }
        }
        lengths[0] = order.size();
        return ArrayValue.of(elements, lengths, lowerBounds);
    }

    /** array_sort's order of items: by value (sub-arrays element by element), NULLs where asked. */
    private static java.util.Comparator<Integer> itemOrder(ArrayValue array, int width, FieldVector[] arguments,
                                                           int row) {
        boolean descending = arguments.length > 1 && !arguments[1].isNull(row) && ((BitVector) arguments[1]).get(row) != 0;
        boolean nullsFirst = arguments.length > 2 && !arguments[2].isNull(row)
                ? ((BitVector) arguments[2]).get(row) != 0 : descending;
        return (a, b) -> {
            if (width == 1) {
                Object x = array.get(a);
                Object y = array.get(b);
                if (x == null || y == null) {
                    return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
                }
                int order = ArrayValueOrder.compareElements(x, y);
                return descending ? -order : order;
            }
            Object[] left = new Object[width];
            Object[] right = new Object[width];
            for (int k = 0; k < width; k++) {
                left[k] = array.get(a * width + k);
                right[k] = array.get(b * width + k);
            }
            int order = ArrayValueOrder.compare(ArrayValue.of(Arrays.asList(left)), ArrayValue.of(Arrays.asList(right)));
            return descending ? -order : order;
        };
    }
}
