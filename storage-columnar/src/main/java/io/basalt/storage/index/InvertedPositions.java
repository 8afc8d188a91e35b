package io.basalt.storage.index;

import java.util.Arrays;

/**
 * An inverted index from 64-bit entries to the positions holding them: the posting lists behind a GIN index. Each
 * position is added once, in ascending order, with its entries, so every posting list is ascending without sorting.
 * Positions are never removed (the owner records every position ever filled, deleted or not, and its scans mask out
 * what their snapshot does not see), which is what lets one index answer for every version of the rows alike.
 *
 * <p>Layout: open addressing over the entries ({@code long[]} keys), each slot owning an {@code int[]} posting
 * list that doubles as it fills; no object per position. Not thread-safe: the owning store changes and reads it
 * under its own lock.
 */
public final class InvertedPositions {
    private long[] keys = new long[1024];
    private boolean[] used = new boolean[1024];
    private int[][] postings = new int[1024][];
    private int[] sizes = new int[1024];
    private int entries;
    private int positions;

    /** Positions added so far: the next {@link #add} adds this one. */
    public int count() {
        return positions;
    }

    /** Distinct entries held. */
    public int entryCount() {
        return entries;
    }

    /**
     * Adds the next position ({@link #count}) with the first {@code size} of {@code values} as its entries
     * (duplicates allowed).
     */
    public void add(long[] values, int size) {
        int position = positions;
        for (int i = 0; i < size; i++) {
            int slot = slotFor(values[i]);
            int[] list = postings[slot];
            int length = sizes[slot];
            if (length > 0 && list[length - 1] == position) {
                continue; // the same entry twice in one value
            }
            if (list == null) {
                list = new int[2];
                postings[slot] = list;
            } else if (length == list.length) {
                list = Arrays.copyOf(list, length + (length >>> 1) + 2);
                postings[slot] = list;
            }
            list[length] = position;
            sizes[slot] = length + 1;
        }
        positions++;
    }

    /** Adds the next position without entries (a NULL value). */
    public void skip() {
        positions++;
    }

