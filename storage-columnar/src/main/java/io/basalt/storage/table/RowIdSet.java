package io.basalt.storage.table;

/**
 * A set of row ids (non-negative longs) by open addressing, without boxing: how an UPDATE or DELETE whose FROM
 * or USING list joins a row more than once changes it only once. Not thread-safe.
 */
final class RowIdSet {
    private static final long EMPTY = -1;
    private long[] slots = newSlots(64);
    private int size;

    /** Adds {@code rowId}; returns false when it was already there. */
    boolean add(long rowId) {
        if (rowId < 0) {
            throw new IllegalArgumentException("row ids are not negative: " + rowId);
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int slot = hash(rowId) & mask;
        while (slots[slot] != EMPTY) {
            if (slots[slot] == rowId) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = rowId;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = newSlots(old.length * 2);
        size = 0;
        for (long rowId : old) {
            if (rowId != EMPTY) {
                add(rowId);
            }
        }
    }

    private static long[] newSlots(int count) {
        long[] slots = new long[count];
        java.util.Arrays.fill(slots, EMPTY);
        return slots;
    }

    private static int hash(long value) {
        long mixed = value * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }
}
