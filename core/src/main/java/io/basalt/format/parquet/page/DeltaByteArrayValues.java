package io.basalt.format.parquet.page;

/**
 * Values of a DELTA_BYTE_ARRAY page (incremental encoding): each value's length of prefix shared with the value
 * before it, as a DELTA_BINARY_PACKED stream, then the suffixes as DELTA_LENGTH_BYTE_ARRAY. The whole page is
 * rebuilt into one array of its own when it is opened, each value after the previous one; the first value of a
 * page has no predecessor (a prefix length above 0 there, or longer than the previous value, is corrupt).
 */
public final class DeltaByteArrayValues extends PageValues {
    private final byte[] values;
    private final int[] valueStarts;
    private final int[] valueLengths;
    private int next;

    public DeltaByteArrayValues(byte[] data, int offset, int end) {
        DeltaBinaryPackedDecoder prefixes = new DeltaBinaryPackedDecoder(data, offset, end, true);
        long[] prefixLengths = prefixes.values();
        DeltaLengthByteArrayValues suffixes = new DeltaLengthByteArrayValues(data, prefixes.end(), end);
        int count = prefixLengths.length;
        int[] suffixStarts = new int[count];
        int[] suffixLengths = new int[count];
        suffixes.readBinaries(suffixStarts, suffixLengths, count);
        valueStarts = new int[count];
        valueLengths = new int[count];
        long total = 0;
        long previousLength = 0;
        for (int i = 0; i < count; i++) {
            long prefix = prefixLengths[i];
            if (prefix < 0 || prefix > previousLength) {
                throw new IllegalStateException("DELTA_BYTE_ARRAY prefix length " + prefix + " longer than the value before it");
            }
            previousLength = prefix + suffixLengths[i];
            total += previousLength;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("DELTA_BYTE_ARRAY page too large");
        }
        byte[] out = new byte[(int) total];
        int position = 0;
        int previousStart = 0;
        for (int i = 0; i < count; i++) {
            int prefix = (int) prefixLengths[i];
            System.arraycopy(out, previousStart, out, position, prefix);
            System.arraycopy(data, suffixStarts[i], out, position + prefix, suffixLengths[i]);
            valueStarts[i] = position;
            valueLengths[i] = prefix + suffixLengths[i];
            previousStart = position;
            position += valueLengths[i];
        }
        this.values = out;
    }

    @Override
    public byte[] readBinaries(int[] starts, int[] lengths, int count) {
        if (next + count > valueStarts.length) {
            throw new IllegalStateException("DELTA_BYTE_ARRAY values end before the page's value count");
        }
        System.arraycopy(valueStarts, next, starts, 0, count);
        System.arraycopy(valueLengths, next, lengths, 0, count);
        next += count;
        return values;
    }
}
