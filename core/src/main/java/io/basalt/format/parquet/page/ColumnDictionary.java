package io.basalt.format.parquet.page;

import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The decoded dictionary page of a column chunk, as a primitive array of the column's physical type (or byte
 * ranges into the page for byte arrays), which dictionary-encoded data pages index ({@link DictionaryValues}).
 */
public final class ColumnDictionary {
    final int size;
    final int[] ints;
    final long[] longs;
    final float[] floats;
    final double[] doubles;
    final byte[] bytes;
    final int[] starts;
    final int[] lengths;

    private ColumnDictionary(int size, int[] ints, long[] longs, float[] floats, double[] doubles, byte[] bytes,
            int[] starts, int[] lengths) {
        this.size = size;
        this.ints = ints;
        this.longs = longs;
        this.floats = floats;
        this.doubles = doubles;
        this.bytes = bytes;
        this.starts = starts;
        this.lengths = lengths;
    }

    /**
     * Decodes a PLAIN dictionary page of {@code size} entries.
     *
     * @param fixedLength the length of FIXED_LEN_BYTE_ARRAY values, -1 otherwise
     */
    public static ColumnDictionary decode(byte[] page, int size, PrimitiveTypeName type, int fixedLength) {
        if (size < 0) {
            throw new IllegalStateException("negative dictionary size");
        }
        PlainValues plain = new PlainValues(page, 0, page.length, fixedLength);
        return switch (type) {
            case INT32 -> {
                int[] values = new int[size];
                plain.readInts(values, size);
                yield new ColumnDictionary(size, values, null, null, null, null, null, null);
            }
            case INT64 -> {
                long[] values = new long[size];
                plain.readLongs(values, size);
                yield new ColumnDictionary(size, null, values, null, null, null, null, null);
            }
            case FLOAT -> {
                float[] values = new float[size];
                plain.readFloats(values, size);
                yield new ColumnDictionary(size, null, null, values, null, null, null, null);
            }
            case DOUBLE -> {
                double[] values = new double[size];
                plain.readDoubles(values, size);
                yield new ColumnDictionary(size, null, null, null, values, null, null, null);
            }
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                int[] starts = new int[size];
                int[] lengths = new int[size];
                byte[] data = plain.readBinaries(starts, lengths, size);
                yield new ColumnDictionary(size, null, null, null, null, data, starts, lengths);
            }
            case BOOLEAN, INT96 -> throw new IllegalStateException("no dictionary of " + type + " values");
        };
    }
}
