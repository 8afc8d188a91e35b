package io.basalt.storage.column.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The reference {@link SelectionKernels}: one value at a time in plain Java. {@code VectorSelectionKernels} must set
 * exactly the bits this class sets and runs its range methods over {@code [from, to)} as its tails.
 */
public final class PlainSelectionKernels implements SelectionKernels {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Override
    public void selectRange(long[] values, int count, long low, long high, long[] bits) {
        selectRange(values, 0, count, low, high, bits);
    }

    @Override
    public void selectRangeInts(MemorySegment values, int count, int low, int high, long[] bits) {
        selectRangeInts(values, 0, count, low, high, bits);
    }

    @Override
    public void selectRangeLongs(MemorySegment values, int count, long low, long high, long[] bits) {
        selectRangeLongs(values, 0, count, low, high, bits);
    }

    @Override
    public void selectCodes(long[] codes, int count, long matching, long[] bits) {
        selectCodes(codes, 0, count, matching, bits);
    }

    /** {@link #selectCodes(long[], int, long, long[])} over {@code [from, to)} only. */
    static void selectCodes(long[] codes, int from, int to, long matching, long[] bits) {
        for (int i = from; i < to; i++) {
            long code = codes[i];
            // a shift takes the code modulo 64: codes outside [0, 64) are cleared by the unsigned comparison
            long inside = ((matching >>> code) & 1L) & (Long.compareUnsigned(code, 64) < 0 ? 1L : 0L);
            bits[i >>> 6] |= inside << i;
        }
    }

    /** {@link #selectRangeInts(MemorySegment, int, int, int, long[])} over {@code [from, to)} only. */
    static void selectRangeInts(MemorySegment values, int from, int to, int low, int high, long[] bits) {
        for (int i = from; i < to; i++) {
            int value = values.getAtIndex(INT, i);
            long inside = (value >= low ? 1L : 0L) & (value <= high ? 1L : 0L);
            bits[i >>> 6] |= inside << i;
        }
    }

    /** {@link #selectRangeLongs(MemorySegment, int, long, long, long[])} over {@code [from, to)} only. */
    static void selectRangeLongs(MemorySegment values, int from, int to, long low, long high, long[] bits) {
        for (int i = from; i < to; i++) {
            long value = values.getAtIndex(LONG, i);
            long inside = (value >= low ? 1L : 0L) & (value <= high ? 1L : 0L);
            bits[i >>> 6] |= inside << i;
        }
    }

    /** {@link #selectRange(long[], int, long, long, long[])} over {@code [from, to)} only. */
    static void selectRange(long[] values, int from, int to, long low, long high, long[] bits) {
        for (int i = from; i < to; i++) {
            long value = values[i];
            // branch-free: the bit is the conjunction of both bounds
            long inside = (value >= low ? 1L : 0L) & (value <= high ? 1L : 0L);
            bits[i >>> 6] |= inside << i;
        }
    }
}
