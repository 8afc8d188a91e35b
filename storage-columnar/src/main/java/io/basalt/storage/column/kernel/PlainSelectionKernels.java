package io.basalt.storage.column.kernel;

/**
 * The reference {@link SelectionKernels}: one value at a time in plain Java. {@code VectorSelectionKernels} must set
 * exactly the bits this class sets and runs {@link #selectRange(long[], int, int, long, long, long[])} as its tail.
 */
public final class PlainSelectionKernels implements SelectionKernels {
    @Override
    public void selectRange(long[] values, int count, long low, long high, long[] bits) {
        selectRange(values, 0, count, low, high, bits);
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
