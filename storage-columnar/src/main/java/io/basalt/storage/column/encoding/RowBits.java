package io.basalt.storage.column.encoding;

/**
 * Bitmaps over the rows of a chunk as {@code long[]} words (bit {@code r & 63} of word {@code r >>> 6} stands for
 * row {@code r}): the selections predicates on encoded data produce. Bits past the last row stay clear.
 */
public final class RowBits {
    private RowBits() {
    }

    /** A clear bitmap for {@code rows} rows. */
    public static long[] empty(int rows) {
        return new long[Math.max(1, (rows + 63) >>> 6)];
    }

    /** Sets the bits of rows {@code [from, to)}. */
    public static void setRange(long[] bits, int from, int to) {
        if (from >= to) {
            return;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> (63 - ((to - 1) & 63));
        if (first == last) {
            bits[first] |= firstMask & lastMask;
            return;
        }
        bits[first] |= firstMask;
        for (int word = first + 1; word < last; word++) {
            bits[word] = -1L;
        }
        bits[last] |= lastMask;
    }

    /** Keeps in {@code target} only the bits also set in {@code other}, over the words of {@code target}. */
    public static void and(long[] target, long[] other) {
        for (int word = 0; word < target.length; word++) {
            target[word] &= other[word];
        }
    }

    /** The number of set bits. */
    public static int count(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** Rows {@code [offset, offset + rows)} of {@code bits} as a bitmap of their own ({@code bits} itself for all of them). */
    public static long[] slice(long[] bits, int offset, int rows) {
        if (offset == 0 && (rows + 63) >>> 6 == bits.length) {
            if ((rows & 63) != 0) {
                bits[bits.length - 1] &= (1L << rows) - 1;
            }
            return bits;
        }
        long[] out = empty(rows);
        for (int row = 0; row < rows; row++) {
            int from = offset + row;
            if ((bits[from >>> 6] & (1L << from)) != 0) {
                out[row >>> 6] |= 1L << row;
            }
        }
        return out;
    }

    /** Whether row {@code row}'s bit is set. */
    public static boolean get(long[] bits, int row) {
        return (bits[row >>> 6] & (1L << row)) != 0;
    }
}
