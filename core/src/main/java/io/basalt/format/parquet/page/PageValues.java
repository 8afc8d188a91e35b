package io.basalt.format.parquet.page;

/**
 * The non-null values of one data page, read many at a time in the page's encoding (PLAIN, dictionary indices,
 * or any other encoding through parquet-mr). A caller asks for the representation of the column's physical type:
 * ints for INT32, longs for INT64, floats, doubles, booleans, or byte ranges for BYTE_ARRAY and
 * FIXED_LEN_BYTE_ARRAY. Asking for another representation is a bug (an {@link IllegalStateException}); asking
 * for more values than the page holds means the page is corrupt (also a runtime exception, which the scan
 * reports as such).
 */
public abstract class PageValues {
    public void readInts(int[] out, int count) {
        throw unsupported("INT32");
    }

    public void readLongs(long[] out, int count) {
        throw unsupported("INT64");
    }

    public void readFloats(float[] out, int count) {
        throw unsupported("FLOAT");
    }

    public void readDoubles(double[] out, int count) {
        throw unsupported("DOUBLE");
    }

    public void readBooleans(boolean[] out, int count) {
        throw unsupported("BOOLEAN");
    }

    /**
     * Reads {@code count} byte strings: value {@code i} is {@code lengths[i]} bytes from {@code starts[i]} of the
     * returned array, which the caller may only read until the next call.
     */
    public byte[] readBinaries(int[] starts, int[] lengths, int count) {
        throw unsupported("BYTE_ARRAY");
    }

    /**
     * Where the next {@code count} values lie as little-endian fixed-width values of {@code width} bytes in the
     * returned array, from {@link #plainOffset()}, consumed by this call; null when the page is not PLAIN (the
     * caller then reads them one of the other ways). Lets a column without nulls be copied in one block.
     */
    public byte[] plainBlock(int count, int width) {
        return null;
    }

    /** The offset in {@link #plainBlock}'s array of the block it returned last. */
    public int plainOffset() {
        return 0;
    }

    private IllegalStateException unsupported(String what) {
        return new IllegalStateException(getClass().getSimpleName() + " does not read " + what + " values");
    }
}
