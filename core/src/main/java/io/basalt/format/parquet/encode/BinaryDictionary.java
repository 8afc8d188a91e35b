package io.basalt.format.parquet.encode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The dictionary of a byte-array column chunk being encoded: distinct values of the chunk's value arena (byte
 * ranges {@code [offsets[v], offsets[v + 1])}), numbered in order of first appearance and remembered by the index
 * of their first value, so that no bytes are copied. {@link #add} refuses a new value once {@code maxEntries} are
 * held or their bytes pass {@code maxBytes}, which tells the encoder to write the chunk PLAIN instead. Not
 * thread-safe.
 */
final class BinaryDictionary {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int EMPTY = -1;

    private final byte[] arena;
    private final int[] offsets;
    private final int maxEntries;
    private final long maxBytes;
    private int[] hashes;
    /** Entry number per slot, or {@link #EMPTY}. */
    private int[] slots;
    /** The value index of each entry's first occurrence. */
    private int[] entries;
    private int size;
    private long bytes;

    BinaryDictionary(byte[] arena, int[] offsets, int maxEntries, long maxBytes) {
        this.arena = arena;
        this.offsets = offsets;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.hashes = new int[64];
        this.slots = new int[64];
        Arrays.fill(slots, EMPTY);
        this.entries = new int[16];
    }

    /** The entry number of value {@code value}, added if new; -1 when it is new and the dictionary is full. */
    int add(int value) {
        int start = offsets[value];
        int end = offsets[value + 1];
        int hash = hash(arena, start, end);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == EMPTY) {
                break;
            }
            if (hashes[slot] == hash) {
                int other = entries[entry];
                if (Arrays.equals(arena, start, end, arena, offsets[other], offsets[other + 1])) {
                    return entry;
                }
            }
            slot = (slot + 1) & mask;
        }
        if (size == maxEntries || bytes + 4 + (end - start) > maxBytes) {
            return -1;
        }
        int entry = size++;
        if (entry == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entries[entry] = value;
        bytes += 4 + (end - start);
        hashes[slot] = hash;
        slots[slot] = entry;
        if (size * 2 > slots.length) {
            grow();
        }
        return entry;
    }

    int size() {
        return size;
    }

    /** Per entry, the value index of its first occurrence (only the first {@link #size()} are entries). */
    int[] entryValues() {
        return entries;
    }

    /** The value index of entry {@code entry}'s first occurrence. */
    int entryValue(int entry) {
        return entries[entry];
    }

    private static int hash(byte[] data, int start, int end) {
        long hash = 0x27D4EB2F165667C5L ^ (end - start);
        int at = start;
        for (; at + 8 <= end; at += 8) {
            hash = (hash ^ (long) LONG.get(data, at)) * 0x9E3779B97F4A7C15L;
            hash ^= hash >>> 29;
        }
        for (; at < end; at++) {
            hash = (hash ^ (data[at] & 0xff)) * 0x100000001B3L;
        }
        hash ^= hash >>> 32;
        return (int) (hash * 0x9E3779B97F4A7C15L >>> 32);
    }

    private void grow() {
        int[] oldHashes = hashes;
        int[] oldSlots = slots;
        int capacity = oldSlots.length * 2;
        hashes = new int[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        int mask = capacity - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != EMPTY) {
                int slot = oldHashes[i] & mask;
                while (slots[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                slots[slot] = oldSlots[i];
            }
        }
    }
}
