package io.basalt.storage.column.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The one pass over a chunk of variable-width values that {@link BinaryStreamCodec} and the chunk's statistics share:
 * each non-NULL value is hashed once, and that hash numbers it among the distinct values (in order of first
 * appearance: the dictionary codes), feeds the distinct-count sketch, and, for a value met for the first time, decides
 * whether it is a new smallest or largest value by unsigned bytes. A repeated value costs one probe; the extremes of
 * the distinct values are those of all values, and a sketch offered each distinct hash once is the sketch of every
 * row's.
 *
 * <p>A NULL row (marked in {@code nulls}, its bytes empty) takes its predecessor's code, leading NULL rows the first
 * value's, so that NULLs neither add dictionary entries nor break runs.
 */
public final class BinaryValueAnalysis {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] codes;
    private final int[] firstRows;
    private final int distinct;
    private final DistinctSketch sketch;
    private final int minRow;
    private final int maxRow;

    private BinaryValueAnalysis(int[] codes, int[] firstRows, int distinct, DistinctSketch sketch, int minRow,
                                int maxRow) {
        this.codes = codes;
        this.firstRows = firstRows;
        this.distinct = distinct;
        this.sketch = sketch;
        this.minRow = minRow;
        this.maxRow = maxRow;
    }

    /**
     * Analyses {@code count} values, value {@code i} being {@code data[offsets[i], offsets[i + 1])}; {@code nulls} marks
     * NULL rows, or is null when there are none. {@code bounds} asks for the smallest and largest value by unsigned
     * bytes ({@link #minRow}, {@link #maxRow}; -1 otherwise or when every row is NULL).
     */
    public static BinaryValueAnalysis of(byte[] data, int[] offsets, boolean[] nulls, int count, boolean bounds) {
        int[] codes = new int[count];
        int[] firstRows = new int[Math.max(count, 1)];
        int capacity = Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slots = new int[capacity];
        // the high half of each code's hash: most probes that meet another value end here, without comparing bytes
        int[] codeHashes = new int[Math.max(count, 1)];
        DistinctSketch sketch = new DistinctSketch();
        int distinct = 0;
        int previous = -1;
        int leadingNulls = 0;
        int minRow = -1;
        int maxRow = -1;
        for (int i = 0; i < count; i++) {
            if (nulls != null && nulls[i]) {
                if (previous < 0) {
                    leadingNulls++;
                } else {
                    codes[i] = previous;
                }
                continue;
            }
            int start = offsets[i];
            int end = offsets[i + 1];
            long h = hash(data, start, end);
            int high = (int) (h >>> 32);
            int slot = (int) h & mask;
            int code;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    code = distinct++;
                    firstRows[code] = i;
                    codeHashes[code] = high;
                    slots[slot] = code + 1;
                    sketch.addHash(h);
                    if (bounds) {
                        // ascending input is common (keys, generated text): the maximum is asked first
                        if (maxRow < 0) {
                            minRow = i;
                            maxRow = i;
                        } else if (Arrays.compareUnsigned(data, start, end, data, offsets[maxRow], offsets[maxRow + 1]) > 0) {
                            maxRow = i;
                        } else if (Arrays.compareUnsigned(data, start, end, data, offsets[minRow], offsets[minRow + 1]) < 0) {
                            minRow = i;
                        }
                    }
                    break;
                }
                int row = firstRows[entry - 1];
                if (codeHashes[entry - 1] == high
                        && Arrays.equals(data, offsets[row], offsets[row + 1], data, start, end)) {
                    code = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            codes[i] = code;
            previous = code;
        }
        // Leading NULL rows already hold code 0, the first value's.
        return new BinaryValueAnalysis(codes, firstRows, leadingNulls == count ? 0 : distinct, sketch, minRow, maxRow);
    }

    /** The number of distinct non-NULL values (0 when every row is NULL). */
    public int distinct() {
        return distinct;
    }

    /** Each row's code: the index of its value among the distinct values in order of first appearance. */
    int[] codes() {
        return codes;
    }

    /** Per code, the first row holding its value. */
    int[] firstRows() {
        return firstRows;
    }

    /** The sketch of the non-NULL values' hashes. */
    public DistinctSketch sketch() {
        return sketch;
    }

    /** A row holding the smallest value by unsigned bytes, or -1. */
    public int minRow() {
        return minRow;
    }

    /** A row holding the largest value by unsigned bytes, or -1. */
    public int maxRow() {
        return maxRow;
    }

    /** The hash of {@code data[start, end)} the dictionary and the sketch use. */
    static long hash(byte[] data, int start, int end) {
        long h = end - start;
        int i = start;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            h = DistinctSketch.mix(h ^ (long) LONG.get(data, i));
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (data[i] & 0xffL) << shift;
        }
        return DistinctSketch.mix(h ^ tail ^ 0x9e3779b97f4a7c15L);
    }
}
