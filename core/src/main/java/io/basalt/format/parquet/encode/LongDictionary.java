package io.basalt.format.parquet.encode;

import java.util.Arrays;

/**
 * The dictionary of a fixed-width column chunk being encoded: distinct 64-bit keys (INT64 values, INT32 values
 * widened, or the raw bits of floating-point values, so that -0.0 and each NaN keep their own entry) numbered in
 * order of first appearance, in an open-addressing hash table. {@link #add} refuses a new key once
 * {@code maxEntries} are held, which tells the encoder to write the chunk PLAIN instead. Not thread-safe.
 */
final class LongDictionary {
    private static final int EMPTY = -1;

    private final int maxEntries;
    private long[] keys;
    /** Entry number per slot, or {@link #EMPTY}. */
    private int[] slots;
    private long[] entries;
    private int size;
    private int shift;

    LongDictionary(int maxEntries) {
        this.maxEntries = maxEntries;
        int capacity = 64;
        this.keys = new long[capacity];
        this.slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        this.entries = new long[16];
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /** The entry number of {@code key}, added if new; -1 when it is new and the dictionary is full. */
    int add(long key) {
        int mask = slots.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        while (true) {
            int entry = slots[slot];
            if (entry == EMPTY) {
                break;
            }
            if (keys[slot] == key) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
        if (size == maxEntries) {
            return -1;
        }
        int entry = size++;
        if (entry == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entries[entry] = key;
        keys[slot] = key;
        slots[slot] = entry;
        if (size * 2 > slots.length) {
            grow();
        }
        return entry;
    }

    int size() {
        return size;
    }

    /** The key of entry {@code entry}. */
    long entry(int entry) {
        return entries[entry];
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        int capacity = oldSlots.length * 2;
        keys = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != EMPTY) {
                long key = oldKeys[i];
                int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
                while (slots[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                slots[slot] = oldSlots[i];
            }
        }
    }
}
