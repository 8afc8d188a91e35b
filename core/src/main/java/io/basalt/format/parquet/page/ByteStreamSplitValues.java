package io.basalt.format.parquet.page;

/**
 * Values of a BYTE_STREAM_SPLIT page: for values of {@code width} bytes, {@code width} streams of one byte per
 * value, byte {@code b} of value {@code i} at {@code b * count + i} (little-endian bytes). Covers FLOAT, DOUBLE,
 * INT32, INT64 and FIXED_LEN_BYTE_ARRAY pages; fixed-length byte arrays are reassembled into an array of their own.
 */
public final class ByteStreamSplitValues extends PageValues {
    private final byte[] data;
    private final int offset;
    private final int count;
    private final int fixedLength;
    private final int end;
    private int next;
    private byte[] assembled = new byte[0];

    /**
     * @param count       the page's non-null values, each stream's length
     * @param fixedLength the value length for FIXED_LEN_BYTE_ARRAY, -1 otherwise
     */
    public ByteStreamSplitValues(byte[] data, int offset, int end, int count, int fixedLength) {
        this.data = data;
        this.offset = offset;
        this.count = count;
        this.fixedLength = fixedLength;
        int width = fixedLength >= 0 ? fixedLength : 0;
        if (width > 0 && offset + (long) width * count > end) {
            throw new IllegalStateException("BYTE_STREAM_SPLIT streams run past the end of their page");
        }
        this.end = end;
    }

    private void need(int values, int width) {
        if (next + values > count || offset + (long) width * count > end) {
            throw new IllegalStateException("BYTE_STREAM_SPLIT values end before the page's value count");
        }
    }

    private long value(int index, int width) {
        long value = 0;
        for (int b = 0; b < width; b++) {
            value |= (data[offset + b * count + index] & 0xffL) << (8 * b);
        }
        return value;
    }

    @Override
    public void readInts(int[] out, int values) {
        need(values, 4);
        for (int i = 0; i < values; i++) {
            out[i] = (int) value(next + i, 4);
        }
        next += values;
    }

    @Override
    public void readLongs(long[] out, int values) {
        need(values, 8);
        for (int i = 0; i < values; i++) {
            out[i] = value(next + i, 8);
        }
        next += values;
    }

    @Override
    public void readFloats(float[] out, int values) {
        need(values, 4);
        for (int i = 0; i < values; i++) {
            out[i] = Float.intBitsToFloat((int) value(next + i, 4));
        }
        next += values;
    }

    @Override
    public void readDoubles(double[] out, int values) {
        need(values, 8);
        for (int i = 0; i < values; i++) {
            out[i] = Double.longBitsToDouble(value(next + i, 8));
        }
        next += values;
    }

    @Override
    public byte[] readBinaries(int[] starts, int[] lengths, int values) {
        if (fixedLength < 0) {
            throw new IllegalStateException("BYTE_STREAM_SPLIT holds no variable-length byte arrays");
        }
        need(values, fixedLength);
        if (assembled.length < values * fixedLength) {
            assembled = new byte[values * fixedLength];
        }
        for (int i = 0; i < values; i++) {
            for (int b = 0; b < fixedLength; b++) {
                assembled[i * fixedLength + b] = data[offset + b * count + next + i];
            }
            starts[i] = i * fixedLength;
            lengths[i] = fixedLength;
        }
        next += values;
        return assembled;
    }
}
