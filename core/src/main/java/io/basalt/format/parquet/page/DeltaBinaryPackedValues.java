package io.basalt.format.parquet.page;

/**
 * Values of a DELTA_BINARY_PACKED page (INT32 or INT64), decoded whole when the page is opened
 * ({@link DeltaBinaryPackedDecoder}) and handed out in order.
 */
public final class DeltaBinaryPackedValues extends PageValues {
    private final long[] values;
    private int next;

    public DeltaBinaryPackedValues(byte[] data, int offset, int end) {
        this.values = new DeltaBinaryPackedDecoder(data, offset, end, false).values();
    }

    private void need(int count) {
        if (next + count > values.length) {
            throw new IllegalStateException("DELTA_BINARY_PACKED values end before the page's value count");
        }
    }

    @Override
    public void readInts(int[] out, int count) {
        need(count);
        long[] in = values;
        int from = next;
        for (int i = 0; i < count; i++) {
            out[i] = (int) in[from + i];
        }
        next += count;
    }

    @Override
    public void readLongs(long[] out, int count) {
        need(count);
        System.arraycopy(values, next, out, 0, count);
        next += count;
    }
}
