package io.basalt.exec.operator.sort;

/**
 * A stable merge sort of {@code long} row references (batch index in the high 32 bits, row in the low ones, or
 * any other packing) by a caller's ordering: insertion sort below 17 elements, a skipped merge when the halves
 * are already in order. Stability keeps rows that compare equal in input order, which ORDER BY's ties and
 * ordered-set aggregates rely on.
 */
public final class LongMergeSort {
    /** How two references order; negative, zero or positive as {@link java.util.Comparator}. */
    @FunctionalInterface
    public interface Ordering {
        int compare(long x, long y);
    }

    private LongMergeSort() {
    }

    /** Sorts all of {@code values}. */
    public static void sort(long[] values, Ordering ordering) {
        sort(values, new long[values.length], 0, values.length, ordering);
    }

    /** Sorts {@code values[from, to)}, using {@code scratch} (at least as long) as working space. */
    public static void sort(long[] values, long[] scratch, int from, int to, Ordering ordering) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                long item = values[i];
                int j = i - 1;
                while (j >= from && ordering.compare(values[j], item) > 0) {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = item;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        sort(values, scratch, from, middle, ordering);
        sort(values, scratch, middle, to, ordering);
        if (ordering.compare(values[middle - 1], values[middle]) <= 0) {
            return;
        }
        System.arraycopy(values, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && ordering.compare(scratch[left], scratch[right]) <= 0)) {
                values[k] = scratch[left++];
            } else {
                values[k] = scratch[right++];
            }
        }
    }
}
