package io.basalt.storage.column.encoding;

import java.util.Arrays;

/**
 * Finds the longest symbol of a {@link SymbolTable} at a position in constant time, as compression needs it for
 * every byte it codes. Symbols of one or two bytes are answered by a table indexed by the next two bytes (the
 * longest of the two-byte symbol and the one-byte symbol that match, or none); symbols of three to eight bytes
 * hang in chains off a small hash table keyed by their first three bytes, each chain longest first, so the first
 * symbol in the chain whose bytes match is the longest that does.
 */
final class MatchIndex {
    private static final int BUCKET_BITS = 10;

    private final long[] values;
    private final int[] lengths;
    /** Per two-byte prefix (first byte in the low bits), the code of the longest symbol of at most two bytes, or -1. */
    private final short[] shortCodes = new short[1 << 16];
    /** Per byte, the code of its one-byte symbol, or -1: for the last byte of the input. */
    private final short[] singleCodes = new short[256];
    private final int[] heads = new int[1 << BUCKET_BITS];
    private final int[] next;

    MatchIndex(long[] values, int[] lengths, int size) {
        this.values = values;
        this.lengths = lengths;
        this.next = new int[size];
        Arrays.fill(shortCodes, (short) -1);
        Arrays.fill(singleCodes, (short) -1);
        Arrays.fill(heads, -1);
        for (int code = 0; code < size; code++) {
            if (lengths[code] == 1) {
                int first = (int) values[code] & 0xff;
                singleCodes[first] = (short) code;
                for (int second = 0; second < 256; second++) {
                    int prefix = first | second << 8;
                    if (shortCodes[prefix] < 0) {
                        shortCodes[prefix] = (short) code;
                    }
                }
            }
        }
        for (int code = 0; code < size; code++) {
            if (lengths[code] == 2) {
                shortCodes[(int) values[code] & 0xffff] = (short) code;
            }
        }
        // Pushed on the chains shortest first, so that every chain reads longest first.
        for (int length = 3; length <= 8; length++) {
            for (int code = 0; code < size; code++) {
                if (lengths[code] == length) {
                    int bucket = bucket(values[code]);
                    next[code] = heads[bucket];
                    heads[bucket] = code;
                }
            }
        }
    }

    /**
     * The code of the longest symbol that {@code word} (the next up to 8 bytes, first byte lowest) starts with, given
     * that only {@code available} of its bytes belong to the input; -1 when no symbol matches.
     */
    int longestMatch(long word, int available) {
        if (available >= 3) {
            for (int code = heads[bucket(word)]; code >= 0; code = next[code]) {
                int length = lengths[code];
                if (length <= available && (word & mask(length)) == values[code]) {
                    return code;
                }
            }
        }
        return available >= 2 ? shortCodes[(int) word & 0xffff] : singleCodes[(int) word & 0xff];
    }

    private static int bucket(long word) {
        return (int) (((word & 0xffffff) * 0x9E3779B1L) >>> 22) & ((1 << BUCKET_BITS) - 1);
    }

    private static long mask(int length) {
        return length == 8 ? -1L : (1L << (8 * length)) - 1;
    }
}
