package io.basalt.storage.column.encoding;

import java.util.Arrays;

/**
 * The distinct values of a stream of longs, up to a limit: an open-addressing hash set without boxing, which then
 * gives each value its index in ascending order (the dictionary code).
 */
final class LongDictionary {
    private final int limit;
    private final long[] keys;
    private final boolean[] used;
    private final int mask;
    private int size;
    private long[] sorted;

    /** A set for up to {@code limit} distinct values. */
    LongDictionary(int limit) {
        this.limit = limit;
        int capacity = Integer.highestOneBit(Math.max(4, limit) * 2 - 1) << 1;
        this.keys = new long[capacity];
        this.used = new boolean[capacity];
        this.mask = capacity - 1;
    }

    /** Adds the distinct values of {@code values[0, count)}; false (and the set is unusable) when they exceed the limit. */
    boolean addAll(long[] values, int count) {
        for (int i = 0; i < count; i++) {
            long value = values[i];
            if (i > 0 && value == values[i - 1]) {
                continue;
            }
            int slot = slot(value);
            if (!used[slot]) {
                if (size == limit) {
                    return false;
                }
                used[slot] = true;
                keys[slot] = value;
                size++;
            }
        }
        return true;
    }

    int size() {
        return size;
    }

    /** The distinct values, ascending. */
    long[] sortedValues() {
        if (sorted == null) {
            sorted = new long[size];
            int n = 0;
            for (int slot = 0; slot < keys.length; slot++) {
                if (used[slot]) {
                    sorted[n++] = keys[slot];
                }
            }
            Arrays.sort(sorted);
        }
        return sorted;
    }

    /** The code (index in {@link #sortedValues()}) of each of {@code values[0, count)}. */
    long[] codes(long[] values, int count) {
        long[] dictionary = sortedValues();
        int[] codeOfSlot = new int[keys.length];
        for (int code = 0; code < dictionary.length; code++) {
            codeOfSlot[slot(dictionary[code])] = code;
        }
        long[] codes = new long[count];
        for (int i = 0; i < count; i++) {
            codes[i] = codeOfSlot[slot(values[i])];
        }
        return codes;
    }

    private int slot(long value) {
        int slot = (int) DistinctSketch.mix(value) & mask;
        while (used[slot] && keys[slot] != value) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
