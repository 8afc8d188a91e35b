package io.basalt.format.parquet.page;

/**
 * Values of a dictionary-encoded data page (RLE_DICTIONARY, or PLAIN_DICTIONARY in old files): one byte with the
 * indices' bit width, then the indices in the RLE / bit-packing hybrid, each looked up in the chunk's
 * {@link ColumnDictionary}. An index outside the dictionary means the page is corrupt.
 */
public final class DictionaryValues extends PageValues {
    private final ColumnDictionary dictionary;
    private final RleBitPackedDecoder indices;
    private int[] scratch = new int[0];

    public DictionaryValues(ColumnDictionary dictionary, byte[] data, int offset, int end) {
        if (dictionary == null) {
            throw new IllegalStateException("a dictionary-encoded page without a dictionary page");
        }
        if (offset >= end) {
            throw new IllegalStateException("a dictionary-encoded page without its bit width");
        }
        this.dictionary = dictionary;
        this.indices = new RleBitPackedDecoder(data, offset + 1, end, data[offset] & 0xff);
    }

    private int[] indices(int count) {
        if (scratch.length < count) {
            scratch = new int[Math.max(count, 1024)];
        }
        indices.read(scratch, 0, count);
        int size = dictionary.size;
        for (int i = 0; i < count; i++) {
            if (scratch[i] >= size || scratch[i] < 0) {
                throw new IllegalStateException("dictionary index " + scratch[i] + " out of range (" + size + " entries)");
            }
        }
        return scratch;
    }

    @Override
    public void readInts(int[] out, int count) {
        int[] index = indices(count);
        int[] values = dictionary.ints;
        for (int i = 0; i < count; i++) {
            out[i] = values[index[i]];
        }
    }

    @Override
    public void readLongs(long[] out, int count) {
        int[] index = indices(count);
        long[] values = dictionary.longs;
        for (int i = 0; i < count; i++) {
            out[i] = values[index[i]];
        }
    }

    @Override
    public void readFloats(float[] out, int count) {
        int[] index = indices(count);
        float[] values = dictionary.floats;
        for (int i = 0; i < count; i++) {
            out[i] = values[index[i]];
        }
    }

    @Override
    public void readDoubles(double[] out, int count) {
        int[] index = indices(count);
        double[] values = dictionary.doubles;
        for (int i = 0; i < count; i++) {
            out[i] = values[index[i]];
        }
    }

    @Override
    public byte[] readBinaries(int[] starts, int[] lengths, int count) {
        int[] index = indices(count);
        int[] entryStarts = dictionary.starts;
        int[] entryLengths = dictionary.lengths;
        for (int i = 0; i < count; i++) {
            starts[i] = entryStarts[index[i]];
            lengths[i] = entryLengths[index[i]];
        }
        return dictionary.bytes;
    }
}
