package io.basalt.storage.table;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The key set of a {@link UniqueKeyIndex}: keys are lists of values in equality form. A key of one integer (every
 * integer type reads as a {@code Long}) is kept unboxed in an open-addressing table of longs, so that a primary key
 * of ten million rows costs 16 bytes a key instead of a hash-set entry, a list, an array and a boxed long; every
 * other key is kept in a hash set. The two never overlap: a one-element list holding a {@code Long} always goes to
 * the long table. Not thread-safe (used under the owning store's lock).
 */
final class UniqueKeySet {
    private static final float MAX_LOAD = 0.6f;

    /** Slots of the long table; {@link #used} says which hold a key (no sentinel value is reserved). */
    private long[] slots = new long[16];
    private boolean[] used = new boolean[16];
    private int longCount;
    private final Set<List<Object>> others = new HashSet<>();

    /** Whether {@code key} is held. */
    boolean contains(List<Object> key) {
        if (isLong(key)) {
            return find((Long) key.getFirst()) >= 0;
        }
        return others.contains(key);
    }

    /** Adds {@code key}; false when it was held already. */
    boolean add(List<Object> key) {
        if (isLong(key)) {
            return addLong((Long) key.getFirst());
        }
        return others.add(key);
    }

    /** Removes {@code key}; false when it was not held. */
    boolean remove(List<Object> key) {
        if (isLong(key)) {
            return removeLong((Long) key.getFirst());
        }
        return others.remove(key);
    }

    void addAll(Collection<List<Object>> keys) {
        for (List<Object> key : keys) {
            add(key);
        }
    }

    void removeAll(Collection<List<Object>> keys) {
        for (List<Object> key : keys) {
            remove(key);
        }
    }

    void clear() {
        slots = new long[16];
        used = new boolean[16];
        longCount = 0;
        others.clear();
    }

    private static boolean isLong(List<Object> key) {
        return key.size() == 1 && key.getFirst() instanceof Long;
    }

    private static int hash(long value) {
        long mixed = value * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }

    /** The slot holding {@code value}, or -1. */
    private int find(long value) {
        int mask = slots.length - 1;
        for (int slot = hash(value) & mask; used[slot]; slot = (slot + 1) & mask) {
            if (slots[slot] == value) {
                return slot;
            }
        }
        return -1;
    }

    private boolean addLong(long value) {
        if (longCount + 1 > slots.length * MAX_LOAD) {
            grow();
        }
        int mask = slots.length - 1;
        int slot = hash(value) & mask;
        while (used[slot]) {
            if (slots[slot] == value) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = value;
        used[slot] = true;
        longCount++;
        return true;
    }

    /** Removes by backward-shift deletion, so that lookups need no tombstones. */
    private boolean removeLong(long value) {
        int slot = find(value);
        if (slot < 0) {
            return false;
        }
        int mask = slots.length - 1;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (used[next]) {
            int home = hash(slots[next]) & mask;
            // the entry at next may move into the hole when its home is not cyclically in (hole, next]
            boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable) {
                slots[hole] = slots[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        used[hole] = false;
        longCount--;
        return true;
    }

    private void grow() {
        long[] oldSlots = slots;
        boolean[] oldUsed = used;
        slots = new long[oldSlots.length * 2];
        used = new boolean[oldSlots.length * 2];
        longCount = 0;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldUsed[i]) {
                addLong(oldSlots[i]);
            }
        }
    }
}
