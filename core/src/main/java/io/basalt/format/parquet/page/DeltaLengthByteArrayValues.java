package io.basalt.format.parquet.page;

/**
 * Values of a DELTA_LENGTH_BYTE_ARRAY page: every value's length in one DELTA_BINARY_PACKED stream, then all the
 * values' bytes back to back. The values are read where they lie in the page, without copying.
 */
public final class DeltaLengthByteArrayValues extends PageValues {
    private final byte[] data;
    private final long[] lengths;
    private int next;
    private int position;

    public DeltaLengthByteArrayValues(byte[] data, int offset, int end) {
        DeltaBinaryPackedDecoder decoder = new DeltaBinaryPackedDecoder(data, offset, end, true);
        this.data = data;
        this.lengths = decoder.values();
        this.position = decoder.end();
        long total = 0;
        for (long length : lengths) {
            if (length < 0 || length > Integer.MAX_VALUE) {
                throw new IllegalStateException("a negative or huge byte array length " + length);
            }
            total += length;
        }
        if (position + total > end) {
            throw new IllegalStateException("DELTA_LENGTH_BYTE_ARRAY values run past the end of their page");
        }
    }

    @Override
    public byte[] readBinaries(int[] starts, int[] lengths, int count) {
        if (next + count > this.lengths.length) {
            throw new IllegalStateException("DELTA_LENGTH_BYTE_ARRAY values end before the page's value count");
        }
        long[] in = this.lengths;
        int at = position;
        int from = next;
        for (int i = 0; i < count; i++) {
            int length = (int) in[from + i];
            starts[i] = at;
            lengths[i] = length;
            at += length;
        }
        position = at;
        next += count;
        return data;
    }
}
