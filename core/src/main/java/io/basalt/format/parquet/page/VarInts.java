package io.basalt.format.parquet.page;

/**
 * Reads ULEB128 unsigned integers and zigzag-encoded signed ones from a byte range, as the headers of
 * DELTA_BINARY_PACKED streams store them; a number that runs past the range or past 64 bits is corrupt data (an
 * {@link IllegalStateException}).
 */
final class VarInts {
    private final byte[] data;
    private final int limit;
    private int position;

    VarInts(byte[] data, int offset, int limit) {
        this.data = data;
        this.position = offset;
        this.limit = limit;
    }

    int position() {
        return position;
    }

    void seek(int position) {
        this.position = position;
    }

    /** An unsigned ULEB128 number that must fit in a non-negative int. */
    int readUnsigned() {
        long value = readLong();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalStateException("a count of " + Long.toUnsignedString(value) + " in a DELTA header");
        }
        return (int) value;
    }

    /** A zigzag-encoded signed 64-bit number. */
    long readZigzagLong() {
        long raw = readLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    private long readLong() {
        long value = 0;
        int shift = 0;
        while (true) {
            if (position >= limit) {
                throw new IllegalStateException("a DELTA header ends early");
            }
            int b = data[position++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalStateException("a DELTA header number is too long");
            }
        }
    }
}