    /**
     * The positions, ascending, holding every one of {@code wanted} (sorted, distinct, not empty): the intersection
     * of their posting lists, shortest first.
     */
    public long[] all(long[] wanted) {
        int[][] lists = new int[wanted.length][];
        int[] lengths = new int[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            int slot = find(wanted[i]);
            if (slot < 0) {
                return new long[0];
            }
            lists[i] = postings[slot];
            lengths[i] = sizes[slot];
        }
        // shortest first: the running intersection only shrinks
        Integer[] order = new Integer[wanted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(lengths[a], lengths[b]));
        int[] current = Arrays.copyOf(lists[order[0]], lengths[order[0]]);
        int size = current.length;
        for (int k = 1; k < order.length && size > 0; k++) {
            size = intersect(current, size, lists[order[k]], lengths[order[k]]);
        }
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = current[i];
        }
        return out;
    }

    /**
     * A superset, ascending, of the positions holding every one of {@code wanted} (sorted, distinct, not empty), for
     * a caller that rechecks each: {@link #all}, except that a posting list holding nearly every position is not
     * intersected with. Such a list (a key every document has, as {@code "brand"} under jsonb_ops) would remove at
     * most its few missing positions from the running candidates, which costs more to find (a search through the
     * list per candidate) than rechecking them: it is skipped when the positions it misses are at most one in
     * {@link #DENSE_SKIP} as many as the shortest list holds.
     */
    public long[] candidates(long[] wanted) {
        int[][] lists = new int[wanted.length][];
        int[] lengths = new int[wanted.length];
        int shortest = -1;
        for (int i = 0; i < wanted.length; i++) {
            int slot = find(wanted[i]);
            if (slot < 0) {
                return new long[0];
            }
            lists[i] = postings[slot];
            lengths[i] = sizes[slot];
            if (shortest < 0 || lengths[i] < lengths[shortest]) {
                shortest = i;
            }
        }
        long[] intersected = new long[wanted.length];
        int kept = 0;
        for (int i = 0; i < wanted.length; i++) {
            boolean dense = (long) (positions - lengths[i]) * DENSE_SKIP <= lengths[shortest];
            if (i == shortest || !dense) {
                intersected[kept++] = wanted[i];
            }
        }
        return all(Arrays.copyOf(intersected, kept));
    }

    /** {@link #candidates} skips a list missing at most one in this many as many positions as the shortest holds. */
    private static final int DENSE_SKIP = 16;

    /** The positions, ascending, holding any of {@code wanted}: the union of their posting lists. */
    public long[] any(long[] wanted) {
        long[] bits = new long[(positions + 63) >>> 6];
        int found = 0;
        for (long entry : wanted) {
            int slot = find(entry);
            if (slot < 0) {
                continue;
            }
            int[] list = postings[slot];
            for (int i = 0, n = sizes[slot]; i < n; i++) {
                int position = list[i];
                long bit = 1L << position;
                if ((bits[position >>> 6] & bit) == 0) {
                    bits[position >>> 6] |= bit;
                    found++;
                }
            }
        }
        long[] out = new long[found];
        int size = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[size++] = ((long) w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return out;
    }

    /**
     * Keeps in {@code current[0, size)} the positions also in {@code other[0, otherSize)}; returns the new size.
     * Gallops through the longer list when the lengths differ much, merges otherwise.
     */
    private static int intersect(int[] current, int size, int[] other, int otherSize) {
        int kept = 0;
        if ((long) size * 16 < otherSize) {
            int from = 0;
            for (int i = 0; i < size && from < otherSize; i++) {
                int value = current[i];
                int step = 1;
                int high = from;
                while (high < otherSize && other[high] < value) {
                    from = high + 1;
                    high += step;
                    step <<= 1;
                }
                int at = Arrays.binarySearch(other, from, Math.min(high + 1, otherSize), value);
                if (at >= 0) {
                    current[kept++] = value;
                    from = at + 1;
                } else {
                    from = -at - 1;
                }
            }
            return kept;
        }
        int j = 0;
        for (int i = 0; i < size && j < otherSize; ) {
            int a = current[i];
            int b = other[j];
            if (a == b) {
                current[kept++] = a;
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return kept;
    }

    /**
     * Writes the posting lists restricted to positions below {@code limit} (at most {@link #count}) to {@code out}:
     * the limit, the number of entries, then per entry its key, its posting count and the positions as deltas in
     * variable-length integers. {@link #read} makes an index of {@code limit} positions from it.
     */
    public void write(java.io.DataOutput out, int limit) throws java.io.IOException {
        int kept = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (used[slot] && below(slot, limit) > 0) {
                kept++;
            }
        }
        out.writeInt(limit);
        out.writeInt(kept);
        for (int slot = 0; slot < keys.length; slot++) {
            int size = used[slot] ? below(slot, limit) : 0;
            if (size == 0) {
                continue;
            }
            out.writeLong(keys[slot]);
            out.writeInt(size);
            int[] list = postings[slot];
            int previous = -1;
            for (int i = 0; i < size; i++) {
                writeVarint(out, list[i] - previous); // ascending and distinct: every delta is at least 1
                previous = list[i];
            }
        }
    }

    /**
     * An index read back from what {@link #write} wrote, holding positions {@code [0, limit)}.
     *
     * @throws java.io.IOException when the input ends early or does not hold ascending positions below its limit
     */
    public static InvertedPositions read(java.io.DataInput in) throws java.io.IOException {
        int limit = in.readInt();
        int entryCount = in.readInt();
        if (limit < 0 || entryCount < 0) {
            throw new java.io.IOException("negative counts");
        }
        InvertedPositions index = new InvertedPositions();
        for (int e = 0; e < entryCount; e++) {
            long key = in.readLong();
            int size = in.readInt();
            if (size <= 0 || size > limit) {
                throw new java.io.IOException("bad posting count " + size);
            }
            int[] list = new int[size];
            long position = -1;
            for (int i = 0; i < size; i++) {
                position += readVarint(in);
                if (position >= limit) {
                    throw new java.io.IOException("position " + position + " past " + limit);
                }
                list[i] = (int) position;
            }
            int slot = index.slotFor(key);
            if (index.postings[slot] != null) {
                throw new java.io.IOException("entry written twice");
            }
            index.postings[slot] = list;
            index.sizes[slot] = size;
        }
        index.positions = limit;
        return index;
    }

    /** How many positions of the posting list in {@code slot} are below {@code limit}. */
    private int below(int slot, int limit) {
        int at = Arrays.binarySearch(postings[slot], 0, sizes[slot], limit);
        return at >= 0 ? at : -at - 1;
    }

    private static void writeVarint(java.io.DataOutput out, int value) throws java.io.IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int readVarint(java.io.DataInput in) throws java.io.IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value <= 0) {
                    throw new java.io.IOException("bad delta");
                }
                return value;
            }
        }
        throw new java.io.IOException("varint too long");
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int slot = spread(key) & mask; used[slot]; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return slot;
            }
        }
        return -1;
    }

    private int slotFor(long key) {
        if ((entries + 1) * 2L > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        entries++;
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        int[][] oldPostings = postings;
        int[] oldSizes = sizes;
        int capacity = oldKeys.length * 2;
        keys = new long[capacity];
        used = new boolean[capacity];
        postings = new int[capacity][];
        sizes = new int[capacity];
        int mask = capacity - 1;
        for (int old = 0; old < oldKeys.length; old++) {
            if (!oldUsed[old]) {
                continue;
            }
            int slot = spread(oldKeys[old]) & mask;
            while (used[slot]) {
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            keys[slot] = oldKeys[old];
            postings[slot] = oldPostings[old];
            sizes[slot] = oldSizes[old];
        }
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 32));
    }
}
