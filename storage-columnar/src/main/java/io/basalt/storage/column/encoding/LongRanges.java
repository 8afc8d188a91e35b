package io.basalt.storage.column.encoding;

import java.util.Arrays;

/**
 * A set of 64-bit integers as a union of disjoint closed ranges in ascending order: the values an integer stream's
 * rows must hold to satisfy a predicate. Built from the predicate's constants ({@link #range}, {@link #points}),
 * narrowed by further conjuncts ({@link #intersect}), moved into an encoding's own space (a frame of reference's
 * offsets: {@link #relativeTo}; a sorted dictionary's codes: {@link #codesOf}). Immutable.
 */
public final class LongRanges {
    private static final LongRanges ALL = new LongRanges(new long[] {Long.MIN_VALUE}, new long[] {Long.MAX_VALUE});
    private static final LongRanges NONE = new LongRanges(new long[0], new long[0]);

    private final long[] lows;
    private final long[] highs;

    private LongRanges(long[] lows, long[] highs) {
        this.lows = lows;
        this.highs = highs;
    }

    /** Every value. */
    public static LongRanges all() {
        return ALL;
    }

    /** No value. */
    public static LongRanges none() {
        return NONE;
    }

    /** {@code [low, high]}, empty when {@code low > high}. */
    public static LongRanges range(long low, long high) {
        return low > high ? NONE : new LongRanges(new long[] {low}, new long[] {high});
    }

    /** The given values (any order, repeats allowed). */
    public static LongRanges points(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        long[] points = Arrays.copyOf(sorted, distinct);
        return new LongRanges(points, points.clone());
    }

    /** The number of disjoint ranges. */
    public int size() {
        return lows.length;
    }

    public long low(int range) {
        return lows[range];
    }

    public long high(int range) {
        return highs[range];
    }

    public boolean isEmpty() {
        return lows.length == 0;
    }

    public boolean isAll() {
        return lows.length == 1 && lows[0] == Long.MIN_VALUE && highs[0] == Long.MAX_VALUE;
    }

    /** Whether {@code value} is in the set (binary search over the ranges). */
    public boolean contains(long value) {
        int low = 0;
        int high = lows.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (highs[middle] < value) {
                low = middle + 1;
            } else if (lows[middle] > value) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The values in both sets. */
    public LongRanges intersect(LongRanges other) {
        long[] newLows = new long[lows.length + other.lows.length];
        long[] newHighs = new long[newLows.length];
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < lows.length && j < other.lows.length) {
            long low = Math.max(lows[i], other.lows[j]);
            long high = Math.min(highs[i], other.highs[j]);
            if (low <= high) {
                newLows[count] = low;
                newHighs[count++] = high;
            }
            if (highs[i] < other.highs[j]) {
                i++;
            } else {
                j++;
            }
        }
        return count == 0 ? NONE : new LongRanges(Arrays.copyOf(newLows, count), Arrays.copyOf(newHighs, count));
    }

    /**
     * The set of offsets {@code v - base} of its values {@code v} in {@code [base, base + 2^width - 1]}: what a frame
     * of reference with that base and bit width stores for them ({@code width} below 64).
     */
    public LongRanges relativeTo(long base, int width) {
        long top = (1L << width) - 1;
        long[] newLows = new long[lows.length];
        long[] newHighs = new long[lows.length];
        int count = 0;
        for (int i = 0; i < lows.length; i++) {
            if (highs[i] < base) {
                continue;
            }
            long low = lows[i] <= base ? 0 : offset(lows[i], base);
            long high = offset(highs[i], base);
            if (low > top) {
                break;
            }
            newLows[count] = low;
            newHighs[count++] = Math.min(high, top);
        }
        return count == 0 ? NONE : new LongRanges(Arrays.copyOf(newLows, count), Arrays.copyOf(newHighs, count));
    }

    /** {@code value - base} for {@code value >= base}, saturated at Long.MAX_VALUE where it overflows. */
    private static long offset(long value, long base) {
        long difference = value - base;
        return difference < 0 ? Long.MAX_VALUE : difference;
    }

    /**
     * The codes {@code c} in {@code [0, size)} whose value {@code dictionary[c]} is in the set, as ranges of codes;
     * {@code dictionary[0, size)} must be strictly ascending (a sorted dictionary's codes keep the values' order, so a
     * range of values is a range of codes).
     */
    public LongRanges codesOf(long[] dictionary, int size) {
        long[] newLows = new long[lows.length];
        long[] newHighs = new long[lows.length];
        int count = 0;
        for (int i = 0; i < lows.length; i++) {
            int first = lowerBound(dictionary, size, lows[i]);
            int last = upperBound(dictionary, size, highs[i]) - 1;
            if (first <= last) {
                newLows[count] = first;
                newHighs[count++] = last;
            }
        }
        return count == 0 ? NONE : new LongRanges(Arrays.copyOf(newLows, count), Arrays.copyOf(newHighs, count));
    }

    /** The first index whose value is {@code >= value}. */
    private static int lowerBound(long[] sorted, int size, long value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first index whose value is {@code > value}. */
    private static int upperBound(long[] sorted, int size, long value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The set of codes whose flag is set, as ranges of consecutive codes. */
    public static LongRanges ofFlags(boolean[] flags, int size) {
        long[] newLows = new long[(size + 1) / 2 + 1];
        long[] newHighs = new long[newLows.length];
        int count = 0;
        int code = 0;
        while (code < size) {
            if (!flags[code]) {
                code++;
                continue;
            }
            int start = code;
            while (code < size && flags[code]) {
                code++;
            }
            newLows[count] = start;
            newHighs[count++] = code - 1;
        }
        return count == 0 ? NONE : new LongRanges(Arrays.copyOf(newLows, count), Arrays.copyOf(newHighs, count));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < lows.length; i++) {
            out.append(i == 0 ? "" : ", ").append('[').append(lows[i]).append(", ").append(highs[i]).append(']');
        }
        return out.append('}').toString();
    }
}
