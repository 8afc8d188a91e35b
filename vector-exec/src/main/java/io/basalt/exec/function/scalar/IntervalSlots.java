package io.basalt.exec.function.scalar;

import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * Reads and writes the three fields of an interval in place in its 16-byte slot (months, days as 32-bit
 * integers, then microseconds as a 64-bit integer, little-endian, the layout of {@link io.basalt.type.Interval#toBytes}),
 * so that per-row loops over intervals allocate nothing.
 */
final class IntervalSlots {
    static final int WIDTH = 16;

    private IntervalSlots() {
    }

    static int months(FixedSizeBinaryVector vector, int row) {
        return vector.getDataBuffer().getInt((long) row * WIDTH);
    }

    static int days(FixedSizeBinaryVector vector, int row) {
        return vector.getDataBuffer().getInt((long) row * WIDTH + 4);
    }

    static long micros(FixedSizeBinaryVector vector, int row) {
        return vector.getDataBuffer().getLong((long) row * WIDTH + 8);
    }

    /** Whether the slot holds {@code infinity} or {@code -infinity}. */
    static boolean isInfinite(int months, int days, long micros) {
        return months == Integer.MAX_VALUE && days == Integer.MAX_VALUE && micros == Long.MAX_VALUE
                || months == Integer.MIN_VALUE && days == Integer.MIN_VALUE && micros == Long.MIN_VALUE;
    }

    /** Stores an interval in row {@code row} of a vector allocated for at least that many rows. */
    static void set(FixedSizeBinaryVector vector, int row, int months, int days, long micros) {
        long at = (long) row * WIDTH;
        vector.getDataBuffer().setInt(at, months);
        vector.getDataBuffer().setInt(at + 4, days);
        vector.getDataBuffer().setLong(at + 8, micros);
        vector.setIndexDefined(row);
    }
}
